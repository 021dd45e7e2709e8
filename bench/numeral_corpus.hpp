// A reproducible mix of numerals for the benchmarks: Arabic, Chinese, financial, mixed,
// fractions and vague counts, in roughly the proportions of township reports.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace zhquant::bench {

// n < 10^12 in formal Chinese numerals, with 零 for skipped places: 40050000 -> 四千零五万.
inline std::string chinese_numeral(std::uint64_t n, bool financial = false) {
    static char const* const plain[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static char const* const fancy[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    static char const* const units_plain[] = {"", "十", "百", "千"};
    static char const* const units_fancy[] = {"", "拾", "佰", "仟"};
    auto const* digits = financial ? fancy : plain;
    auto const* units = financial ? units_fancy : units_plain;
    if (n == 0) return digits[0];
    auto section = [&](unsigned s, bool leading) {
        std::string out;
        bool zero = false;
        for (int place = 3; place >= 0; --place) {
            unsigned p10 = 1;
            for (int i = 0; i < place; ++i) p10 *= 10;
            unsigned const d = (s / p10) % 10;
            if (d == 0) {
                if (!out.empty() || !leading) zero = true;
                continue;
            }
            if (zero && (!out.empty() || !leading)) out += digits[0];
            zero = false;
            out += digits[d];
            out += units[place];
        }
        return out;
    };
    std::string out;
    char const* const scales[] = {"亿", "万", ""};
    std::uint64_t const sizes[] = {100000000, 10000, 1};
    bool started = false;
    for (int i = 0; i < 3; ++i) {
        unsigned const s = static_cast<unsigned>((n / sizes[i]) % 10000);
        if (s == 0) continue;
        bool const needs_zero = started && s < 1000;
        std::string part = section(s, true);
        if (needs_zero) out += digits[0];
        out += part + scales[i];
        started = true;
    }
    return out;
}

struct numeral_corpus {
    std::vector<std::string> mixed;   // every form
    std::vector<std::string> arabic;  // plain Arabic numbers, the subset std::from_chars reads
};

inline numeral_corpus make_numeral_corpus(std::size_t count = 10000, unsigned seed = 42) {
    std::mt19937_64 rng(seed);
    auto below = [&](std::uint64_t n) { return rng() % n; };
    numeral_corpus c;
    for (std::size_t i = 0; i < count; ++i) {
        std::string s;
        switch (below(10)) {
            case 0: case 1: s = std::to_string(below(100000)); break;
            case 2: s = std::to_string(below(10000)) + "." + std::to_string(below(100)); break;
            case 3: s = std::to_string(below(100000)) + (below(2) ? "万" : "亿"); break;
            case 4: s = std::to_string(below(100)) + "." + std::to_string(1 + below(9)) + "万"; break;
            case 5: case 6: s = chinese_numeral(below(1000000000)); break;
            case 7: s = chinese_numeral(below(100000), true); break;
            case 8: s = std::to_string(1 + below(9)) + "万" + std::to_string(1 + below(9)) + "千"; break;
            default: s = chinese_numeral(2 + below(8)) + "分之" + chinese_numeral(1 + below(1)); break;
        }
        bool const plain_arabic = s.find_first_not_of("0123456789.") == std::string::npos;
        if (plain_arabic) c.arabic.push_back(s);
        c.mixed.push_back(std::move(s));
    }
    return c;
}

}  // namespace zhquant::bench
