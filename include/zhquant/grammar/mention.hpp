// `mention`: a number with what makes it a quantity, a percent or a date, read at one place.
//
//     mention_parts m;
//     mention_reader reader(unit_registry::builtin());
//     reader.read(text, at, m);
//     // "超200万元"   -> quantity 200万, unit 元, qualifier 超 (over)
//     // "1.2万余只"   -> quantity 1.2万, 余 (over), unit 只
//     // "同比增长8.3%" read at "8.3" -> percent 8.3
//     // "1-11月"      -> date XXXX-01 .. XXXX-11
//     // "5000万元至1亿元" -> quantity range
//
// It reads normalized text (text/normalize.hpp): no PDF spaces, full-width digits folded,
// traditional numeral and unit characters simplified.  What is *not* a mention — an ordinal
// (第八批), a reduplicated classifier (一帧帧), a number with no unit — it refuses.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/start_chars.hpp>
#include <zhquant/detail/word_bytes.hpp>
#include <zhquant/grammar/mention_parts.hpp>
#include <zhquant/grammar/number_rule.hpp>
#include <zhquant/grammar/numeral_scanner.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/value/resolve.hpp>
#include <zhquant/value/units.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace zhquant::grammar {

namespace detail {

// Words compared byte by byte (word_bytes.hpp), after every number.
inline bool starts_with(std::string_view text, std::string_view word) noexcept {
    return zhquant::detail::starts_with_word(text, word);
}
using zhquant::detail::same_word;

// A word of a list, with its first three bytes kept as a number: a text is checked against a
// whole list for the word it begins with, and nearly every word differs from it in its first
// character, so one comparison of numbers rejects it where a byte loop took a few.
struct listed_word {
    std::string_view text;
    std::uint32_t head = 0;  // the first (up to) three bytes
    std::uint32_t mask = 0;  // which bytes of `head` the word has

    constexpr listed_word(std::string_view word) noexcept : text(word), head(head_of(word)), mask(mask_of(word)) {}
    template <std::size_t N>
    constexpr listed_word(char const (&word)[N]) noexcept : listed_word(std::string_view(word, N - 1)) {}

    // The first three bytes of `s` (zeros past its end): what begins() wants for `s`.
    static constexpr std::uint32_t head_of(std::string_view s) noexcept {
        auto const byte = [s](std::size_t i) { return std::uint32_t(static_cast<unsigned char>(s[i])) << (8 * i); };
        if (s.size() >= 3) return byte(0) | byte(1) | byte(2);  // nearly always: asked of a text
        std::uint32_t h = 0;
        for (std::size_t i = 0; i < s.size(); ++i) h |= byte(i);
        return h;
    }
    static constexpr std::uint32_t mask_of(std::string_view s) noexcept {
        return s.size() >= 3 ? 0xFFFFFFu : (1u << (8 * s.size())) - 1;
    }

    // Whether `s`, whose head_of is `s_head`, begins with this word.
    constexpr bool begins(std::string_view s, std::uint32_t s_head) const noexcept {
        return (s_head & mask) == head && starts_with(s, text);
    }
};

struct qualifier_word {
    listed_word word;
    qualifier qual;
};

constexpr listed_word const& word_of(listed_word const& w) noexcept { return w; }
constexpr listed_word const& word_of(qualifier_word const& w) noexcept { return w.word; }

// The first character of a text or a word, from its first three bytes (listed_word::head_of):
// the bytes of that character alone, a fourth byte left out.
constexpr std::uint32_t first_character_of(std::uint32_t head) noexcept {
    std::uint32_t const lead = head & 0xFFu;
    return head & (lead < 0x80 ? 0xFFu : lead < 0xE0 ? 0xFFFFu : 0xFFFFFFu);
}

// One of 1024 bits for a first character (a multiplicative hash: the low bytes of nearby CJK
// characters differ, and it mixes them into the top bits).  With 64 bits, 吨, 元 and 亿 shared
// theirs with a first character of unit_lookalikes, and every unit after every number was
// compared with all 39 words.
constexpr unsigned first_character_bit(std::uint32_t head) noexcept {
    return (first_character_of(head) * 0x9E3779B1u) >> 22;
}

// A list of words (listed_word or qualifier_word) with a filter of their first characters: a list
// is tried at many places where none of its words begins, and one bit then says so where the
// loop compared every word (39 of them for unit_lookalikes).
//
// Where a text passes the filter, only the words in its bit's group of 16 bits are compared: the
// text after a number of people (人) or households (户) begins like 人民 or 户籍, and was compared
// with every word of the list.
template <class Entry, std::size_t N>
struct word_list {
    static_assert(N < 256, "a group's entries are numbered in a byte");
    static constexpr unsigned groups = 64;

    std::array<Entry, N> words;
    std::array<std::uint64_t, 16> first_characters{};
    std::array<std::uint8_t, groups + 1> group_begin{};  // into by_group, for bit / 16
    std::array<std::uint8_t, N> by_group{};              // indices into words, in order within a group

