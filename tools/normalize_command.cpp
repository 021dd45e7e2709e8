#include "normalize_command.hpp"

#include "input.hpp"
#include "line_limit.hpp"
#include "output.hpp"

#include <zhquant/text/normalize.hpp>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::map<std::string, zhquant::invalid_utf8> const& on_invalid_names() {
    static std::map<std::string, zhquant::invalid_utf8> const names{
        {"replace", zhquant::invalid_utf8::replace},
        {"fail", zhquant::invalid_utf8::fail},
    };
    return names;
}

struct normalize_command_options {
    std::vector<std::string> files;
    bool map = false;
    std::string on_invalid = "replace";  // a key of on_invalid_names()
    std::size_t max_line_bytes = default_line_limit;
};

// Writes what the normalizer hands out: the text, or (--map) one JSON object per segment.
// Normalized offsets count across the whole document.  A copied run that the normalizer cut
// between two pieces is printed as one segment, as normalize() of the whole text would map it,
// unless it is already `merge_limit` bytes long: a file that is one long unchanged run still
// streams in bounded memory.
class piece_writer {
public:
    piece_writer(std::string_view doc, bool map) : doc_(doc), map_(map) {}
    piece_writer(piece_writer const&) = delete;
    piece_writer& operator=(piece_writer const&) = delete;
    ~piece_writer() { flush(); }

    // Problems found so far (invalid UTF-8, replaced).
    bool had_problems() const noexcept { return had_problems_; }

    void operator()(zhquant::normalized_text&& piece) {
        for (auto const& p : piece.problems) {
            print_error(doc_, p.offset, p.message);
            had_problems_ = true;
        }
        if (!map_) {
            std::fwrite(piece.text.data(), 1, piece.text.size(), stdout);
        } else {
            for (auto const s : piece.map) {
                segment next{s.original_begin, s.original_end, base_ + s.normalized_begin, base_ + s.normalized_end,
                             s.copied,
                             piece.text.substr(s.normalized_begin, s.normalized_end - s.normalized_begin)};
                if (pending_ && pending_->copied && next.copied && pending_->orig_end == next.orig_start &&
                    pending_->end == next.start && pending_->text.size() < merge_limit) {
                    pending_->orig_end = next.orig_end;
                    pending_->end = next.end;
                    pending_->text += next.text;
                    continue;
                }
                write_pending();
                pending_ = std::move(next);
            }
        }
        base_ += piece.text.size();
    }

    // The end of the document (or of what was read of it).
    void flush() {
        write_pending();
        if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
        buffer_.clear();
        std::fflush(stdout);
    }

private:
    static constexpr std::size_t merge_limit = zhquant::normalizer::default_block_size;

    struct segment {
        std::size_t orig_start, orig_end, start, end;
        bool copied;
        std::string text;
    };

    void write_pending() {
        if (!pending_) return;
        boost::json::object row;
        row["doc"] = doc_;
        row["start"] = pending_->start;
        row["end"] = pending_->end;
        row["orig_start"] = pending_->orig_start;
        row["orig_end"] = pending_->orig_end;
        row["copied"] = pending_->copied;
        row["text"] = pending_->text;
        buffer_ += boost::json::serialize(row);
        buffer_ += '\n';
        pending_.reset();
        if (buffer_.size() >= (1u << 16)) {
            std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
            buffer_.clear();
        }
    }

    std::string_view doc_;
    bool map_;
    bool had_problems_ = false;
    std::size_t base_ = 0;  // normalized bytes handed out before this piece
    std::optional<segment> pending_;
    std::string buffer_;
};

// Normalizes one file through the streaming normalizer, `block` bytes at a time.  Returns 0, or 1
// when the file could not be read or was not valid UTF-8.
int normalize_file(std::string const& path, normalize_command_options const& options, std::string& block) {
    bool const is_stdin = path == "-";
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned{nullptr, std::fclose};
    std::FILE* file = stdin;
    if (!is_stdin) {
        owned.reset(std::fopen(path.c_str(), "rb"));
        if (!owned) {
            report_unreadable(path, std::strerror(errno));
            return 1;
        }
        file = owned.get();
    }

    zhquant::normalize_options normalize_options;
    normalize_options.on_invalid = on_invalid_names().at(options.on_invalid);
    normalize_options.max_line_bytes = line_limit(options.max_line_bytes);
    zhquant::normalizer normalizer(normalize_options, block.size());
    piece_writer out(path, options.map);

    std::optional<zhquant::error> failed;
    std::size_t got = 0;
    while (!failed && (got = std::fread(block.data(), 1, block.size(), file)) > 0)
        failed = normalizer.feed(std::string_view(block.data(), got), out);
    if (std::ferror(file)) {  // e.g. EISDIR for a directory, which fopen accepts
        int const e = errno;
        out.flush();
        if (is_stdin) std::clearerr(file);
        report_unreadable(path, std::strerror(e));
        return 1;
    }
    if (is_stdin) std::clearerr(file);  // "-" given twice reads nothing the second time
    if (!failed) failed = normalizer.finish(out);
    out.flush();
    if (failed) {
        print_error(path, failed->offset, failed->message);
        return 1;
    }
    return out.had_problems() ? 1 : 0;
}

int run_normalize(normalize_command_options const& options) {
    std::vector<std::string> const stdin_only{"-"};
    auto const& files = options.files.empty() ? stdin_only : options.files;
    std::string block(zhquant::normalizer::default_block_size, '\0');  // 1 MiB
    int status = 0;
    for (auto const& path : files)
        if (normalize_file(path, options, block) != 0) status = 1;
    return status;
}

}  // namespace

void add_normalize_command(CLI::App& app) {
    auto options = std::make_shared<normalize_command_options>();
    auto* command = app.add_subcommand(
        "normalize", "Print the normalized text of each FILE (stdin if none), the text the grammars read");
    command->add_option("files", options->files, "UTF-8 text files; '-' is standard input")->type_name("FILE");
    command->add_flag("--map", options->map,
                      "instead of the text, one JSON object per segment of the offset map: doc, start, end "
                      "(normalized bytes), orig_start, orig_end (original bytes), copied, text");
    command->add_option("--on-invalid", options->on_invalid,
                        "invalid UTF-8: replace each bad sequence by U+FFFD and report it, or fail (stop the "
                        "file at the first one); either way it is reported as FILE:OFFSET: error: MESSAGE "
                        "and the exit status is 1")
        ->transform(CLI::IsMember(on_invalid_names(), CLI::ignore_case))
        ->capture_default_str();
    add_line_limit_option(*command, options->max_line_bytes);
    command->footer(
        "Files are read in 1 MiB blocks, so memory stays bounded whatever their size.\n"
        "\n"
        "Example:\n"
        "  $ printf '实 现 税 收 598 萬 元\\r\\n同比增长 ８．３％' | zhquant normalize\n"
        "  实现税收598万元同比增长8.3%\n"
        "  $ printf '5 萬' | zhquant normalize --map\n"
        "  {\"doc\":\"-\",\"start\":0,\"end\":1,\"orig_start\":0,\"orig_end\":1,\"copied\":true,\"text\":\"5\"}\n"
        "  ...");
    command->callback([options] {
        if (int status = run_normalize(*options); status != 0) throw CLI::RuntimeError(status);
    });
}
