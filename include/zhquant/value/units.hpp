// Units and classifiers: what a number in a report measures, and its exact factor to a base unit.
//
//     auto const& units = zhquant::unit_registry::builtin();
//     auto m = units.longest_match("平方公里的耕地");   // 平方公里, length 12 (bytes), not 平方
//     m->unit->dimension;                               // dimension::area
//     m->unit->factor->to_string();                     // "1000000"  (base "m2")
//     units.find("个百分点")->reported;                 // "百分点": the mention's unit field
//
// A unit's `name` is how it is written (after normalization: simplified, NFKC); `reported` is what a
// mention's `unit` field says (gold/GUIDE.md): `个` dropped before a time or point unit (个月 → 月,
// 个百分点 → 百分点), and a traditional spelling reported simplified (噸 → 吨). The built-in table
// holds simplified names plus the traditional spellings of common units, so text that skipped
// normalization still resolves.
//
// `factor` is exact: value × factor is the amount in `base`. Conventions:
//   - money: the ISO 4217 code of the currency (CNY, USD, ...); 角 is 1/10 CNY, 美分 1/100 USD.
//     Money of different bases is not converted: exchange rates are not exact.
//   - counts and classifiers (个 人 户 辆 ...) have factor 1 and base "1": the number is a plain
//     count. Counts of different classifiers are not comparable, so compare `reported` too.
//   - ratios are fractions of one, base "1": 倍 is 1, 百分点 1/100, 基点 1/10000.
//   - within a dimension, factors compare only between units of the same base (power has W and
//     VA, money one base per currency).
//   - no factor where none is exact: 年, 月, 季度 (their length varies), 摄氏度 (an offset, not a
//     factor), 克朗 (which crown?), 点 (index points).
//
// Left out on purpose: 成 and 折 (percents, read by the percent grammar); 分 (money, minutes or a
// score?), 两 (a numeral far more often than 50 g), 方 (三方 are three parties); single ASCII
// letters (m, g, t, V, W, G), which begin codes and words (5G, 3M); scale words (万, 亿, 千).
// 块 is a classifier (专栏12块, 一块地); money said that way is 块钱. 度 is energy (亿度 of
// electricity); temperatures are 摄氏度 or ℃.
#pragma once

#include <zhquant/value/decimal.hpp>
#include <zhquant/value/rational.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zhquant {

enum class dimension : std::uint8_t {
    money,
    area,
    length,
    mass,
    volume,
    energy,
    power,
    time,
    count,
    ratio,
    speed,
    temperature,
    data,
    other,
};

inline constexpr std::array<dimension, 14> all_dimensions{
    dimension::money, dimension::area,  dimension::length, dimension::mass,        dimension::volume,
    dimension::energy, dimension::power, dimension::time,  dimension::count,       dimension::ratio,
    dimension::speed, dimension::temperature, dimension::data, dimension::other,
};

constexpr std::string_view name(dimension d) noexcept {
    switch (d) {
        case dimension::money: return "money";
        case dimension::area: return "area";
        case dimension::length: return "length";
        case dimension::mass: return "mass";
        case dimension::volume: return "volume";
        case dimension::energy: return "energy";
        case dimension::power: return "power";
        case dimension::time: return "time";
        case dimension::count: return "count";
        case dimension::ratio: return "ratio";
        case dimension::speed: return "speed";
        case dimension::temperature: return "temperature";
        case dimension::data: return "data";
        case dimension::other: return "other";
    }
    return "";
}

// The dimension called `text` ("money", "area", ...), exactly as name() writes it.
constexpr std::optional<dimension> parse_dimension(std::string_view text) noexcept {
    for (dimension d : all_dimensions)
        if (name(d) == text) return d;
    return std::nullopt;
}

struct unit {
    std::string name;                  // as written in (simplified) text: "个百分点"
    std::string reported;              // the mention's unit field: "百分点"
    zhquant::dimension dimension = zhquant::dimension::other;
    std::optional<rational> factor;    // value × factor is the amount in `base`, when exact
    std::string base;                  // "m2", "kg", "J", "s", "CNY", "1" ...; empty without factor

    friend bool operator==(unit const&, unit const&) = default;
};

