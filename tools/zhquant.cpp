// zhquant: numbers in Chinese reports, from the command line.
//
//     zhquant numbers report.txt            # one JSON object per number
//     zhquant numbers --format table *.txt  # an aligned table
//     zhquant mentions report.txt           # quantities, percents and dates, resolved
//     zhquant extract report.txt            # records: indicator, value, period, change
//     zhquant extract -f html -o r.html dir/  # a page to read the records in a browser
//     zhquant explain "完成税收598万元"        # which rule read a sentence, and why the others did not
//     zhquant normalize report.txt          # the normalized text the grammars read
//
// Each subcommand lives in its own file and registers itself with add_<name>_command.
#include "explain_command.hpp"
#include "extract_command.hpp"
#include "mentions_command.hpp"
#include "normalize_command.hpp"
#include "numbers_command.hpp"

#include <CLI/CLI.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// Keeps freed memory in the process for the next piece of input.  glibc otherwise serves each
// large buffer (a piece's text, its offset map, its mentions: hundreds of kilobytes) with mmap and
// gives it back when freed, so that every piece touches fresh pages; on the virtual machines this
// runs on a first touch costs microseconds a page, and extract spent a third of its time in the
// kernel (bench/RESULTS.md).  Memory stays bounded: the same few buffers are reused.
void keep_freed_memory() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    keep_freed_memory();
    CLI::App app{"zhquant: finds the numbers in Chinese reports", "zhquant"};
    app.set_version_flag("--version", ZHQUANT_VERSION_STRING);
    app.require_subcommand(1);

    add_numbers_command(app);
    add_mentions_command(app);
    add_extract_command(app);
    add_explain_command(app);
    add_normalize_command(app);

    // A subcommand reports failure by throwing CLI::RuntimeError(status) from its callback.
    CLI11_PARSE(app, argc, argv);
    return 0;
}
