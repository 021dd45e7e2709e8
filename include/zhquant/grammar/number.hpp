// `number`: a signed numeral, a fraction, or an amount of money — the X3 rule built on `numeral`.
//
//     number_parts parts;
//     x3::parse(first, last, zhquant::grammar::number, parts);
//     // "负32" -> negative, numeral 32;  "三分之一" -> fraction 1 over 3;  "3/5" -> fraction;
//     // "壹佰捌拾壹圆柒角" -> money: 181 yuan, 7 jiao;  "百分之八点三" -> fraction 8.3 over 100
//     // "三百五又三分之一", "1 3/5" -> mixed: a whole part and a fraction
//
// A rule author composes `number` with units and qualifiers; `number_grammar(style)` builds the
// same rule for the strict or normal style (see number_style.hpp).
#pragma once

#include <zhquant/grammar/numeral.hpp>
#include <zhquant/grammar/numeral_parts.hpp>
#include <zhquant/number_style.hpp>

#include <boost/spirit/home/x3/core/action.hpp>
#include <boost/spirit/home/x3/core/call.hpp>
#include <boost/spirit/home/x3/char/char.hpp>
#include <boost/spirit/home/x3/directive/omit.hpp>
#include <boost/spirit/home/x3/nonterminal/rule.hpp>
#include <boost/spirit/home/x3/operator/alternative.hpp>
#include <boost/spirit/home/x3/operator/and_predicate.hpp>
#include <boost/spirit/home/x3/operator/kleene.hpp>
#include <boost/spirit/home/x3/operator/not_predicate.hpp>
#include <boost/spirit/home/x3/operator/optional.hpp>
#include <boost/spirit/home/x3/operator/plus.hpp>
#include <boost/spirit/home/x3/operator/sequence.hpp>
#include <boost/spirit/home/x3/string/literal_string.hpp>
#include <boost/spirit/home/x3/string/symbols.hpp>

#include <cstdint>

namespace zhquant::grammar {

namespace x3 = boost::spirit::x3;

struct number_id;
struct money_tail_id;
struct fraction_tail_id;
struct mixed_tail_id;
struct mixed_slash_tail_id;

// What follows a numeral when it is money: 元 or 圆, then 角 and 分, then 整.
struct money_tail_parts {
    std::uint8_t jiao = 0;
    std::uint8_t fen = 0;
    bool has_change = false;  // 角 or 分 written
    bool settled = false;     // 整 or 正 written
};

// What follows a numeral when it is the denominator of a fraction: 分之 and the numerator.
struct fraction_tail_parts {
    bool negative = false;
    numeral_parts numerator;
};

// A whole part and a fraction: 三百五又三分之一 or 1 3/5.
struct mixed_tail_parts {
    numeral_parts denominator;
    fraction_tail_parts fraction;
};

namespace detail {

// The one-digit counts of 角 and 分.
struct change_digit_table : x3::symbols<std::uint8_t> {
    change_digit_table() {
        add("零", 0)("〇", 0)("一", 1)("壹", 1)("二", 2)("两", 2)("贰", 2)("貳", 2)("三", 3)("叁", 3)("參", 3)
            ("四", 4)("肆", 4)("五", 5)("伍", 5)("六", 6)("陆", 6)("陸", 6)("七", 7)("柒", 7)("八", 8)("捌", 8)
            ("九", 9)("玖", 9);
        for (char d = '0'; d <= '9'; ++d) add(std::string(1, d), static_cast<std::uint8_t>(d - '0'));
    }
};
inline change_digit_table const change_digit;

inline auto const minus_sign = x3::lit('-') | x3::lit("－") | x3::lit("负") | x3::lit("負");
inline auto const spaces = *x3::lit(' ');
inline auto const yuan = x3::lit("元") | x3::lit("圆") | x3::lit("圓");
inline auto const settled_word = x3::lit("整") | x3::lit("正");
inline auto const slash = x3::lit('/') | x3::lit("／");

inline bool plain_arabic_integer(numeral_parts const& n) {
    return n.tokens.size() == 1 && n.tokens[0].arabic && n.inner_over.empty() &&
           n.tokens[0].text.find_first_of(".,") == std::string_view::npos &&
           n.tokens[0].text.find("．") == std::string_view::npos && n.tokens[0].text.find("，") == std::string_view::npos;
}

// 万分之三, 亿分之一: a scale with no digit before it, as the denominator of a fraction only.
struct bare_scale_denominator : x3::parser<bare_scale_denominator> {
    using attribute_type = numeral_parts;
    static bool const has_attribute = true;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
        char const* const p = std::to_address(first);
        char const* const end = p + (last - first);
        auto const c = zhquant::detail::classify_numeral_char(zhquant::detail::decode_three_byte_utf8(p, end));
        if (c.kind != zhquant::detail::numeral_char_kind::scale) return false;
        std::string_view const rest(p + 3, static_cast<std::size_t>(end - p - 3));
        if (rest.substr(0, 6) != "分之") return false;
        numeral_parts parts;
        parts.tokens.push_back(numeral_token{numeral_token_kind::digit, 0, 1, 1, false, std::string_view(p, 3)});
        parts.tokens.push_back(numeral_token{numeral_token_kind::scale, c.exponent, 0, 0, false, std::string_view(p, 3)});
        parts.form.chinese = true;
        parts.form.bare_unit = true;
        first += 3;
        x3::traits::move_to(std::move(parts), attr);
        return true;
    }
};

}  // namespace detail