namespace detail {

// The code point at the start of `text` and its length in bytes; length 0 when the bytes there are
// not UTF-8 (stray or truncated sequence, overlong form, surrogate, above U+10FFFF).
struct unit_code_point {
    char32_t value = 0;
    std::size_t length = 0;
};

constexpr unit_code_point unit_decode_utf8(std::string_view text) noexcept {
    if (text.empty()) return {};
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned const b0 = byte(0);
    if (b0 < 0x80) return {b0, 1};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2, value = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3, value = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4, value = b0 & 0x07, min = 0x10000;
    } else {
        return {};
    }
    if (text.size() < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
    return {value, length};
}

// Characters a unit name (or base, or reported name) may not contain.
constexpr bool unit_is_space(char32_t c) noexcept {
    return c == U' ' || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
constexpr bool unit_is_control(char32_t c) noexcept { return c < 0x20 || (c >= 0x7F && c < 0xA0 && c != 0x85); }

enum class unit_name_fault : std::uint8_t { none, empty, bad_utf8, space, control };

struct unit_name_check {
    unit_name_fault fault = unit_name_fault::none;
    std::size_t at = 0;  // byte offset of the offending character
};

constexpr unit_name_check check_unit_name(std::string_view text) noexcept {
    if (text.empty()) return {unit_name_fault::empty, 0};
    for (std::size_t at = 0; at < text.size();) {
        auto const c = unit_decode_utf8(text.substr(at));
        if (c.length == 0) return {unit_name_fault::bad_utf8, at};
        if (unit_is_space(c.value)) return {unit_name_fault::space, at};
        if (unit_is_control(c.value)) return {unit_name_fault::control, at};
        at += c.length;
    }
    return {};
}

// A factor as written in the table or in a unit file: an exact decimal ("1000", "0.5") or a
// fraction of two ("2000/3").
enum class unit_factor_fault : std::uint8_t { none, not_a_number, too_long, zero_denominator, not_positive };

struct unit_factor_parse {
    std::optional<rational> value;
    unit_factor_fault fault = unit_factor_fault::none;
    std::size_t at = 0;  // byte offset of the problem in the text
};

// Written like a decimal ([-]digits[.digits] or [-].digits), whether or not it fits one.
constexpr bool decimal_shaped(std::string_view text) noexcept {
    if (!text.empty() && text[0] == '-') text.remove_prefix(1);
    std::size_t const point = text.find('.');
    auto digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    std::string_view const whole = text.substr(0, point);
    if (point == std::string_view::npos) return !whole.empty() && digits(whole);
    std::string_view const fraction = text.substr(point + 1);
    return !fraction.empty() && digits(whole) && digits(fraction);
}

constexpr unit_factor_parse parse_unit_factor(std::string_view text) noexcept {
    std::size_t const slash = text.find('/');
    // A number of more than 38 significant digits or places is a limit, not a typo.
    auto const fault_of = [](std::string_view part) {
        return decimal_shaped(part) ? unit_factor_fault::too_long : unit_factor_fault::not_a_number;
    };
    auto const numerator = decimal::parse(text.substr(0, slash));
    if (!numerator) return {std::nullopt, fault_of(text.substr(0, slash)), 0};
    decimal denominator = decimal::from_int(1);
    if (slash != std::string_view::npos) {
        auto const d = decimal::parse(text.substr(slash + 1));
        if (!d) {
            auto const fault = fault_of(text.substr(slash + 1));
            return {std::nullopt, fault, fault == unit_factor_fault::too_long ? slash + 1 : 0};
        }
        if (d->is_zero()) return {std::nullopt, unit_factor_fault::zero_denominator, slash + 1};
        denominator = *d;
    }
    auto const value = rational::make(*numerator, denominator);
    if (!value) return {std::nullopt, unit_factor_fault::not_a_number, 0};
    if (value->negative() || value->is_zero()) return {std::nullopt, unit_factor_fault::not_positive, 0};
    return {value, unit_factor_fault::none, 0};
}

// One row of the built-in table, in the columns of a unit file (value/unit_file.hpp):
// name, dimension, factor ("" when none), base, reported ("" when it is the name).
struct unit_row {
    std::string_view name;
    zhquant::dimension dimension;
    std::string_view factor = {};
    std::string_view base = {};
    std::string_view reported = {};
};

namespace unit_table {
using enum zhquant::dimension;

// Sources for the factors: SI and the Chinese legal units of measurement (市制: 1 市斤 = 0.5 kg,
// 1 市尺 = 1/3 m, 1 亩 = 2000/3 m²); the international yard and pound (1959); 1 kcal = 4184 J;
// 1 kgce (千克标准煤) = 29307.6 kJ and 1 toe = 41.868 GJ (GB/T 2589); metric horsepower 735.49875 W;
// data units decimal (GB = 10^9 B) unless written GiB; 坪 = 400/121 m² (Taiwan).
inline constexpr unit_row rows[] = {
    // money
    {"元", money, "1", "CNY"},
    {"人民币", money, "1", "CNY"},
    {"人民币元", money, "1", "CNY"},
    {"块钱", money, "1", "CNY"},
    {"角", money, "1/10", "CNY"},
    {"RMB", money, "1", "CNY"},
    {"CNY", money, "1", "CNY"},
    {"美元", money, "1", "USD"},
    {"美圆", money, "1", "USD", "美元"},
    {"奈拉", money, "1", "NGN"},
    {"元人民币", money, "1", "CNY", "元"},
    {"美金", money, "1", "USD"},
    {"美分", money, "1/100", "USD"},
    {"USD", money, "1", "USD"},
    {"欧元", money, "1", "EUR"},
    {"EUR", money, "1", "EUR"},
    {"港元", money, "1", "HKD"},
    {"港币", money, "1", "HKD"},
    {"港仙", money, "1/100", "HKD"},
    {"HKD", money, "1", "HKD"},
    {"日元", money, "1", "JPY"},
    {"日圆", money, "1", "JPY"},
    {"日币", money, "1", "JPY"},
    {"JPY", money, "1", "JPY"},
    {"英镑", money, "1", "GBP"},
    {"便士", money, "1/100", "GBP"},
    {"GBP", money, "1", "GBP"},
    {"韩元", money, "1", "KRW"},
    {"韩币", money, "1", "KRW"},
    {"澳元", money, "1", "AUD"},
    {"澳币", money, "1", "AUD"},
    {"澳大利亚元", money, "1", "AUD"},
    {"加元", money, "1", "CAD"},
    {"加币", money, "1", "CAD"},
    {"加拿大元", money, "1", "CAD"},
    {"新台币", money, "1", "TWD"},
    {"台币", money, "1", "TWD"},
    {"卢布", money, "1", "RUB"},
    {"俄罗斯卢布", money, "1", "RUB"},
    {"瑞士法郎", money, "1", "CHF"},
    {"瑞郎", money, "1", "CHF"},
    {"新加坡元", money, "1", "SGD"},
    {"新元", money, "1", "SGD"},
    {"澳门元", money, "1", "MOP"},
    {"澳门币", money, "1", "MOP"},
    {"泰铢", money, "1", "THB"},
    {"印度卢比", money, "1", "INR"},
    {"林吉特", money, "1", "MYR"},
    {"越南盾", money, "1", "VND"},
    {"印尼盾", money, "1", "IDR"},
    {"菲律宾比索", money, "1", "PHP"},
    {"墨西哥比索", money, "1", "MXN"},
    {"新西兰元", money, "1", "NZD"},
    {"纽元", money, "1", "NZD"},
    {"瑞典克朗", money, "1", "SEK"},
    {"挪威克朗", money, "1", "NOK"},
    {"丹麦克朗", money, "1", "DKK"},
    {"南非兰特", money, "1", "ZAR"},
    {"兰特", money, "1", "ZAR"},
    {"土耳其里拉", money, "1", "TRY"},
    {"巴西雷亚尔", money, "1", "BRL"},
    {"雷亚尔", money, "1", "BRL"},
    {"阿联酋迪拉姆", money, "1", "AED"},
    {"沙特里亚尔", money, "1", "SAR"},
    {"比特币", money, "1", "BTC"},
    {"卢比", money},
    {"比索", money},
    {"克朗", money},
    {"法郎", money},
    {"里拉", money},

    // area
    {"平方米", area, "1", "m2"},
    {"平米", area, "1", "m2"},
    {"平方", area, "1", "m2"},
    {"平方公尺", area, "1", "m2"},
    {"m2", area, "1", "m2"},
    {"平方公里", area, "1000000", "m2"},
    {"平方千米", area, "1000000", "m2"},
    {"km2", area, "1000000", "m2"},
    {"平方分米", area, "1/100", "m2"},
    {"平方厘米", area, "1/10000", "m2"},
    {"平方毫米", area, "1/1000000", "m2"},
    {"公顷", area, "10000", "m2"},
    {"公亩", area, "100", "m2"},
    {"亩", area, "2000/3", "m2"},
    {"市亩", area, "2000/3", "m2"},
    {"顷", area, "200000/3", "m2"},
    {"英亩", area, "4046.8564224", "m2"},
    {"平方英尺", area, "0.09290304", "m2"},
    {"平方英里", area, "2589988.110336", "m2"},
    {"坪", area, "400/121", "m2"},

    // length
    {"米", length, "1", "m"},
    {"公尺", length, "1", "m"},
    {"延米", length, "1", "m"},
    {"公里", length, "1000", "m"},
    {"千米", length, "1000", "m"},
    {"km", length, "1000", "m"},
    {"分米", length, "1/10", "m"},
    {"厘米", length, "1/100", "m"},
    {"公分", length, "1/100", "m"},
    {"cm", length, "1/100", "m"},
    {"毫米", length, "1/1000", "m"},
    {"mm", length, "1/1000", "m"},
    {"微米", length, "1/1000000", "m"},
    {"纳米", length, "1/1000000000", "m"},
    {"里", length, "500", "m"},
    {"华里", length, "500", "m"},
    {"丈", length, "10/3", "m"},
    {"尺", length, "1/3", "m"},
    {"寸", length, "1/30", "m"},
    {"英里", length, "1609.344", "m"},
    {"英尺", length, "0.3048", "m"},
    {"英寸", length, "0.0254", "m"},
    {"海里", length, "1852", "m"},
    {"光年", length, "9460730472580800", "m"},

    // mass
    {"千克", mass, "1", "kg"},
    {"公斤", mass, "1", "kg"},
    {"kg", mass, "1", "kg"},
    {"克", mass, "1/1000", "kg"},
    {"毫克", mass, "1/1000000", "kg"},
    {"mg", mass, "1/1000000", "kg"},
    {"微克", mass, "1/1000000000", "kg"},
    {"斤", mass, "1/2", "kg"},
    {"市斤", mass, "1/2", "kg"},
    {"公担", mass, "100", "kg"},
    {"担", mass, "50", "kg"},
    {"市担", mass, "50", "kg"},
    {"吨", mass, "1000", "kg"},
    {"公吨", mass, "1000", "kg"},
    {"磅", mass, "0.45359237", "kg"},
    {"盎司", mass, "0.028349523125", "kg"},
    {"克拉", mass, "0.0002", "kg"},

    // volume
    {"立方米", volume, "1", "m3"},
    {"立方", volume, "1", "m3"},
    {"标准立方米", volume, "1", "m3"},
    {"立方公尺", volume, "1", "m3"},
    {"m3", volume, "1", "m3"},
    {"立方分米", volume, "1/1000", "m3"},
    {"立方厘米", volume, "1/1000000", "m3"},
    {"立方千米", volume, "1000000000", "m3"},
    {"立方公里", volume, "1000000000", "m3"},
    {"升", volume, "1/1000", "m3"},
    {"公升", volume, "1/1000", "m3"},
    {"毫升", volume, "1/1000000", "m3"},
    {"加仑", volume, "0.003785411784", "m3"},

    // energy
    {"焦耳", energy, "1", "J"},
    {"千焦", energy, "1000", "J"},
    {"兆焦", energy, "1000000", "J"},
    {"吉焦", energy, "1000000000", "J"},
    {"瓦时", energy, "3600", "J"},
    {"千瓦时", energy, "3600000", "J"},
    {"度", energy, "3600000", "J"},
    {"kWh", energy, "3600000", "J"},
    {"兆瓦时", energy, "3600000000", "J"},
    {"MWh", energy, "3600000000", "J"},
    {"吉瓦时", energy, "3600000000000", "J"},
    {"GWh", energy, "3600000000000", "J"},
    {"太瓦时", energy, "3600000000000000", "J"},
    {"TWh", energy, "3600000000000000", "J"},
    {"千卡", energy, "4184", "J"},
    {"大卡", energy, "4184", "J"},
    {"千克标准煤", energy, "29307600", "J"},
    {"公斤标准煤", energy, "29307600", "J"},
    {"吨标准煤", energy, "29307600000", "J"},
    {"吨标煤", energy, "29307600000", "J"},
    {"吨油当量", energy, "41868000000", "J"},

    // power
    {"瓦", power, "1", "W"},
    {"瓦特", power, "1", "W"},
    {"千瓦", power, "1000", "W"},
    {"kW", power, "1000", "W"},
    {"兆瓦", power, "1000000", "W"},
    {"MW", power, "1000000", "W"},
    {"吉瓦", power, "1000000000", "W"},
    {"GW", power, "1000000000", "W"},
    {"马力", power, "735.49875", "W"},
    {"千伏安", power, "1000", "VA"},
    {"kVA", power, "1000", "VA"},
    {"兆伏安", power, "1000000", "VA"},
    {"MVA", power, "1000000", "VA"},

    // time
    {"年", time},
    {"年度", time},
    {"周年", time},
    {"岁", time},
    {"周岁", time},
    {"世纪", time},
    {"个世纪", time, "", "", "世纪"},
    {"季度", time},
    {"个季度", time, "", "", "季度"},
    {"月", time},
    {"个月", time, "", "", "月"},
    {"工作日", time},
    {"个工作日", time, "", "", "工作日"},
    {"交易日", time},
    {"个交易日", time, "", "", "交易日"},
    {"周", time, "604800", "s"},
    {"星期", time, "604800", "s"},
    {"个星期", time, "604800", "s", "星期"},
    {"礼拜", time, "604800", "s"},
    {"个礼拜", time, "604800", "s", "礼拜"},
    {"天", time, "86400", "s"},
    {"日", time, "86400", "s"},
    {"自然日", time, "86400", "s"},
    {"个自然日", time, "86400", "s", "自然日"},
    {"小时", time, "3600", "s"},
    {"个小时", time, "3600", "s", "小时"},
    {"钟头", time, "3600", "s"},
    {"个钟头", time, "3600", "s", "钟头"},
    {"刻钟", time, "900", "s"},
    {"分钟", time, "60", "s"},
    {"秒", time, "1", "s"},
    {"秒钟", time, "1", "s"},
    {"毫秒", time, "1/1000", "s"},
    {"微秒", time, "1/1000000", "s"},
    {"纳秒", time, "1/1000000000", "s"},

    // counts and classifiers
    {"个", count, "1", "1"},
    {"人", count, "1", "1"},
    {"名", count, "1", "1"},
    {"位", count, "1", "1"},
    {"口", count, "1", "1"},
    {"户", count, "1", "1"},
    {"家", count, "1", "1"},
    {"所", count, "1", "1"},
    {"座", count, "1", "1"},
    {"处", count, "1", "1"},
    {"间", count, "1", "1"},
    {"栋", count, "1", "1"},
    {"幢", count, "1", "1"},
    {"层", count, "1", "1"},
    {"套", count, "1", "1"},
    {"台套", count, "1", "1"},
    {"台", count, "1", "1"},
    {"辆", count, "1", "1"},
    {"艘", count, "1", "1"},
    {"架", count, "1", "1"},
    {"列", count, "1", "1"},
    {"节", count, "1", "1"},
    {"部", count, "1", "1"},
    {"盏", count, "1", "1"},
    {"门", count, "1", "1"},
    {"孔", count, "1", "1"},
    {"道", count, "1", "1"},
    {"条", count, "1", "1"},
    {"项", count, "1", "1"},
    {"件", count, "1", "1"},
    {"宗", count, "1", "1"},
    {"起", count, "1", "1"},
    {"例", count, "1", "1"},
    {"笔", count, "1", "1"},
    {"单", count, "1", "1"},
    {"票", count, "1", "1"},
    {"份", count, "1", "1"},
    {"本", count, "1", "1"},
    {"册", count, "1", "1"},
    {"卷", count, "1", "1"},
    {"篇", count, "1", "1"},
    {"首", count, "1", "1"},
    {"幅", count, "1", "1"},
    {"集", count, "1", "1"},
    {"张", count, "1", "1"},
    {"块", count, "1", "1"},
    {"片", count, "1", "1"},
    {"枚", count, "1", "1"},
    {"颗", count, "1", "1"},
    {"粒", count, "1", "1"},
    {"根", count, "1", "1"},
    {"支", count, "1", "1"},
    {"株", count, "1", "1"},
    {"棵", count, "1", "1"},
    {"丛", count, "1", "1"},
    {"朵", count, "1", "1"},
    {"头", count, "1", "1"},
    {"只", count, "1", "1"},
    {"匹", count, "1", "1"},
    {"羽", count, "1", "1"},
    {"尾", count, "1", "1"},
    {"批", count, "1", "1"},
    {"期", count, "1", "1"},
    {"轮", count, "1", "1"},
    {"届", count, "1", "1"},
    {"场", count, "1", "1"},
    {"次", count, "1", "1"},
    {"回", count, "1", "1"},
    {"趟", count, "1", "1"},
    {"遍", count, "1", "1"},
    {"圈", count, "1", "1"},
    {"种", count, "1", "1"},
    {"类", count, "1", "1"},
    {"款", count, "1", "1"},
    {"组", count, "1", "1"},
    {"队", count, "1", "1"},
    {"班", count, "1", "1"},
    {"群", count, "1", "1"},
    {"堂", count, "1", "1"},
    {"对", count, "1", "1"},
    {"双", count, "1", "1"},
    {"副", count, "1", "1"},
    {"箱", count, "1", "1"},
    {"袋", count, "1", "1"},
    {"瓶", count, "1", "1"},
    {"桶", count, "1", "1"},
    {"包", count, "1", "1"},
    {"盒", count, "1", "1"},
    {"罐", count, "1", "1"},
    {"人次", count, "1", "1"},
    {"户次", count, "1", "1"},
    {"场次", count, "1", "1"},
    {"批次", count, "1", "1"},
    {"件次", count, "1", "1"},
    {"车次", count, "1", "1"},
    {"架次", count, "1", "1"},
    {"航次", count, "1", "1"},
    {"班次", count, "1", "1"},
    {"台次", count, "1", "1"},
    {"艘次", count, "1", "1"},
    {"标准箱", count, "1", "1"},
    {"标箱", count, "1", "1"},
    {"TEU", count, "1", "1"},

    // ratio
    {"倍", ratio, "1", "1"},
    {"番", ratio},
    {"百分点", ratio, "1/100", "1"},
    {"个百分点", ratio, "1/100", "1", "百分点"},
    {"千分点", ratio, "1/1000", "1"},
    {"个千分点", ratio, "1/1000", "1", "千分点"},
    {"基点", ratio, "1/10000", "1"},
    {"个基点", ratio, "1/10000", "1", "基点"},

    // speed
    {"米每秒", speed, "1", "m/s"},
    {"m/s", speed, "1", "m/s"},
    {"公里每小时", speed, "5/18", "m/s"},
    {"千米每小时", speed, "5/18", "m/s"},
    {"km/h", speed, "5/18", "m/s"},
    {"迈", speed, "5/18", "m/s"},
    {"马赫", speed},

    // temperature
    {"摄氏度", temperature},
    {"℃", temperature},
    {"°C", temperature},
    {"华氏度", temperature},
    {"℉", temperature},
    {"°F", temperature},
    {"开尔文", temperature, "1", "K"},

    // data
    {"字节", data, "1", "B"},
    {"比特", data, "1/8", "B"},
    {"千字节", data, "1000", "B"},
    {"兆字节", data, "1000000", "B"},
    {"吉字节", data, "1000000000", "B"},
    {"太字节", data, "1000000000000", "B"},
    {"KB", data, "1000", "B"},
    {"MB", data, "1000000", "B"},
    {"GB", data, "1000000000", "B"},
    {"TB", data, "1000000000000", "B"},
    {"PB", data, "1000000000000000", "B"},
    {"EB", data, "1000000000000000000", "B"},
    {"KiB", data, "1024", "B"},
    {"MiB", data, "1048576", "B"},
    {"GiB", data, "1073741824", "B"},
    {"TiB", data, "1099511627776", "B"},

    // other: voltage, current, charge, frequency, data rates, freight, index points, loudness
    {"伏", other, "1", "V"},
    {"伏特", other, "1", "V"},
    {"千伏", other, "1000", "V"},
    {"kV", other, "1000", "V"},
    {"安培", other, "1", "A"},
    {"毫安时", other, "3.6", "C"},
    {"mAh", other, "3.6", "C"},
    {"赫兹", other, "1", "Hz"},
    {"Hz", other, "1", "Hz"},
    {"千赫", other, "1000", "Hz"},
    {"kHz", other, "1000", "Hz"},
    {"兆赫", other, "1000000", "Hz"},
    {"MHz", other, "1000000", "Hz"},
    {"吉赫", other, "1000000000", "Hz"},
    {"GHz", other, "1000000000", "Hz"},
    {"bps", other, "1", "bit/s"},
    {"kbps", other, "1000", "bit/s"},
    {"Mbps", other, "1000000", "bit/s"},
    {"Gbps", other, "1000000000", "bit/s"},
    {"吨公里", other},
    {"人公里", other},
    {"点", other},
    {"个点", other, "", "", "点"},
    {"分贝", other},

    // traditional spellings, reported simplified
    {"個", count, "1", "1", "个"},
    {"個月", time, "", "", "月"},
    {"個季度", time, "", "", "季度"},
    {"個世紀", time, "", "", "世纪"},
    {"世紀", time, "", "", "世纪"},
    {"個工作日", time, "", "", "工作日"},
    {"個交易日", time, "", "", "交易日"},
    {"歲", time, "", "", "岁"},
    {"週歲", time, "", "", "周岁"},
    {"週年", time, "", "", "周年"},
    {"週", time, "604800", "s", "周"},
    {"個星期", time, "604800", "s", "星期"},
    {"禮拜", time, "604800", "s", "礼拜"},
    {"個禮拜", time, "604800", "s", "礼拜"},
    {"小時", time, "3600", "s", "小时"},
    {"個小時", time, "3600", "s", "小时"},
    {"鐘頭", time, "3600", "s", "钟头"},
    {"個鐘頭", time, "3600", "s", "钟头"},
    {"分鐘", time, "60", "s", "分钟"},
    {"秒鐘", time, "1", "s", "秒钟"},
    {"百分點", ratio, "1/100", "1", "百分点"},
    {"個百分點", ratio, "1/100", "1", "百分点"},
    {"基點", ratio, "1/10000", "1", "基点"},
    {"個基點", ratio, "1/10000", "1", "基点"},
    {"點", other, "", "", "点"},
    {"個點", other, "", "", "点"},
    {"人民幣", money, "1", "CNY", "人民币"},
    {"塊錢", money, "1", "CNY", "块钱"},
    {"美圓", money, "1", "USD", "美元"},
    {"港幣", money, "1", "HKD", "港币"},
    {"歐元", money, "1", "EUR", "欧元"},
    {"日圓", money, "1", "JPY", "日圆"},
    {"英鎊", money, "1", "GBP", "英镑"},
    {"韓元", money, "1", "KRW", "韩元"},
    {"澳幣", money, "1", "AUD", "澳币"},
    {"加幣", money, "1", "CAD", "加币"},
    {"新臺幣", money, "1", "TWD", "新台币"},
    {"新台幣", money, "1", "TWD", "新台币"},
    {"臺幣", money, "1", "TWD", "台币"},
    {"台幣", money, "1", "TWD", "台币"},
    {"盧布", money, "1", "RUB", "卢布"},
    {"澳門元", money, "1", "MOP", "澳门元"},
    {"澳門幣", money, "1", "MOP", "澳门币"},
    {"泰銖", money, "1", "THB", "泰铢"},
    {"畝", area, "2000/3", "m2", "亩"},
    {"公頃", area, "10000", "m2", "公顷"},
    {"頃", area, "200000/3", "m2", "顷"},
    {"英畝", area, "4046.8564224", "m2", "英亩"},
    {"釐米", length, "1/100", "m", "厘米"},
    {"華里", length, "500", "m", "华里"},
    {"噸", mass, "1000", "kg", "吨"},
    {"公噸", mass, "1000", "kg", "公吨"},
    {"擔", mass, "50", "kg", "担"},
    {"加侖", volume, "0.003785411784", "m3", "加仑"},
    {"標準立方米", volume, "1", "m3", "标准立方米"},
    {"千瓦時", energy, "3600000", "J", "千瓦时"},
    {"瓦時", energy, "3600", "J", "瓦时"},
    {"兆瓦時", energy, "3600000000", "J", "兆瓦时"},
    {"吉瓦時", energy, "3600000000000", "J", "吉瓦时"},
    {"太瓦時", energy, "3600000000000000", "J", "太瓦时"},
    {"噸標準煤", energy, "29307600000", "J", "吨标准煤"},
    {"噸標煤", energy, "29307600000", "J", "吨标煤"},
    {"馬力", power, "735.49875", "W", "马力"},
    {"邁", speed, "5/18", "m/s", "迈"},
    {"攝氏度", temperature, "", "", "摄氏度"},
    {"華氏度", temperature, "", "", "华氏度"},
    {"戶", count, "1", "1", "户"},
    {"戶次", count, "1", "1", "户次"},
    {"處", count, "1", "1", "处"},
    {"間", count, "1", "1", "间"},
    {"棟", count, "1", "1", "栋"},
    {"層", count, "1", "1", "层"},
    {"臺", count, "1", "1", "台"},
    {"臺套", count, "1", "1", "台套"},
    {"輛", count, "1", "1", "辆"},
    {"節", count, "1", "1", "节"},
    {"盞", count, "1", "1", "盏"},
    {"門", count, "1", "1", "门"},
    {"條", count, "1", "1", "条"},
    {"項", count, "1", "1", "项"},
    {"筆", count, "1", "1", "笔"},
    {"單", count, "1", "1", "单"},
    {"冊", count, "1", "1", "册"},
    {"張", count, "1", "1", "张"},
    {"塊", count, "1", "1", "块"},
    {"顆", count, "1", "1", "颗"},
    {"叢", count, "1", "1", "丛"},
    {"頭", count, "1", "1", "头"},
    {"隻", count, "1", "1", "只"},
    {"輪", count, "1", "1", "轮"},
    {"屆", count, "1", "1", "届"},
    {"場", count, "1", "1", "场"},
    {"場次", count, "1", "1", "场次"},
    {"車次", count, "1", "1", "车次"},
    {"種", count, "1", "1", "种"},
    {"類", count, "1", "1", "类"},
    {"組", count, "1", "1", "组"},
    {"隊", count, "1", "1", "队"},
    {"對", count, "1", "1", "对"},
    {"雙", count, "1", "1", "双"},
    {"標準箱", count, "1", "1", "标准箱"},
    {"標箱", count, "1", "1", "标箱"},
    {"噸公里", other, "", "", "吨公里"},
    {"分貝", other, "", "", "分贝"},
    {"赫茲", other, "1", "Hz", "赫兹"},
};

// A table mistake fails the build with a message instead of surfacing at run time.
consteval bool rows_are_sound() {
    for (unit_row const& row : rows) {
        if (check_unit_name(row.name).fault != unit_name_fault::none) return false;
        if (!row.reported.empty() && check_unit_name(row.reported).fault != unit_name_fault::none) return false;
        if (row.factor.empty() != row.base.empty()) return false;
        if (!row.factor.empty() && !parse_unit_factor(row.factor).value) return false;
    }
    return true;
}
static_assert(rows_are_sound(),
              "every built-in unit needs a name and reported name without spaces, and either no factor "
              "and no base, or a positive factor (\"1000\", \"0.5\", \"2000/3\") and a base");

}  // namespace unit_table
}  // namespace detail

// A set of units, looked up by name or by the longest name that starts a text. The built-in set
// is built once; copy it to add your own (see value/unit_file.hpp for loading them from a file):
//
//     zhquant::unit_registry mine = zhquant::unit_registry::builtin();
//     mine.add({"垧", "垧", zhquant::dimension::area, zhquant::rational(*zhquant::decimal::parse("10000")), "m2"});
//
// Pointers returned by find() and longest_match() stay valid until the registry is next changed.
class unit_registry {
public:
    struct unit_match {
        zhquant::unit const* unit;
        std::size_t length;  // bytes of text matched: the unit's name
    };