    constexpr explicit word_list(std::array<Entry, N> const& entries) noexcept : words(entries) {
        std::array<unsigned, groups + 1> count{};
        for (auto const& e : words) {
            unsigned const bit = first_character_bit(word_of(e).head);
            first_characters[bit / 64] |= std::uint64_t{1} << (bit % 64);
            ++count[bit / 16 + 1];
        }
        for (unsigned g = 0; g < groups; ++g) count[g + 1] += count[g];
        for (unsigned g = 0; g <= groups; ++g) group_begin[g] = static_cast<std::uint8_t>(count[g]);
        for (std::size_t i = 0; i < N; ++i)
            by_group[count[first_character_bit(word_of(words[i]).head) / 16]++] = static_cast<std::uint8_t>(i);
    }
    constexpr auto begin() const noexcept { return words.begin(); }
    constexpr auto end() const noexcept { return words.end(); }
    // Where in by_group the words are that may begin a text with these first three bytes: none
    // where the filter says that no word begins with its first character.
    constexpr std::pair<unsigned, unsigned> group_of(std::uint32_t head) const noexcept {
        unsigned const bit = first_character_bit(head);
        if (!(first_characters[bit / 64] >> (bit % 64) & 1)) return {0, 0};
        return {group_begin[bit / 16], group_begin[bit / 16 + 1]};
    }
};

// The first entry of `words` whose word begins `text`, or null.  (Words of other first
// characters cannot begin it, so the first in its group is the first in the list.)
template <class Entry, std::size_t N>
constexpr Entry const* first_word_of(std::string_view text, word_list<Entry, N> const& words) noexcept {
    std::uint32_t const h = listed_word::head_of(text);
    auto const [from, to] = words.group_of(h);
    for (unsigned i = from; i < to; ++i)
        if (Entry const& w = words.words[words.by_group[i]]; word_of(w).begins(text, h)) return &w;
    return nullptr;
}

// Written before the number.  Longer words first: 超过 before 超.
inline constexpr word_list qualifiers_before{std::array<qualifier_word, 13>{{
    {"大约", qualifier::about}, {"大概", qualifier::about}, {"约", qualifier::about},
    {"将近", qualifier::under}, {"接近", qualifier::under}, {"不足", qualifier::under},
    {"不到", qualifier::under}, {"近", qualifier::under},
    {"超过", qualifier::over}, {"多达", qualifier::over}, {"超", qualifier::over},
    {"逾", qualifier::over}, {"高于", qualifier::over},
}}};

// Written after the number or its unit.
inline constexpr word_list qualifiers_after{std::array<qualifier_word, 9>{{
    {"以上", qualifier::over}, {"有余", qualifier::over}, {"左右", qualifier::about},
    {"上下", qualifier::about}, {"以下", qualifier::under}, {"以内", qualifier::under},
    {"之内", qualifier::under}, {"余", qualifier::over}, {"多", qualifier::over},
}}};

// A verb between a qualifier and its number: 约为8%, 大约有5至10% (the span starts at the number).
inline constexpr word_list linking_verbs{std::array<listed_word, 4>{"为", "是", "有", "达"}};

// A unit's characters that, with what follows, are another word: 3条件 is not 3 条.
inline constexpr word_list unit_lookalikes{std::array<listed_word, 39>{
    "条件", "条例", "名单", "名称", "名义", "名列", "期间", "期限", "家庭", "家乡", "部门", "部分",
    "部署", "处理", "处置", "起来", "起步", "起点", "台阶", "口号", "座谈", "场所", "场地", "场景", "人民",
    "户籍", "次要", "张贴", "支持", "支部", "本地", "本级", "本领", "份额", "头条", "只有", "只是", "个体",
    "个性"}};

inline constexpr word_list range_separators{std::array<listed_word, 8>{"-", "—", "–", "～", "~", "至", "到", "－"}};

inline std::size_t match_separator(std::string_view text) {
    auto const* s = first_word_of(text, range_separators);
    return s ? s->text.size() : 0;
}

// Whether the text after the numeral `whole` could go on as the `number` rule's fraction, mixed
// number or money (分之, 又, spaces, a slash, 元): only then is the whole rule needed.  After 元
// the rule takes money only from a 大写 numeral or with 角, 分, 整 or 正 written (number.hpp's
// take_money), so 36923万元 — the commonest amount of a report — needs no more than its numeral.
inline bool may_continue_number(char const* p, char const* end, numeral_parts const& whole) noexcept {
    static constexpr word_list continuations{std::array<listed_word, 5>{" ", "/", "分", "又", "／"}};
    static constexpr word_list yuan{std::array<listed_word, 3>{"元", "圆", "圓"}};
    if (p == end) return false;
    if (static_cast<unsigned char>(*p) < 0x80) return *p == ' ' || *p == '/';  // 1,234 or 36923, : the common case
    std::string_view const rest(p, static_cast<std::size_t>(end - p));
    if (first_word_of(rest, continuations)) return true;
    if (!first_word_of(rest, yuan)) return false;
    if (whole.form.financial) return true;
    // A marked tail after 元: [零][d角][[零]d分][整|正], d one digit — so 整 or 正, or a digit
    // and 角 or 分, after at most two 零 (〇 counted as one too: a superset is safe).
    char const* q = p + 3;
    auto const at = [end](char const* x) { return zhquant::detail::decode_three_byte_utf8(x, end); };  // 0: none
    for (int zeros = 0; zeros < 2 && (at(q) == U'零' || at(q) == U'〇'); ++zeros) q += 3;
    char32_t const c = at(q);
    if (c == U'整' || c == U'正') return true;
    if (q < end && zhquant::detail::is_ascii_digit(*q)) {
        q += 1;
    } else if (c != 0 && zhquant::detail::classify_numeral_char(c).kind != zhquant::detail::numeral_char_kind::none) {
        q += 3;
    } else {
        return false;
    }
    char32_t const change = at(q);
    return change == U'角' || change == U'分';
}

// The `number` rule's signs.
inline constexpr word_list minus_signs{std::array<listed_word, 4>{"-", "－", "负", "負"}};

// The `number` rule at `q` (advanced past it) into a default-constructed `out`.  Most numbers in
// a report are a numeral alone (36923, 1.2万, 二十); for those the numeral scanner's answer is
// the rule's, without the rule's attempts at a sign, a fraction or money.
inline bool parse_number(char const*& q, char const* end, number_parts& out) {
    if ((q < end && zhquant::detail::is_ascii_digit(*q)) ||
        !first_word_of(std::string_view(q, static_cast<std::size_t>(end - q)), minus_signs)) {
        char const* const e = scan_numeral(q, end, number_style::smart, out.whole);
        if (e && !may_continue_number(e, end, out.whole)) {
            q = e;
            return true;
        }
        out.whole.clear();
    }
    return parse_number_rule(q, end, number_style::smart, out);
}

// A range reads upwards: 10至5元 is no range (its 5元 is a mention of its own).  Values too large
// to resolve are let through, to be reported as errors when the mention is resolved.
inline bool ascends(number_parts const& low, number_parts const& high) {
    auto const a = resolve(low);
    auto const b = resolve(high);
    if (!a || !b) return true;
    return a->value <= (b->high ? *b->high : b->value);
}

inline bool is_plain_integer_in(number_parts const& n, long lo, long hi, long& out) {
    if (n.shape != number_shape::plain || n.negative || !n.whole.inner_over.empty()) return false;
    // The common cases without the resolver: one Chinese digit, or a few ASCII digits.
    if (n.whole.tokens.size() == 1) {
        auto const& t = n.whole.tokens[0];
        if (t.kind == numeral_token_kind::digit) {
            if (t.low != t.high) return false;
            out = t.low;
            return out >= lo && out <= hi;
        }
        if (t.kind == numeral_token_kind::digits && t.arabic && t.text.size() <= 9 &&
            t.text.find_first_not_of("0123456789") == std::string_view::npos) {
            out = 0;
            for (char c : t.text) out = out * 10 + (c - '0');
            return out >= lo && out <= hi;
        }
    }
    auto v = resolve(n);
    if (!v || v->high || !v->value.is_decimal()) return false;
    auto d = v->value.to_decimal();
    if (!d || !d->is_integer() || d->negative()) return false;
    if (*d > decimal::from_int(hi) || *d < decimal::from_int(lo)) return false;
    out = std::stol(d->to_string());
    return true;
}

inline std::string two_digits(long v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

// A year: four Arabic digits, or a Chinese digit string of four (二〇二四).
inline bool is_year_numeral(number_parts const& n, long& year) {
    if (n.shape != number_shape::plain || n.whole.tokens.size() != 1) return false;
    auto const& t = n.whole.tokens[0];
    if (t.kind != numeral_token_kind::digits) return false;
    bool const four_arabic = t.arabic && t.text.size() == 4;
    bool const four_chinese = !t.arabic && t.text.size() == 12;
    return (four_arabic || four_chinese) && is_plain_integer_in(n, 1000, 2999, year);
}

// Whether the text before `p` ends with `word` (第 before an ordinal, “ before a quoted date):
// its last byte first, which tells nearly every place apart without decoding a character.
inline bool comes_after(char const* text_begin, char const* p, std::string_view word) noexcept {
    if (!text_begin || static_cast<std::size_t>(p - text_begin) < word.size() || p[-1] != word.back()) return false;
    return std::string_view(p - word.size(), word.size()) == word;
}

}  // namespace detail

// Reads one mention at a position of a text; the text's start is needed to look one character
// back (第 before an ordinal, an opening quote before 4·15).
class mention_reader {
public:
    explicit mention_reader(unit_registry const& units) : units_(&units) {}

