// Words compared byte by byte: the words that the grammars and the rules look for are a few bytes
// long and most differ from the text in their first or second byte, where a call to memcmp (what
// comparing two string_views does) would cost more than the comparison.
//
//     zhquant::detail::starts_with_word("万元以上", "万元");  // true
//     zhquant::detail::same_word("万元", "万");              // false
#pragma once

#include <cstddef>
#include <string_view>

namespace zhquant::detail {

constexpr bool starts_with_word(std::string_view text, std::string_view word) noexcept {
    if (text.size() < word.size()) return false;
    if (!word.empty() && text[0] != word[0]) return false;  // what most words are told by
    for (std::size_t i = 1; i < word.size(); ++i)
        if (text[i] != word[i]) return false;
    return true;
}

constexpr bool same_word(std::string_view a, std::string_view b) noexcept {
    return starts_with_word(a, b) && a.size() == b.size();
}

}  // namespace zhquant::detail