    unit_registry() = default;

    // The built-in table (detail::unit_table::rows), built on first use; thread-safe.
    static unit_registry const& builtin();

    // Adds `u`, replacing a unit of the same name. An empty `reported` becomes the name. Returns
    // false, and changes nothing, when the unit is malformed: a name or reported name that is
    // empty, not UTF-8, or holds spaces or control characters; a factor that is not positive; a
    // factor without a base or a base without a factor; a base with spaces.
    bool add(zhquant::unit u);

    zhquant::unit const* find(std::string_view name) const noexcept {
        auto const it = by_name_.find(name);
        return it == by_name_.end() ? nullptr : &units_[it->second];
    }

    // The unit with the longest name that is a prefix of `text`: "平方公里的" → 平方公里,
    // "个百分点，" → 个百分点. Called after every number: a text whose first character starts no
    // unit name costs a decode and one bit test.
    std::optional<unit_match> longest_match(std::string_view text) const noexcept {
        auto const lead = detail::unit_decode_utf8(text);
        if (lead.length == 0) return std::nullopt;
        auto const [first, last] = bucket_of(lead.value);
        for (std::uint32_t i = first; i < last; ++i) {
            candidate const c = candidates_[i];
            if (c.length > text.size()) continue;
            if (c.length == lead.length) return unit_match{&units_[c.index], c.length};  // 吨, 元
            // Most longer names (吨标准煤 for 吨) differ from the text at their next byte: checked
            // before the call.
            char const* const name = units_[c.index].name.data();
            if (name[lead.length] == text[lead.length] &&
                std::memcmp(name + lead.length, text.data() + lead.length, c.length - lead.length) == 0)
                return unit_match{&units_[c.index], c.length};
        }
        return std::nullopt;
    }

