// Words that contain a numeral character without being a number: 一切, 四川, 队伍, 收拾.
//
//     starts_non_numeral_word("一切都好")  // 6: the bytes of 一切
//
// The number finder consults these before it reports a number; the mentions layer has its own,
// larger judgement (ordinals, names, slogans).  Kept as plain sorted-by-use lists, not a grammar:
// a reader should see at once which words are here.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace zhquant::detail {

// Words that begin with the numeral.
inline constexpr std::array<std::string_view, 36> numeral_led_words{
    "一切", "一看", "一样", "一起", "一直", "一般", "一些", "一旦", "一致", "一定", "一同", "一体",
    "一律", "一齐", "一向", "一再", "一味", "一边", "一方面", "一举", "一贯", "一流", "一带一路",
    "一帧", "一点点", "两两", "四川", "千方百计", "千万不", "万一", "十足", "十分重要", "十分必要",
    "百分百", "一把手", "一线"};

// A numeral character that, after this character, is the second half of a word.
inline constexpr std::array<std::string_view, 22> numeral_trailed_words{
    "统一", "唯一", "专一", "同一", "单一", "划一", "逐一", "不一", "之一", "万一", "大陆", "登陆",
    "海陆", "着陆", "内陆", "队伍", "入伍", "退伍", "落伍", "收拾", "夕拾", "放肆"};

// Financial numerals that are everyday characters when they stand alone (陆地, 伍仁, 拾取, 肆意).
inline constexpr std::array<std::string_view, 6> lone_financial_words{"陆", "陸", "伍", "拾", "肆", "柒"};

inline std::size_t starts_non_numeral_word(std::string_view text) noexcept {
    for (std::string_view w : numeral_led_words)
        if (text.substr(0, w.size()) == w) return w.size();
    return 0;
}

// `before` is the text up to the numeral, `single` the numeral's one character.
inline bool ends_non_numeral_word(std::string_view before, std::string_view single) noexcept {
    for (std::string_view w : numeral_trailed_words) {
        if (w.size() <= single.size() || w.substr(w.size() - single.size()) != single) continue;
        std::string_view const head = w.substr(0, w.size() - single.size());
        if (before.size() >= head.size() && before.substr(before.size() - head.size()) == head) return true;
    }
    return false;
}

}  // namespace zhquant::detail