// The rule `number` in a given style.
inline auto number_grammar(number_style style) {
    using namespace detail;
    numeral_parser const numeral_in_style{style};

    // The actions sit on digit-and-word sequences, so a digit without its 角 sets nothing.
    auto const set_jiao = [](auto& ctx) {
        x3::_val(ctx).jiao = x3::_attr(ctx);
        x3::_val(ctx).has_change = true;
    };
    auto const set_fen = [](auto& ctx) {
        x3::_val(ctx).fen = x3::_attr(ctx);
        x3::_val(ctx).has_change = true;
    };
    auto const set_settled = [](auto& ctx) { x3::_val(ctx).settled = true; };
    auto const money_tail = x3::rule<money_tail_id, money_tail_parts>{"元, 角, 分 or 整"} =
        x3::omit[yuan >> -x3::lit("零") >> -(change_digit >> x3::lit("角"))[set_jiao] >>
                 -(-x3::lit("零") >> change_digit >> x3::lit("分"))[set_fen] >> -settled_word[set_settled]];

    auto const set_numerator_negative = [](auto& ctx) { x3::_val(ctx).negative = true; };
    auto const set_numerator = [](auto& ctx) { x3::_val(ctx).numerator = std::move(x3::_attr(ctx)); };
    auto const fraction_tail = x3::rule<fraction_tail_id, fraction_tail_parts>{"分之 and a numeral"} =
        x3::omit[spaces >> x3::lit("分") >> spaces >> x3::lit("之") >> spaces >>
                 -minus_sign[set_numerator_negative] >> numeral_in_style[set_numerator]];

    auto const set_negative = [](auto& ctx) { x3::_val(ctx).negative = true; };
    auto const set_whole = [](auto& ctx) { x3::_val(ctx).whole = std::move(x3::_attr(ctx)); };
    auto const take_fraction = [](auto& ctx) {
        auto& tail = x3::_attr(ctx);
        auto& val = x3::_val(ctx);
        val.shape = number_shape::fraction;
        val.numerator_negative = tail.negative;
        val.numerator = std::move(tail.numerator);
    };
    // Money only where it cannot be a unit after a plain amount: 大写 digits, or 角/分/整 written.
    auto const take_money = [style](auto& ctx) {
        auto& tail = x3::_attr(ctx);
        auto& val = x3::_val(ctx);
        bool const marked = tail.has_change || tail.settled;
        bool const ok = style == number_style::strict ? marked : (marked || val.whole.form.financial);
        if (!ok || !val.whole.inner_over.empty()) {
            x3::_pass(ctx) = false;
            return;
        }
        val.shape = number_shape::money;
        val.jiao = tail.jiao;
        val.fen = tail.fen;
        val.money_settled = tail.settled;
    };
    // 3/5: two plain Arabic integers, and not a date such as 2024/12/3.
    auto const take_slash = [](auto& ctx) {
        auto& val = x3::_val(ctx);
        auto& below = x3::_attr(ctx);
        if (!plain_arabic_integer(val.whole) || !plain_arabic_integer(below)) {
            x3::_pass(ctx) = false;
            return;
        }
        val.shape = number_shape::fraction;
        val.numerator = std::move(val.whole);
        val.whole = std::move(below);
    };
    auto const slash_tail = slash >> numeral_in_style >> !(slash >> x3::char_('0', '9'));

    auto const set_denominator = [](auto& ctx) { x3::_val(ctx).denominator = std::move(x3::_attr(ctx)); };
    auto const set_fraction = [](auto& ctx) { x3::_val(ctx).fraction = std::move(x3::_attr(ctx)); };
    auto const set_slash_numerator = [](auto& ctx) { x3::_val(ctx).fraction.numerator = std::move(x3::_attr(ctx)); };
    auto const mixed_tail = x3::rule<mixed_tail_id, mixed_tail_parts>{"又 and a fraction"} =
        x3::omit[spaces >> x3::lit("又") >> spaces >> numeral_in_style[set_denominator] >> fraction_tail[set_fraction]];
    auto const mixed_slash_tail = x3::rule<mixed_slash_tail_id, mixed_tail_parts>{"a fraction such as 3/5"} =
        x3::omit[+x3::lit(' ') >> numeral_in_style[set_slash_numerator] >> slash >> numeral_in_style[set_denominator] >>
                 !(slash >> x3::char_('0', '9'))];
    auto const take_mixed = [](auto& ctx) {
        auto& tail = x3::_attr(ctx);
        auto& val = x3::_val(ctx);
        val.shape = number_shape::fraction;
        val.mixed = true;
        val.integer = std::move(val.whole);
        val.whole = std::move(tail.denominator);
        val.numerator_negative = tail.fraction.negative;
        val.numerator = std::move(tail.fraction.numerator);
    };
    auto const take_mixed_slash = [take_mixed](auto& ctx) {
        auto& tail = x3::_attr(ctx);
        auto& val = x3::_val(ctx);
        if (!plain_arabic_integer(val.whole) || !plain_arabic_integer(tail.denominator) ||
            !plain_arabic_integer(tail.fraction.numerator)) {
            x3::_pass(ctx) = false;
            return;
        }
        take_mixed(ctx);
    };

    return x3::rule<number_id, number_parts>{"number"} =
               x3::omit[-minus_sign[set_negative] >> (numeral_in_style[set_whole] | bare_scale_denominator{}[set_whole]) >>
                        -(fraction_tail[take_fraction] | mixed_tail[take_mixed] | money_tail[take_money] |
                          slash_tail[take_slash] | mixed_slash_tail[take_mixed_slash])];
}

// The number rule in the smart style: every form the grammar knows.
inline auto const number = number_grammar(number_style::smart);

}  // namespace zhquant::grammar
