#include "progress.hpp"

#include "display_width.hpp"

#include <fmt/core.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace {

std::size_t terminal_columns() {
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

// The end of `name` that fits in `columns` columns, with … in front when cut.
std::string tail_fitting(std::string_view name, std::size_t columns) {
    if (display_width(name) <= columns) return std::string(name);
    while (!name.empty() && display_width(name) + 1 > columns) {
        name.remove_prefix(1);
        while (!name.empty() && (static_cast<unsigned char>(name.front()) & 0xC0) == 0x80) name.remove_prefix(1);
    }
    return "…" + std::string(name);
}

}  // namespace

progress_bar::progress_bar(std::size_t total, bool allowed)
    : total_(total), enabled_(allowed && total >= min_files && isatty(STDERR_FILENO) == 1) {}

void progress_bar::step(std::string_view name) {
    if (!enabled_) return;
    ++done_;
    auto const now = std::chrono::steady_clock::now();
    // Redraw at most 20 times a second, and always for the last document.
    if (done_ < total_ && visible_ && now - last_ < std::chrono::milliseconds(50)) return;
    last_ = now;
    draw(name);
}

void progress_bar::draw(std::string_view name) {
    constexpr std::size_t bar = 30;
    std::size_t const filled = total_ ? done_ * bar / total_ : bar;
    std::string line = "[";
    line.append(filled, '=');
    if (filled < bar) {
        line += '>';
        line.append(bar - filled - 1, ' ');
    }
    std::string const count = std::to_string(total_);
    line += fmt::format("] {:>{}}/{}  ", done_, count.size(), count);
    std::size_t const columns = terminal_columns();
    if (columns > line.size() + 1) line += tail_fitting(name, columns - line.size() - 1);
    fmt::print(stderr, "\r\x1b[K{}", line);
    std::fflush(stderr);
    visible_ = true;
}

void progress_bar::clear() {
    if (!visible_) return;
    fmt::print(stderr, "\r\x1b[K");
    std::fflush(stderr);
    visible_ = false;
}