    bool read(char const* text_begin, char const* p, char const* end, mention_parts& out) const {
        out.clear();
        if (!text_begin) text_begin = p;
        std::string_view const rest(p, static_cast<std::size_t>(end - p));
        // Most mentions begin with an Arabic digit, which begins none of the words looked for first.
        bool const at_digit = p < end && *p >= '0' && *p <= '9';
        if (!at_digit) {
            if (read_named_date(rest, p, out)) return true;
            if (read_named_percent(text_begin, rest, p, out)) return true;
            if (read_currency_sign(text_begin, rest, p, end, out)) return true;
        }
        if (read_quoted_date(text_begin, p, end, out)) return true;

        // A qualifier before the number, perhaps with a verb between (约为8%).
        char const* number_at = p;
        qualifier before = qualifier::exact;
        bool span_from_qualifier = false;
        if (auto const* w = at_digit ? nullptr : detail::first_word_of(rest, detail::qualifiers_before)) {
            before = w->qual;
            number_at = p + w->word.text.size();
            span_from_qualifier = true;
            if (auto const* verb = detail::first_word_of(std::string_view(number_at, static_cast<std::size_t>(end - number_at)),
                                                         detail::linking_verbs)) {
                number_at += verb->text.size();
                span_from_qualifier = false;
            }
        }
        bool const ordinal = number_at == p && is_ordinal_position(text_begin, p);

        // The number is read straight into the parts: they are large (three small vectors).
        number_parts& first = out.low;
        char const* q = number_at;
        if (!read_number(number_at, end, first, q)) return false;
        out.number_end = q;
        if (first.shape == number_shape::plain && q < end && ends_at_punctuation(q)) return false;

        if (before == qualifier::exact && read_date(number_at, first, q, end, out)) {
            // 第一季度 is still the first quarter; 第 before any other number makes an ordinal.
            return !ordinal || out.date.find("-Q") != std::string::npos;
        }
        if (ordinal) return false;
        if (!read_amount(text_begin, number_at, q, end, out, before != qualifier::exact)) return false;
        if (before != qualifier::exact) {
            if (out.kind == mention_kind::date) return false;
            out.qual = before;
            if (span_from_qualifier) out.begin = p;
        }
        return true;
    }

private:
    // The number at `at`, giving back a last place character that begins a unit word:
    // in 100千瓦 the 千 belongs to 千瓦, in 5百分点 the 百 to 百分点.
    bool read_number(char const* at, char const* end, number_parts& out, char const*& q) const {
        q = at;
        if (!detail::parse_number(q, end, out) || q == at) return false;
        if (out.shape != number_shape::plain || out.whole.tokens.size() < 2) return true;
        auto const& last = out.whole.tokens.back();
        if (last.kind != numeral_token_kind::unit && last.kind != numeral_token_kind::scale) return true;
        auto const m = units_->longest_match(std::string_view(last.text.data(), static_cast<std::size_t>(end - last.text.data())));
        if (!m || m->length <= last.text.size()) return true;
        char const* const limit = last.text.data();
        number_parts shorter;
        char const* q2 = at;
        if (!detail::parse_number(q2, limit, shorter) || q2 != limit) return true;
        out = std::move(shorter);
        q = q2;
        return true;
    }