    // Whether the name of some unit begins with the character `c`: one bit, where longest_match
    // would decode a text first.
    bool begins_some_name(char32_t c) const noexcept {
        auto const [first, last] = bucket_of(c);
        return first != last;
    }

    std::size_t size() const noexcept { return units_.size(); }

    // Every unit, in the order first added.
    std::span<zhquant::unit const> units() const noexcept { return units_; }

private:
    struct name_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    // One name starting with a given code point. Its lead bytes equal the text's once the bucket
    // is found, so only the rest is compared.
    struct candidate {
        std::uint32_t index;   // into units_
        std::uint32_t length;  // bytes of the name
    };

    static constexpr std::size_t bmp_words = 0x10000 / 64;

    // [first, last) in candidates_ of the names starting with code point `c`.
    std::pair<std::uint32_t, std::uint32_t> bucket_of(char32_t c) const noexcept {
        if (c < 0x10000) {
            std::uint64_t const word = lead_bits_[c / 64];
            std::uint64_t const bit = std::uint64_t{1} << (c % 64);
            if ((word & bit) == 0) return {0, 0};
            std::size_t const rank = lead_rank_[c / 64] + static_cast<std::size_t>(std::popcount(word & (bit - 1)));
            return {bucket_begin_[rank], bucket_begin_[rank + 1]};
        }
        for (auto const& [lead, range] : astral_buckets_)
            if (lead == c) return range;
        return {0, 0};
    }

