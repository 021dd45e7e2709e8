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

int main(int argc, char** argv) {
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