    // Whether no mention goes on past a plain number at `q`: ASCII punctuation (1,1,1…, 30人,)
    // continues no date, percent, range or amount, unless a unit begins with it.  (A space may
    // be PDF spacing before %, and -, ~ and / begin ranges and rates.)
    bool ends_at_punctuation(char const* q) const noexcept {
        auto const c = static_cast<unsigned char>(*q);
        if (c >= 0x80 || c == '%' || c == ' ' || c == '-' || c == '~' || c == '/') return false;
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
        return !units_->begins_some_name(c);
    }

    bool is_ordinal_position(char const* text_begin, char const* p) const {
        return detail::comes_after(text_begin, p, "第");
    }

    // 上半年, 下半年.
    bool read_named_date(std::string_view rest, char const* p, mention_parts& out) const {
        for (auto [word, value] : {std::pair{std::string_view("上半年"), "XXXX-H1"},
                                   std::pair{std::string_view("下半年"), "XXXX-H2"}}) {
            if (detail::starts_with(rest, word)) {
                out.kind = mention_kind::date;
                out.begin = p;
                out.end = p + word.size();
                out.date = value;
                return true;
            }
        }
        return false;
    }

    // 打对折 (50%), 半成 (5%), 半折 (50%): words that are their own percent.
    bool read_named_percent(char const* text_begin, std::string_view rest, char const* p, mention_parts& out) const {
        for (auto [word, percent] : {std::pair{std::string_view("对折"), 50}, std::pair{std::string_view("半成"), 5},
                                     std::pair{std::string_view("半折"), 50}}) {
            if (detail::starts_with(rest, word)) {
                // 对折 alone is folding in two; after 打 it is a discount.
                if (word == "对折" && !detail::comes_after(text_begin, p, "打")) return false;
                out.kind = mention_kind::percent;
                out.begin = p;
                out.end = p + word.size();
                out.fixed_value = rational(decimal::from_int(percent));
                return true;
            }
        }
        return false;
    }