    void index(std::uint32_t unit_index);

    std::vector<zhquant::unit> units_;
    std::unordered_map<std::string, std::uint32_t, name_hash, std::equal_to<>> by_name_;
    // Names by first code point, longest first within each. Code points below U+10000 find their
    // bucket by rank in a bitmap: lead_rank_[w] counts the leads in words before w, and bucket r
    // is candidates_[bucket_begin_[r], bucket_begin_[r + 1]). Higher code points, rare in unit
    // names, keep their ranges in astral_buckets_ (their candidates after all others).
    std::array<std::uint64_t, bmp_words> lead_bits_{};
    std::array<std::uint16_t, bmp_words> lead_rank_{};
    std::vector<std::uint32_t> bucket_begin_{0};
    std::vector<candidate> candidates_;
    std::vector<std::pair<char32_t, std::pair<std::uint32_t, std::uint32_t>>> astral_buckets_;
};

inline bool unit_registry::add(zhquant::unit u) {
    using detail::check_unit_name;
    using detail::unit_name_fault;
    if (u.reported.empty()) u.reported = u.name;
    if (check_unit_name(u.name).fault != unit_name_fault::none) return false;
    if (check_unit_name(u.reported).fault != unit_name_fault::none) return false;
    if (u.factor.has_value() != !u.base.empty()) return false;
    if (u.factor && (u.factor->negative() || u.factor->is_zero())) return false;
    if (u.factor && check_unit_name(u.base).fault != unit_name_fault::none) return false;
    if (auto const it = by_name_.find(u.name); it != by_name_.end()) {
        units_[it->second] = std::move(u);  // same name, so the index stands
        return true;
    }
    auto const i = static_cast<std::uint32_t>(units_.size());
    by_name_.emplace(u.name, i);
    units_.push_back(std::move(u));
    index(i);
    return true;
}

inline void unit_registry::index(std::uint32_t unit_index) {
    std::string const& name = units_[unit_index].name;
    char32_t const lead = detail::unit_decode_utf8(name).value;
    candidate const entry{unit_index, static_cast<std::uint32_t>(name.size())};
    // Keep a bucket longest first, so the first name that matches is the longest.
    auto insert_sorted = [&](std::uint32_t first, std::uint32_t last) {
        std::uint32_t at = first;
        while (at < last && candidates_[at].length >= entry.length) ++at;
        candidates_.insert(candidates_.begin() + at, entry);
    };
    if (lead >= 0x10000) {
        for (std::size_t b = 0; b < astral_buckets_.size(); ++b) {
            auto& range = astral_buckets_[b].second;
            if (astral_buckets_[b].first != lead) continue;
            insert_sorted(range.first, range.second);
            for (auto& other : astral_buckets_)  // buckets after this one shift by one
                if (other.second.first > range.first) ++other.second.first, ++other.second.second;
            ++range.second;
            return;
        }
        auto const start = static_cast<std::uint32_t>(candidates_.size());
        candidates_.push_back(entry);
        astral_buckets_.push_back({lead, {start, start + 1}});
        return;
    }
    std::size_t const word = lead / 64;
    std::uint64_t const bit = std::uint64_t{1} << (lead % 64);
    std::size_t const rank = lead_rank_[word] + static_cast<std::size_t>(std::popcount(lead_bits_[word] & (bit - 1)));
    if ((lead_bits_[word] & bit) == 0) {  // a new lead: an empty bucket at its rank
        lead_bits_[word] |= bit;
        for (std::size_t w = word + 1; w < bmp_words; ++w) ++lead_rank_[w];
        bucket_begin_.insert(bucket_begin_.begin() + static_cast<std::ptrdiff_t>(rank), bucket_begin_[rank]);
    }
    insert_sorted(bucket_begin_[rank], bucket_begin_[rank + 1]);
    for (std::size_t r = rank + 1; r < bucket_begin_.size(); ++r) ++bucket_begin_[r];
    for (auto& other : astral_buckets_) ++other.second.first, ++other.second.second;
}

inline unit_registry const& unit_registry::builtin() {
    static unit_registry const registry = [] {
        unit_registry r;
        r.units_.reserve(std::size(detail::unit_table::rows));
        for (detail::unit_row const& row : detail::unit_table::rows) {
            zhquant::unit u{std::string(row.name), std::string(row.reported), row.dimension, std::nullopt,
                            std::string(row.base)};
            if (!row.factor.empty()) u.factor = detail::parse_unit_factor(row.factor).value;
            r.add(std::move(u));
        }
        return r;
    }();
    return registry;
}

}  // namespace zhquant
