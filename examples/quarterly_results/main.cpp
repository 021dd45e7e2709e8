// quarterly_results: the records of a company's quarterly report, one line each.
//
//     $ quarterly_results --lexicon quarterly_results.lex "2024年第三季度营业收入12.5亿元，同比增长15.2%"
//     result  营业收入  12.5亿元  period 三季度  year 2024年  同比 up 15.2%
//
// Reads the sentences given, or standard input when none are.
#include "quarterly_results.hpp"

#include <zhquant/rules/extract.hpp>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    zhquant::rules::lexicon words = zhquant::rules::lexicon::builtin();
    std::vector<std::string> texts;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--lexicon" && i + 1 < argc) {
            if (auto added = zhquant::rules::load_lexicon_from_path(argv[++i], words); !added) {
                std::cerr << added.error().message << '\n';
                return 2;
            }
        } else {
            texts.push_back(arg);
        }
    }
    if (texts.empty())
        for (std::string line; std::getline(std::cin, line);) texts.push_back(line);

    zhquant::rules::extract_options options;
    options.words = &words;
    for (auto const& text : texts) {
        auto const found = zhquant::rules::extract(text, quarterly_results::rules(), options);
        // Offsets are bytes of `text`: a mention's text is the slice it covers.
        auto mention = [&](std::size_t i) {
            auto const& m = found.mentions[i];
            return text.substr(m.start, m.end - m.start);
        };
        for (auto const& r : found.records) {
            std::cout << r.rule << "  " << r.indicator;
            if (r.value) std::cout << "  " << mention(*r.value);
            if (r.period) std::cout << "  period " << mention(*r.period);
            for (auto const& v : r.values) std::cout << "  " << v.name << ' ' << mention(v.mention);
            if (r.share) std::cout << "  share " << mention(*r.share) << " of " << r.share_of;
            for (auto const& c : r.changes) {
                std::cout << "  " << (c.basis.empty() ? "" : c.basis + ' ') << zhquant::name(c.direction);
                if (c.value) std::cout << ' ' << mention(*c.value);
            }
            std::cout << '\n';
        }
        for (auto const& e : found.errors) std::cerr << "error: " << e.message << '\n';
    }
}