    // $20, ¥300, €5: a currency sign before the number stands for its unit.
    bool read_currency_sign(char const* text_begin, std::string_view rest, char const* p, char const* end,
                            mention_parts& out) const {
        static constexpr std::pair<std::string_view, std::string_view> signs[] = {
            {"US$", "美元"}, {"HK$", "港元"}, {"$", "美元"}, {"¥", "元"}, {"￥", "元"}, {"€", "欧元"}, {"£", "英镑"}};
        // Asked at every Chinese numeral: one byte says that no sign begins there.
        static constexpr auto first_bytes = zhquant::detail::first_bytes_of(signs, [](auto const& s) { return s.first; });
        if (rest.empty() || !first_bytes[static_cast<unsigned char>(rest[0])]) return false;
        for (auto [sign, unit_name] : signs) {
            if (!detail::starts_with(rest, sign)) continue;
            char const* const number_at = p + sign.size();
            number_parts n;
            char const* q = number_at;
            if (!read_number(number_at, end, n, q) || n.shape != number_shape::plain || n.negative) return false;
            // Letters before the sign make it part of a word or a code (A$5).
            char const before = p > text_begin ? p[-1] : ' ';
            if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')) return false;
            out.kind = mention_kind::quantity;
            out.begin = p;
            out.low = std::move(n);
            out.measure = units_->find(unit_name);
            out.end = q;
            out.number_end = q;
            // ¥300元: the unit written again after the number belongs to the mention.
            char const* after_unit = nullptr;
            if (unit const* again = unit_at(q, end, &after_unit); again && again->dimension == dimension::money)
                out.end = after_unit;
            return out.measure != nullptr;
        }
        return false;
    }

    // “4·15”: a month and day between quotes, the quotes outside the span.
    // Asked at every candidate, and nearly always answered by the character before it.
    bool read_quoted_date(char const* text_begin, char const* p, char const* end, mention_parts& out) const {
        if (!detail::comes_after(text_begin, p, "“") && !detail::comes_after(text_begin, p, "\"") &&
            !detail::comes_after(text_begin, p, "「"))
            return false;
        return read_date_in_quotes(p, end, out);
    }
    ZHQUANT_NOINLINE bool read_date_in_quotes(char const* p, char const* end, mention_parts& out) const {
        number_parts month_parts, day_parts;
        char const* q = p;
        if (!detail::parse_number(q, end, month_parts)) return false;
        std::string_view rest(q, static_cast<std::size_t>(end - q));
        std::size_t const dot = detail::starts_with(rest, "·") ? 2 : detail::starts_with(rest, "・") ? 3 : 0;
        if (!dot) return false;
        q += dot;
        char const* const day_at = q;
        if (!detail::parse_number(q, end, day_parts) || q == day_at) return false;
        std::string_view after(q, static_cast<std::size_t>(end - q));
        if (!detail::starts_with(after, "”") && !detail::starts_with(after, "\"") && !detail::starts_with(after, "」"))
            return false;
        long month = 0, day = 0;
        if (!detail::is_plain_integer_in(month_parts, 1, 12, month) || !detail::is_plain_integer_in(day_parts, 1, 31, day))
            return false;
        out.kind = mention_kind::date;
        out.begin = p;
        out.end = q;
        out.date = "XXXX-" + detail::two_digits(month) + "-" + detail::two_digits(day);
        return true;
    }

    // 2024年, 2024年12月, 2023年度, 7月15日, 10月, 1-11月, 一季度.
    bool read_date(char const* start, number_parts const& first, char const* q, char const* end,
                   mention_parts& out) const {
        auto rest = [&](char const* at) { return std::string_view(at, static_cast<std::size_t>(end - at)); };
        // Every date goes on from its number with 年, 季度, 月 or a range's separator: most numbers
        // are no dates, and this is known before their values are worked out.
        std::string_view const next = rest(q);
        if (!detail::starts_with(next, "年") && !detail::starts_with(next, "月") && !detail::starts_with(next, "季度") &&
            !detail::match_separator(next))
            return false;
        long year = 0, month = 0, day = 0;
        std::string value;
        char const* e = q;
        if (detail::is_year_numeral(first, year) && detail::starts_with(rest(q), "年")) {
            e = q + 3;
            value = std::to_string(year);
            std::string high;
            if (detail::starts_with(rest(e), "度")) {
                e += 3;
            } else {
                // 2024年12月, 2024年12月5日
                number_parts m;
                char const* mq = e;
                if (detail::parse_number(mq, end, m) && detail::is_plain_integer_in(m, 1, 12, month) &&
                    detail::starts_with(rest(mq), "月")) {
                    e = mq + 3;
                    value += "-" + detail::two_digits(month);
                    number_parts d;
                    char const* dq = e;
                    if (detail::parse_number(dq, end, d) && detail::is_plain_integer_in(d, 1, 31, day) &&
                        (detail::starts_with(rest(dq), "日") || detail::starts_with(rest(dq), "号"))) {
                        e = dq + 3;
                        value += "-" + detail::two_digits(day);
                    }
                }
            }
            return finish_date(start, e, std::move(value), {}, out);
        }
        // A year range written once: 2021-2023年.
        if (detail::is_year_numeral(first, year)) {
            std::size_t const sep = detail::match_separator(rest(q));
            number_parts second;
            char const* sq = q + sep;
            long year2 = 0;
            if (sep && detail::parse_number(sq, end, second) && detail::is_year_numeral(second, year2) &&
                detail::starts_with(rest(sq), "年") && year2 > year)
                return finish_date(start, sq + 3, std::to_string(year), std::to_string(year2), out);
            return false;
        }
        // 一季度, 1季度
        long quarter = 0;
        if (detail::is_plain_integer_in(first, 1, 4, quarter) && detail::starts_with(rest(q), "季度"))
            return finish_date(start, q + 6, "XXXX-Q" + std::to_string(quarter), {}, out);
        if (!detail::is_plain_integer_in(first, 1, 12, month)) return false;
        // 1-11月, 1—7月份
        std::size_t const sep = detail::match_separator(rest(q));
        if (sep) {
            number_parts second;
            char const* sq = q + sep;
            long month2 = 0;
            if (detail::parse_number(sq, end, second) && detail::is_plain_integer_in(second, 1, 12, month2) &&
                month2 > month && detail::starts_with(rest(sq), "月")) {
                e = sq + 3;
                if (detail::starts_with(rest(e), "份")) e += 3;
                return finish_date(start, e, "XXXX-" + detail::two_digits(month),
                                   "XXXX-" + detail::two_digits(month2), out);
            }
            return false;
        }
        if (!detail::starts_with(rest(q), "月")) return false;
        e = q + 3;
        value = "XXXX-" + detail::two_digits(month);
        number_parts d;
        char const* dq = e;
        if (detail::parse_number(dq, end, d) && detail::is_plain_integer_in(d, 1, 31, day) &&
            (detail::starts_with(rest(dq), "日") || detail::starts_with(rest(dq), "号"))) {
            e = dq + 3;
            value += "-" + detail::two_digits(day);
        } else if (detail::starts_with(rest(e), "份")) {
            e += 3;
        }
        return finish_date(start, e, std::move(value), {}, out);
    }

    static bool finish_date(char const* start, char const* e, std::string value, std::string high, mention_parts& out) {
        out.kind = mention_kind::date;
        out.begin = start;
        out.end = e;
        out.date = std::move(value);
        out.date_high = std::move(high);
        return true;
    }

    // A unit at `at`, unless its characters start another word (条件, 项目).
    unit const* unit_at(char const* at, char const* end, char const** after) const {
        std::string_view const rest(at, static_cast<std::size_t>(end - at));
        auto m = units_->longest_match(rest);
        if (!m) return nullptr;
        // 3条件 is no 3 条, but 100人民币 is 100 人民币: a look-alike loses to a longer unit.
        if (auto const* w = detail::first_word_of(rest, detail::unit_lookalikes); w && w->text.size() > m->length)
            return nullptr;
        *after = at + m->length;
        // 一帧帧, 一件件: a classifier said twice is a manner, not a count.
        std::string_view const word = rest.substr(0, m->length);
        if (detail::starts_with(rest.substr(m->length), word)) return nullptr;
        return m->unit;
    }

    // Quantities and percents: the number, then 余/多, a unit or a percent sign, a range, a qualifier.
    // The number is out.low already.
    bool read_amount(char const* text_begin, char const* start, char const* q, char const* end, mention_parts& out,
                     bool qualified) const {
        auto rest = [&](char const* at) { return std::string_view(at, static_cast<std::size_t>(end - at)); };
        out.begin = start;
        if (!out.low.whole.inner_over.empty()) out.qual = qualifier::over;
        if (has_vague_digit(out.low)) out.qual = qualifier::about;

        // A fraction is a share of a whole: 四分之一, 1/4, 百分之八.
        if (out.low.shape == number_shape::fraction && !out.low.mixed) {
            if (!is_share(out.low, text_begin, start)) return false;
            out.kind = mention_kind::percent;
            out.percent = percent_form::share;
            out.end = q;
            read_range(q, end, out);
            read_qualifier_after(out.end, end, out);
            return true;
        }
        // 壹拾贰万元整: the money tail already read its 元.
        if (out.low.shape == number_shape::money) {
            out.kind = mention_kind::quantity;
            out.measure = units_->find("元");
            out.end = q;
            return out.measure != nullptr;
        }
        // 8.3 %: a space left between two ASCII characters by PDF repair.
        if (detail::starts_with(rest(q), " %")) ++q;
        if (detail::starts_with(rest(q), "%") || detail::starts_with(rest(q), "％") || detail::starts_with(rest(q), "‰")) {
            out.kind = mention_kind::percent;
            out.percent = detail::starts_with(rest(q), "‰") ? percent_form::per_mille : percent_form::sign;
            out.end = q + (rest(q)[0] == '%' ? 1 : 3);
            read_range(out.end, end, out);
            read_qualifier_after(out.end, end, out);
            return true;
        }
        // 八成, 9.5成, 七成六 (76%), 三成半 (35%); 五折, 9.9折, 75折 (75%).
        bool const cheng = detail::starts_with(rest(q), "成");
        bool const zhe = detail::starts_with(rest(q), "折");
        if ((cheng || zhe) && is_tenths_count(out.low, zhe)) {
            std::string_view const after = rest(q + 3);
            static constexpr std::array<std::string_view, 16> cheng_words{
                "为", "立", "功", "长", "本", "员", "果", "绩", "就", "熟", "交", "品", "型", "都", "不", "效"};
            static constexpr std::array<std::string_view, 12> zhe_words{
                "合", "算", "旧", "扣", "射", "叠", "线", "腾", "返", "中", "价", "服"};
            for (auto w : cheng ? std::span<std::string_view const>(cheng_words) : std::span<std::string_view const>(zhe_words))
                if (detail::starts_with(after, w)) return false;
            out.kind = mention_kind::percent;
            out.percent = cheng ? percent_form::cheng : percent_form::zhe;
            out.end = q + 3;
            if (cheng) read_tenth_digit(out.end, end, out);
            read_half(out.end, end, out);
            read_qualifier_after(out.end, end, out);
            return true;
        }

        // 180余名, 1000多斤: 余 or 多 between the number and its unit.
        char const* u = q;
        qualifier inner = qualifier::exact;
        if (detail::starts_with(rest(u), "余") || detail::starts_with(rest(u), "多")) {
            inner = qualifier::over;
            u += 3;
        }
        char const* after_unit = nullptr;
        unit const* measure = unit_at(u, end, &after_unit);
        // 一个半小时: 个, then 半 and the unit it counts.
        if (measure && detail::starts_with(rest(after_unit), "半") && detail::same_word(measure->name, "个")) {
            char const* half_end = nullptr;
            if (unit const* inner_unit = unit_at(after_unit + 3, end, &half_end)) {
                measure = inner_unit;
                after_unit = half_end;
                out.half = true;
            }
        }
        if (measure && !out.half && !counts_something(out.low, *measure, after_unit, end, qualified)) return false;
        if (!measure) {
            // A range whose unit is written once, after the second number: 3-5年, 15—20天.
            return read_range_first_bare(q, end, out);
        }
        if (inner != qualifier::exact) out.qual = inner;
        out.kind = mention_kind::quantity;
        out.measure = measure;
        out.end = after_unit;
        // 元/亩: a rate.
        if (detail::starts_with(rest(out.end), "/")) {
            char const* per_end = nullptr;
            if (unit const* per = unit_at(out.end + 1, end, &per_end)) {
                out.per = per;
                out.end = per_end;
            }
        }
        if (!out.half) read_half(out.end, end, out);
        read_range(out.end, end, out);
        read_qualifier_after(out.end, end, out);
        return true;
    }

    // 一吨半, 三年半, 三成半: 半 after the unit adds half of it, unless it starts a word (半径).
    static void read_half(char const* q, char const* end, mention_parts& out) {
        std::string_view const rest(q, static_cast<std::size_t>(end - q));
        if (!detail::starts_with(rest, "半")) return;
        static constexpr detail::word_list half_words{std::array<detail::listed_word, 10>{
            "半径", "半岛", "半导体", "半年", "半天", "半月", "半数", "半个", "半价", "半小时"}};
        if (detail::first_word_of(rest, half_words)) return;
        out.half = true;
        out.end = q + 3;
    }

    // 七成六: a digit after 成 adds that many percent.
    static void read_tenth_digit(char const* q, char const* end, mention_parts& out) {
        numeral_parts digit;
        char const* const e = scan_numeral(q, end, number_style::smart, digit);
        if (!e || digit.tokens.size() != 1 || digit.tokens[0].kind != numeral_token_kind::digit ||
            digit.tokens[0].low != digit.tokens[0].high || digit.tokens[0].low == 0)
            return;
        out.tenth_digit = digit.tokens[0].low;
        out.end = e;
    }

    // A number and a classifier that do not count anything: 一种/一道 ("a kind of"), the session
    // number in 二十届三中全会, 千里 (a bare 千 is no number in running text).
    static bool counts_something(number_parts const& n, unit const& measure, char const* after, char const* end,
                                 bool qualified) {
        auto const& tokens = n.whole.tokens;
        if (n.shape != number_shape::plain) return true;
        // 逾千人, 近百家: after a qualifier a bare 百 or 千 is a round number.
        if (tokens.size() == 1 && tokens[0].kind == numeral_token_kind::unit && tokens[0].exponent >= 2 && !qualified)
            return false;
        bool const chinese_one = tokens.size() == 1 && tokens[0].kind == numeral_token_kind::digit &&
                                 tokens[0].low == 1 && tokens[0].high == 1 && !n.whole.form.financial;
        if (chinese_one && measure.dimension == dimension::count) return false;
        if (detail::same_word(measure.name, "届")) {
            std::string_view const next(after, static_cast<std::size_t>(end - after));
            numeral_parts ignored;
            if (scan_numeral(after, end, number_style::smart, ignored)) return false;
            static constexpr detail::word_list session_words{
                std::array<detail::listed_word, 6>{"全国", "中央", "人大", "政协", "党代会", "全会"}};
            if (detail::first_word_of(next, session_words)) return false;
        }
        return true;
    }

    // 1/4 is a share only when it is a proper fraction standing alone: not 2024/1 in a path.
    static bool is_share(number_parts const& n, char const* text_begin, char const* start) {
        bool const slash = n.numerator.tokens.front().text.data() < n.whole.tokens.front().text.data();
        if (!slash) return true;
        char const before = start > text_begin ? start[-1] : ' ';
        if (before == '/' || before == '.' || (before >= '0' && before <= '9') || (before >= 'a' && before <= 'z') ||
            (before >= 'A' && before <= 'Z'))
            return false;
        auto top = resolve_numeral(n.numerator);
        auto bottom = resolve_numeral(n.whole);
        return top && bottom && *top < *bottom;
    }

    static bool has_vague_digit(number_parts const& n) {
        for (auto const& t : n.whole.tokens)
            if (t.kind == numeral_token_kind::digit && t.low == 1 && t.high == 9) return true;
        return false;
    }

    // 成 counts tenths (0 < n <= 10, 9.5成 too); 折 also takes two digits, 75折 being 75%.
    static bool is_tenths_count(number_parts const& n, bool zhe) {
        if (n.shape != number_shape::plain || n.negative || !n.whole.inner_over.empty()) return false;
        auto v = resolve(n);
        if (!v || v->high || v->value.negative() || v->value.is_zero()) return false;
        if (v->value < rational(decimal::from_int(10))) return true;
        if (!zhe && v->value == rational(decimal::from_int(10))) return true;  // 十成 is all; 十折 no discount
        long whole = 0;
        return zhe && detail::is_plain_integer_in(n, 11, 99, whole);
    }

    // After a complete first amount: a separator and a second amount of the same kind.
    void read_range(char const* q, char const* end, mention_parts& out) const {
        std::string_view const rest(q, static_cast<std::size_t>(end - q));
        std::size_t const sep = detail::match_separator(rest);
        if (!sep) return;
        number_parts second;
        char const* sq = q + sep;
        if (!detail::parse_number(sq, end, second) || second.negative || sq == q + sep) return;
        if (!detail::ascends(out.low, second)) return;
        std::string_view const after(sq, static_cast<std::size_t>(end - sq));
        if (out.kind == mention_kind::percent) {
            if (out.percent == percent_form::sign && (detail::starts_with(after, "%") || detail::starts_with(after, "％"))) {
                out.high = std::move(second);
                out.end = sq + (after[0] == '%' ? 1 : 3);
            }
            return;
        }
        char const* after_unit = nullptr;
        unit const* measure = unit_at(sq, end, &after_unit);
        if (!measure || measure->dimension != out.measure->dimension) return;
        out.high = std::move(second);
        out.end = after_unit;
    }

    // 3-5年: the first number has no unit; the second carries it for both.
    bool read_range_first_bare(char const* q, char const* end, mention_parts& out) const {
        std::string_view const rest(q, static_cast<std::size_t>(end - q));
        std::size_t const sep = detail::match_separator(rest);
        if (!sep || out.low.shape != number_shape::plain) return false;
        number_parts second;
        char const* sq = q + sep;
        if (!detail::parse_number(sq, end, second) || second.negative || sq == q + sep) return false;
        if (!detail::ascends(out.low, second)) return false;
        std::string_view const after(sq, static_cast<std::size_t>(end - sq));
        if (detail::starts_with(after, "%") || detail::starts_with(after, "％")) {
            out.kind = mention_kind::percent;
            out.percent = percent_form::sign;
            out.high = std::move(second);
            out.end = sq + (after[0] == '%' ? 1 : 3);
        } else {
            char const* after_unit = nullptr;
            unit const* measure = unit_at(sq, end, &after_unit);
            if (!measure) return false;
            out.kind = mention_kind::quantity;
            out.measure = measure;
            out.high = std::move(second);
            out.end = after_unit;
        }
        read_qualifier_after(out.end, end, out);
        return true;
    }

    void read_qualifier_after(char const* q, char const* end, mention_parts& out) const {
        std::string_view const rest(q, static_cast<std::size_t>(end - q));
        if (auto const* w = detail::first_word_of(rest, detail::qualifiers_after)) {
            // 多 and 余 after a unit qualify only a time (两年多); elsewhere they start a word (多个).
            bool const single = w->word.text == "多" || w->word.text == "余";
            bool const time_unit = out.measure && out.measure->dimension == dimension::time;
            if (single && !time_unit) return;
            out.qual = w->qual;
            out.end = q + w->word.text.size();
            return;
        }
        // 三年内, 6个月内: 内 after a time span reads as 以内.
        if (detail::starts_with(rest, "内") && out.measure && out.measure->dimension == dimension::time) {
            out.qual = qualifier::under;
            out.end = q + 3;
        }
    }

    unit_registry const* units_;
};

}  // namespace zhquant::grammar
