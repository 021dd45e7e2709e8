// The unit registry and unit files: tables of lookups, longest matches and malformed lines, each
// error asserted word for word.
#include <zhquant/value/unit_file.hpp>
#include <zhquant/value/units.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#ifndef ZHQUANT_TEST_DATA_DIR
#define ZHQUANT_TEST_DATA_DIR "tests/data"
#endif

namespace {

using zhquant::dimension;
using zhquant::unit;
using zhquant::unit_registry;

std::string data_path(std::string_view relative) { return std::string(ZHQUANT_TEST_DATA_DIR) + "/" + std::string(relative); }

std::string factor_text(unit const& u) { return u.factor ? u.factor->to_string() : ""; }

zhquant::rational exact(std::string_view text) { return *zhquant::detail::parse_unit_factor(text).value; }

// The longest name of `registry` that starts `text`, by trying every unit.
std::optional<std::size_t> naive_longest(unit_registry const& registry, std::string_view text) {
    std::optional<std::size_t> best;
    for (unit const& u : registry.units())
        if (text.substr(0, u.name.size()) == u.name && (!best || u.name.size() > *best)) best = u.name.size();
    return best;
}

TEST(Dimension, NamesRoundTrip) {
    std::vector<std::string_view> const expected{"money", "area",  "length", "mass",        "volume",
                                                 "energy", "power", "time",  "count",       "ratio",
                                                 "speed", "temperature", "data", "other"};
    ASSERT_EQ(zhquant::all_dimensions.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(expected[i]);
        EXPECT_EQ(name(zhquant::all_dimensions[i]), expected[i]);
        EXPECT_EQ(zhquant::parse_dimension(expected[i]), zhquant::all_dimensions[i]);
    }
    EXPECT_EQ(zhquant::parse_dimension("Money"), std::nullopt);
    EXPECT_EQ(zhquant::parse_dimension(""), std::nullopt);
    EXPECT_EQ(zhquant::parse_dimension("money "), std::nullopt);
}

TEST(Builtin, HasAtLeastTwoHundredUnits) {
    EXPECT_GE(unit_registry::builtin().size(), 200u);
    EXPECT_EQ(unit_registry::builtin().size(), std::size(zhquant::detail::unit_table::rows))
        << "two rows of the table have the same name";
    EXPECT_EQ(&unit_registry::builtin(), &unit_registry::builtin());
}

struct lookup_row {
    std::string_view name;
    std::string_view reported;
    dimension dim;
    std::string_view factor;  // rational::to_string(), "" for none
    std::string_view base;
};

TEST(Builtin, Lookups) {
    lookup_row const rows[] = {
        // money
        {"元", "元", dimension::money, "1", "CNY"},
        {"人民币", "人民币", dimension::money, "1", "CNY"},
        {"人民币元", "人民币元", dimension::money, "1", "CNY"},
        {"块钱", "块钱", dimension::money, "1", "CNY"},
        {"角", "角", dimension::money, "0.1", "CNY"},
        {"美元", "美元", dimension::money, "1", "USD"},
        {"美分", "美分", dimension::money, "0.01", "USD"},
        {"欧元", "欧元", dimension::money, "1", "EUR"},
        {"港元", "港元", dimension::money, "1", "HKD"},
        {"港币", "港币", dimension::money, "1", "HKD"},
        {"日元", "日元", dimension::money, "1", "JPY"},
        {"英镑", "英镑", dimension::money, "1", "GBP"},
        {"韩元", "韩元", dimension::money, "1", "KRW"},
        {"澳元", "澳元", dimension::money, "1", "AUD"},
        {"加元", "加元", dimension::money, "1", "CAD"},
        {"新台币", "新台币", dimension::money, "1", "TWD"},
        {"卢布", "卢布", dimension::money, "1", "RUB"},
        {"瑞士法郎", "瑞士法郎", dimension::money, "1", "CHF"},
        {"克朗", "克朗", dimension::money, "", ""},
        {"港幣", "港币", dimension::money, "1", "HKD"},
        // area
        {"亩", "亩", dimension::area, "2000/3", "m2"},
        {"畝", "亩", dimension::area, "2000/3", "m2"},
        {"公顷", "公顷", dimension::area, "10000", "m2"},
        {"平方公里", "平方公里", dimension::area, "1000000", "m2"},
        {"平方千米", "平方千米", dimension::area, "1000000", "m2"},
        {"平方米", "平方米", dimension::area, "1", "m2"},
        {"平方", "平方", dimension::area, "1", "m2"},
        {"顷", "顷", dimension::area, "200000/3", "m2"},
        {"英亩", "英亩", dimension::area, "4046.8564224", "m2"},
        {"坪", "坪", dimension::area, "400/121", "m2"},
        // length
        {"米", "米", dimension::length, "1", "m"},
        {"公里", "公里", dimension::length, "1000", "m"},
        {"千米", "千米", dimension::length, "1000", "m"},
        {"km", "km", dimension::length, "1000", "m"},
        {"厘米", "厘米", dimension::length, "0.01", "m"},
        {"尺", "尺", dimension::length, "1/3", "m"},
        {"英里", "英里", dimension::length, "1609.344", "m"},
        {"海里", "海里", dimension::length, "1852", "m"},
        // mass
        {"斤", "斤", dimension::mass, "0.5", "kg"},
        {"公斤", "公斤", dimension::mass, "1", "kg"},
        {"千克", "千克", dimension::mass, "1", "kg"},
        {"克", "克", dimension::mass, "0.001", "kg"},
        {"吨", "吨", dimension::mass, "1000", "kg"},
        {"噸", "吨", dimension::mass, "1000", "kg"},
        {"磅", "磅", dimension::mass, "0.45359237", "kg"},
        // volume
        {"立方米", "立方米", dimension::volume, "1", "m3"},
        {"升", "升", dimension::volume, "0.001", "m3"},
        {"毫升", "毫升", dimension::volume, "0.000001", "m3"},
        // energy
        {"千瓦时", "千瓦时", dimension::energy, "3600000", "J"},
        {"度", "度", dimension::energy, "3600000", "J"},
        {"千瓦時", "千瓦时", dimension::energy, "3600000", "J"},
        {"吨标准煤", "吨标准煤", dimension::energy, "29307600000", "J"},
        {"千卡", "千卡", dimension::energy, "4184", "J"},
        // power
        {"千瓦", "千瓦", dimension::power, "1000", "W"},
        {"兆瓦", "兆瓦", dimension::power, "1000000", "W"},
        {"吉瓦", "吉瓦", dimension::power, "1000000000", "W"},
        {"千伏安", "千伏安", dimension::power, "1000", "VA"},
        // time
        {"年", "年", dimension::time, "", ""},
        {"月", "月", dimension::time, "", ""},
        {"个月", "月", dimension::time, "", ""},
        {"個月", "月", dimension::time, "", ""},
        {"季度", "季度", dimension::time, "", ""},
        {"周", "周", dimension::time, "604800", "s"},
        {"天", "天", dimension::time, "86400", "s"},
        {"日", "日", dimension::time, "86400", "s"},
        {"小时", "小时", dimension::time, "3600", "s"},
        {"个小时", "小时", dimension::time, "3600", "s"},
        {"分钟", "分钟", dimension::time, "60", "s"},
        {"秒", "秒", dimension::time, "1", "s"},
        {"个工作日", "工作日", dimension::time, "", ""},
        // counts
        {"个", "个", dimension::count, "1", "1"},
        {"個", "个", dimension::count, "1", "1"},
        {"人", "人", dimension::count, "1", "1"},
        {"户", "户", dimension::count, "1", "1"},
        {"人次", "人次", dimension::count, "1", "1"},
        {"场次", "场次", dimension::count, "1", "1"},
        {"名", "名", dimension::count, "1", "1"},
        {"只", "只", dimension::count, "1", "1"},
        {"块", "块", dimension::count, "1", "1"},
        {"辆", "辆", dimension::count, "1", "1"},
        {"件次", "件次", dimension::count, "1", "1"},
        // ratio
        {"倍", "倍", dimension::ratio, "1", "1"},
        {"百分点", "百分点", dimension::ratio, "0.01", "1"},
        {"个百分点", "百分点", dimension::ratio, "0.01", "1"},
        {"個百分點", "百分点", dimension::ratio, "0.01", "1"},
        {"基点", "基点", dimension::ratio, "0.0001", "1"},
        {"个基点", "基点", dimension::ratio, "0.0001", "1"},
        // speed, temperature, data, other
        {"km/h", "km/h", dimension::speed, "5/18", "m/s"},
        {"摄氏度", "摄氏度", dimension::temperature, "", ""},
        {"℃", "℃", dimension::temperature, "", ""},
        {"GB", "GB", dimension::data, "1000000000", "B"},
        {"GiB", "GiB", dimension::data, "1073741824", "B"},
        {"字节", "字节", dimension::data, "1", "B"},
        {"千伏", "千伏", dimension::other, "1000", "V"},
        {"kV", "kV", dimension::other, "1000", "V"},
        {"点", "点", dimension::other, "", ""},
    };
    ASSERT_GE(std::size(rows), 60u);
    auto const& units = unit_registry::builtin();
    for (auto const& row : rows) {
        SCOPED_TRACE(row.name);
        unit const* u = units.find(row.name);
        ASSERT_NE(u, nullptr);
        EXPECT_EQ(u->name, row.name);
        EXPECT_EQ(u->reported, row.reported);
        EXPECT_EQ(name(u->dimension), name(row.dim));
        EXPECT_EQ(factor_text(*u), row.factor);
        EXPECT_EQ(u->base, row.base);
    }
}

TEST(Builtin, LeftOutOnPurpose) {
    // Percents, scale words, ambiguous single characters and single ASCII letters.
    for (std::string_view name : {"成", "折", "万", "亿", "千", "百", "分", "两", "方", "m", "g", "t", "G", "W", "V", "%", "的", ""}) {
        SCOPED_TRACE(name);
        EXPECT_EQ(unit_registry::builtin().find(name), nullptr);
    }
}

// Every entry is well formed, and a spelling reported as another name agrees with that name.
TEST(Builtin, EveryEntryIsSound) {
    auto const& units = unit_registry::builtin();
    for (unit const& u : units.units()) {
        SCOPED_TRACE(u.name);
        EXPECT_FALSE(u.name.empty());
        EXPECT_EQ(u.name.find(' '), std::string::npos);
        EXPECT_EQ(zhquant::detail::check_unit_name(u.name).fault, zhquant::detail::unit_name_fault::none);
        EXPECT_EQ(zhquant::detail::check_unit_name(u.reported).fault, zhquant::detail::unit_name_fault::none);
        if (u.factor) {
            EXPECT_FALSE(u.factor->negative());
            EXPECT_FALSE(u.factor->is_zero());
            EXPECT_GT(*u.factor, zhquant::rational{});
            EXPECT_FALSE(u.base.empty());
        } else {
            EXPECT_TRUE(u.base.empty());
        }
        EXPECT_EQ(units.find(u.name), &u);
        auto const m = units.longest_match(u.name);
        ASSERT_TRUE(m.has_value());
        EXPECT_EQ(m->unit, &u);
        EXPECT_EQ(m->length, u.name.size());

        // The reported name is itself a unit, reported as itself, measuring the same way.
        unit const* target = units.find(u.reported);
        ASSERT_NE(target, nullptr) << "reported name " << u.reported << " is not a unit";
        EXPECT_EQ(target->reported, target->name);
        EXPECT_EQ(target->dimension, u.dimension);
        EXPECT_EQ(target->factor, u.factor);
        EXPECT_EQ(target->base, u.base);
        if (u.reported != u.name && u.name.rfind("个", 0) == 0) {
            EXPECT_EQ(u.name.substr(std::string_view("个").size()), u.reported);  // 个X reports X
        }
    }
}

struct match_row {
    std::string_view text;
    std::string_view unit;  // the matched name; "" for no match
};

TEST(Builtin, LongestMatch) {
    match_row const rows[] = {
        {"平方公里的耕地", "平方公里"},
        {"平方米，", "平方米"},
        {"平方", "平方"},
        {"平方英尺", "平方英尺"},
        {"平方英", "平方"},
        {"个百分点，", "个百分点"},
        {"个百分", "个"},
        {"个小时", "个小时"},
        {"个小", "个"},
        {"个月内", "个月"},
        {"个", "个"},
        {"个工作日", "个工作日"},
        {"公里", "公里"},
        {"公里每小时", "公里每小时"},
        {"公", ""},
        {"千瓦时", "千瓦时"},
        {"千瓦", "千瓦"},
        {"千", ""},
        {"吨标准煤", "吨标准煤"},
        {"吨标准", "吨"},
        {"万元", ""},
        {"元/亩", "元"},
        {"人次", "人次"},
        {"人民币元", "人民币元"},
        {"人民", "人"},
        {"km/h以上", "km/h"},
        {"km", "km"},
        {"k", ""},
        {"kWh", "kWh"},
        {"kW", "kW"},
        {"℃", "℃"},
        {"的", ""},
        {"", ""},
        {"，元", ""},
        {" 元", ""},
        {"0元", ""},
        {"\xE5", ""},          // a truncated 元 (E5 85 83)
        {"\xE5\x85", ""},      // still truncated
        {"\x85\x83", ""},      // continuation bytes only
        {"\xC0\xAE", ""},      // an overlong form
        {"\xF0\x9F\x98\x80", ""},  // an emoji: no unit starts with it
        {"噸", "噸"},
        {"個百分點", "個百分點"},
    };
    auto const& units = unit_registry::builtin();
    for (auto const& row : rows) {
        SCOPED_TRACE(row.text);
        auto const m = units.longest_match(row.text);
        std::string_view const expected = row.unit;
        if (expected.empty()) {
            EXPECT_FALSE(m.has_value()) << "matched " << m->unit->name;
        } else {
            ASSERT_TRUE(m.has_value());
            EXPECT_EQ(m->unit->name, expected);
            EXPECT_EQ(m->length, expected.size());
            EXPECT_EQ(m->unit, units.find(expected));
        }
    }
}

// The index agrees with trying every unit, for every unit followed by text that extends it or not.
TEST(Builtin, LongestMatchAgreesWithTryingEveryUnit) {
    auto const& units = unit_registry::builtin();
    std::vector<std::string> suffixes{"", "的", "以上", "公里", "百分点", "米", "x", "\xE5"};
    std::size_t checked = 0;
    for (unit const& u : units.units()) {
        for (std::string const& suffix : suffixes) {
            for (std::size_t cut = 1; cut <= u.name.size(); ++cut) {
                std::string const text = u.name.substr(0, cut) + suffix;
                SCOPED_TRACE(text);
                auto const m = units.longest_match(text);
                auto const expected = naive_longest(units, text);
                ASSERT_EQ(m.has_value(), expected.has_value());
                if (m) {
                    EXPECT_EQ(m->length, *expected);
                    EXPECT_EQ(m->unit->name, text.substr(0, *expected));
                }
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 5000u);
}

// begins_some_name is the first character of some unit's name, for every code point that begins
// one and for ASCII and a few that begin none.
TEST(Builtin, BeginsSomeNameIsAFirstCharacter) {
    auto const& units = unit_registry::builtin();
    std::set<char32_t> firsts;
    for (unit const& u : units.units()) {
        auto const lead = zhquant::detail::unit_decode_utf8(u.name);
        ASSERT_GT(lead.length, 0u) << u.name;
        firsts.insert(lead.value);
    }
    for (char32_t c : firsts) EXPECT_TRUE(units.begins_some_name(c)) << std::uint32_t(c);
    for (char32_t c = 0; c < 0x80; ++c) EXPECT_EQ(units.begins_some_name(c), firsts.count(c) == 1) << std::uint32_t(c);
    for (char32_t c : {U'的', U'，', U'。', char32_t{0x1F600}}) EXPECT_EQ(units.begins_some_name(c), firsts.count(c) == 1);
    EXPECT_TRUE(units.begins_some_name(U'元'));
    EXPECT_FALSE(units.begins_some_name(U','));
}

zhquant::unit make_unit(std::string name, dimension d, std::optional<std::string_view> factor = {},
                        std::string base = "", std::string reported = "") {
    return {std::move(name), std::move(reported), d,
            factor ? std::optional(exact(*factor)) : std::nullopt, std::move(base)};
}

TEST(Registry, AddReplacesAndCopiesAreIndependent) {
    unit_registry mine = unit_registry::builtin();
    std::size_t const builtin_size = mine.size();

    EXPECT_TRUE(mine.add(make_unit("垧", dimension::area, "10000", "m2")));
    EXPECT_TRUE(mine.add(make_unit("桶", dimension::volume, "0.158987294928", "m3")));
    EXPECT_EQ(mine.size(), builtin_size + 1);
    ASSERT_NE(mine.find("垧"), nullptr);
    EXPECT_EQ(mine.find("垧")->reported, "垧");  // an empty reported name is the name
    EXPECT_EQ(mine.find("桶")->dimension, dimension::volume);
    EXPECT_EQ(mine.longest_match("桶原油")->unit->dimension, dimension::volume);
    EXPECT_EQ(mine.longest_match("垧地")->length, std::string_view("垧").size());

    // The built-in registry is untouched.
    EXPECT_EQ(unit_registry::builtin().find("垧"), nullptr);
    EXPECT_EQ(unit_registry::builtin().find("桶")->dimension, dimension::count);
    EXPECT_EQ(unit_registry::builtin().size(), builtin_size);

    // A longer name sharing a lead with built-in ones wins; a shorter one does not shadow them.
    EXPECT_TRUE(mine.add(make_unit("平方公里每年", dimension::other)));
    EXPECT_TRUE(mine.add(make_unit("平", dimension::other)));
    EXPECT_EQ(mine.longest_match("平方公里每年的")->unit->name, "平方公里每年");
    EXPECT_EQ(mine.longest_match("平方公里每")->unit->name, "平方公里");
    EXPECT_EQ(mine.longest_match("平整")->unit->name, "平");
}

TEST(Registry, AddRefusesMalformedUnits) {
    struct row {
        std::string_view why;
        unit u;
    };
    row const rows[] = {
        {"empty name", make_unit("", dimension::count, "1", "1")},
        {"space in name", make_unit("平方 米", dimension::area, "1", "m2")},
        {"ideographic space in name", make_unit("平方\u3000米", dimension::area, "1", "m2")},
        {"tab in name", make_unit("平方\t米", dimension::area, "1", "m2")},
        {"invalid UTF-8 name", make_unit("\xE5\x85", dimension::count)},
        {"space in reported", make_unit("垧", dimension::area, "10000", "m2", "垧 地")},
        {"factor without base", make_unit("垧", dimension::area, "10000")},
        {"base without factor", make_unit("垧", dimension::area, std::nullopt, "m2")},
        {"zero factor", unit{"垧", "", dimension::area, zhquant::rational{}, "m2"}},
        {"negative factor", unit{"垧", "", dimension::area, zhquant::rational(-*zhquant::decimal::parse("1")), "m2"}},
        {"space in base", make_unit("垧", dimension::area, "10000", "m 2")},
    };
    unit_registry mine = unit_registry::builtin();
    for (auto const& r : rows) {
        SCOPED_TRACE(r.why);
        EXPECT_FALSE(mine.add(r.u));
        EXPECT_EQ(mine.size(), unit_registry::builtin().size());
        EXPECT_EQ(mine.find("垧"), nullptr);
    }
}

TEST(Registry, StartsEmptyAndIndexesAnyCodePoint) {
    unit_registry r;
    EXPECT_EQ(r.size(), 0u);
    EXPECT_FALSE(r.longest_match("元").has_value());
    // Leads above U+FFFF take another path through the index.
    EXPECT_TRUE(r.add(make_unit("𠀀", dimension::count, "1", "1")));
    EXPECT_TRUE(r.add(make_unit("𠀀𠀁", dimension::count, "1", "1")));
    EXPECT_TRUE(r.add(make_unit("😀", dimension::other)));
    EXPECT_TRUE(r.add(make_unit("元", dimension::money, "1", "CNY")));
    EXPECT_TRUE(r.add(make_unit("𠀀𠀁𠀂", dimension::count, "1", "1")));
    EXPECT_TRUE(r.add(make_unit("a", dimension::other)));
    EXPECT_EQ(r.size(), 6u);
    EXPECT_EQ(r.longest_match("𠀀𠀁x")->unit->name, "𠀀𠀁");
    EXPECT_EQ(r.longest_match("𠀀𠀁𠀂")->unit->name, "𠀀𠀁𠀂");
    EXPECT_EQ(r.longest_match("𠀀𠀂")->unit->name, "𠀀");
    EXPECT_EQ(r.longest_match("😀!")->unit->name, "😀");
    EXPECT_EQ(r.longest_match("元")->unit->name, "元");
    EXPECT_EQ(r.longest_match("ab")->unit->name, "a");
    EXPECT_FALSE(r.longest_match("😁").has_value());
    EXPECT_FALSE(r.longest_match("b").has_value());
    for (std::string_view text : {"𠀀𠀁𠀂𠀃", "𠀀", "😀", "元元", "a", "𠀁"}) {
        SCOPED_TRACE(text);
        auto const m = r.longest_match(text);
        auto const expected = naive_longest(r, text);
        ASSERT_EQ(m.has_value(), expected.has_value());
        if (m) {
            EXPECT_EQ(m->length, *expected);
        }
    }
}

TEST(UnitFile, LoadsThreeUnitsOneReplacingABuiltin) {
    unit_registry mine = unit_registry::builtin();
    auto const added = zhquant::load_units_from_path(data_path("units/three_units.tsv"), mine);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(*added, 3u);
    EXPECT_EQ(mine.size(), unit_registry::builtin().size() + 2);  // 桶 replaced, not added

    struct row {
        std::string_view name;
        dimension dim;
        std::string_view factor;
        std::string_view base;
    };
    row const rows[] = {
        {"垧", dimension::area, "10000", "m2"},
        {"桶", dimension::volume, "0.158987294928", "m3"},
        {"床位", dimension::count, "1", "1"},
    };
    for (auto const& r : rows) {
        SCOPED_TRACE(r.name);
        unit const* u = mine.find(r.name);
        ASSERT_NE(u, nullptr);
        EXPECT_EQ(u->reported, r.name);
        EXPECT_EQ(u->dimension, r.dim);
        EXPECT_EQ(factor_text(*u), r.factor);
        EXPECT_EQ(u->base, r.base);
    }
    EXPECT_EQ(mine.longest_match("床位数")->unit->name, "床位");
}

TEST(UnitFile, ReadsEveryFormOfLine) {
    unit_registry mine;
    std::string_view const text =
        "\xEF\xBB\xBF"                  // a byte order mark
        "# comment\r\n"
        "\r\n"
        "   \t  \n"
        "  # indented comment\n"
        "垧\tarea\t10000\tm2\r\n"     // CRLF
        "亩\tarea\t2000/3\tm2\n"       // a fraction
        "个课时\ttime\t\t\t课时\n"       // reported, no factor
        "课时\ttime\n"                 // name and dimension only
        "斤\tmass\t0.5\tkg\t\n"        // an empty reported column
        "坚戈\tmoney\t1\tKZT\t坚戈\n"
        "垧\tarea\t10000.000\tm2";    // a replacement, no final line break
    auto const added = zhquant::load_units(text, "mine.tsv", mine);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(*added, 7u);
    EXPECT_EQ(mine.size(), 6u);
    EXPECT_EQ(factor_text(*mine.find("亩")), "2000/3");
    EXPECT_EQ(mine.find("个课时")->reported, "课时");
    EXPECT_FALSE(mine.find("个课时")->factor.has_value());
    EXPECT_EQ(mine.find("个课时")->base, "");
    EXPECT_EQ(mine.find("斤")->reported, "斤");
    EXPECT_EQ(factor_text(*mine.find("斤")), "0.5");
    EXPECT_EQ(factor_text(*mine.find("垧")), "10000");

    for (std::string_view empty : {"", "\n\n", "# only a comment", "\xEF\xBB\xBF"}) {
        SCOPED_TRACE(empty);
        auto const none = zhquant::load_units(empty, "empty.tsv", mine);
        ASSERT_TRUE(none);
        EXPECT_EQ(*none, 0u);
    }
}

struct bad_line {
    std::string_view text;
    std::string message;
    std::size_t offset;  // bytes into the text
};

TEST(UnitFile, MalformedLines) {
    std::string const dimensions =
        "expected a dimension (money, area, length, mass, volume, energy, power, time, count, ratio, speed, "
        "temperature, data, other) here";
    std::string const factor = "expected a factor here (a positive number such as 1000, 0.5 or 2000/3)";
    std::string const base = "expected the base unit here (the unit the factor leads to, such as m2, kg or CNY)";
    std::string const sixth = "unexpected sixth column: a line has at most five (name, dimension, factor, base, reported)";
    std::vector<bad_line> const rows{
        {"\tarea\t1\tm2", "bad.tsv:1:1: error: expected a unit name here", 0},
        {"平方 米\tarea\t1\tm2", "bad.tsv:1:3: error: unexpected space in a unit name (columns are separated by tabs)", 6},
        {"平方米 area", "bad.tsv:1:4: error: unexpected space in a unit name (columns are separated by tabs)", 9},
        {"平方\u3000米\tarea", "bad.tsv:1:3: error: unexpected space in a unit name (columns are separated by tabs)", 6},
        {" 垧\tarea", "bad.tsv:1:1: error: unexpected space in a unit name (columns are separated by tabs)", 0},
        {"垧\x01\tarea", "bad.tsv:1:2: error: unexpected control character in a unit name", 3},
        {"垧", "bad.tsv:1:2: error: " + dimensions, 3},
        {"垧\r\n", "bad.tsv:1:2: error: " + dimensions, 3},
        {"垧\tareas\t10000\tm2", "bad.tsv:1:3: error: " + dimensions, 4},
        {"垧\t\t10000\tm2", "bad.tsv:1:3: error: " + dimensions, 4},
        {"垧\tArea", "bad.tsv:1:3: error: " + dimensions, 4},
        {"垧\tarea\tabc\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t1e4\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t1万\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t2000/\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t/3\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t1/2/3\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t 1\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t0\tm2", "bad.tsv:1:8: error: expected a factor greater than zero here", 9},
        {"垧\tarea\t0.000\tm2", "bad.tsv:1:8: error: expected a factor greater than zero here", 9},
        {"垧\tarea\t-5\tm2", "bad.tsv:1:8: error: expected a factor greater than zero here", 9},
        {"垧\tarea\t-1/3\tm2", "bad.tsv:1:8: error: expected a factor greater than zero here", 9},
        {"垧\tarea\t2000/0\tm2", "bad.tsv:1:13: error: expected a nonzero denominator here", 14},
        {"垧\tarea\t10000", "bad.tsv:1:13: error: " + base, 14},
        {"垧\tarea\t10000\t", "bad.tsv:1:14: error: " + base, 15},
        {"垧\tarea\t10000\t\t垧", "bad.tsv:1:14: error: " + base, 15},
        {"垧\tarea\t\tm2", "bad.tsv:1:8: error: " + factor, 9},
        {"垧\tarea\t10000\tm 2", "bad.tsv:1:15: error: unexpected space in a base unit (columns are separated by tabs)", 16},
        {"垧\tarea\t10000\tm2\t垧 地", "bad.tsv:1:18: error: unexpected space in a reported name (columns are separated by tabs)", 21},
        {"垧\tarea\t10000\tm2\t垧\t", "bad.tsv:1:19: error: " + sixth, 22},
        {"垧\tarea\t10000\tm2\t垧\textra\tmore", "bad.tsv:1:19: error: " + sixth, 22},
        {"垧\tarea\t\t\t\t", "bad.tsv:1:11: error: " + sixth, 12},
        {"垧\xFF\tarea", "bad.tsv:1:2: error: invalid UTF-8 here", 3},
        {"垧\tarea\t10000\tm2\t\xE5\x9E", "bad.tsv:1:17: error: invalid UTF-8 here", 18},
        // The line and the column of a later line, with CJK characters before the bad field.
        {"# a comment\n\n垧\tarea\t10000\tm2\n平方公里x\tarea\tabc\tm2", "bad.tsv:4:12: error: " + factor, 50},
        {"垧\tarea\t10000\tm2\r\n亩\tarea\t2000/3\r\n", "bad.tsv:2:14: error: " + base, 34},
        {"\xEF\xBB\xBF\tarea", "bad.tsv:1:1: error: expected a unit name here", 3},
    };
    for (auto const& row : rows) {
        SCOPED_TRACE(row.text);
        unit_registry mine = unit_registry::builtin();
        auto const added = zhquant::load_units(row.text, "bad.tsv", mine);
        ASSERT_FALSE(added) << "read " << *added << " units";
        EXPECT_EQ(added.error().message, row.message);
        EXPECT_EQ(added.error().offset, row.offset);
        EXPECT_EQ(mine.size(), unit_registry::builtin().size());  // nothing added on an error
        EXPECT_EQ(mine.find("垧"), nullptr);
    }
}

TEST(UnitFile, PathErrors) {
    unit_registry mine = unit_registry::builtin();
    std::string const missing = data_path("units/no_such_file.tsv");
    auto const not_there = zhquant::load_units_from_path(missing, mine);
    ASSERT_FALSE(not_there);
    EXPECT_EQ(not_there.error().message, "cannot open '" + missing + "': No such file or directory");

    std::string const directory = data_path("units");
    auto const is_directory = zhquant::load_units_from_path(directory, mine);
    ASSERT_FALSE(is_directory);
    EXPECT_EQ(is_directory.error().message.rfind("cannot ", 0), 0u) << is_directory.error().message;

    std::string const bad = data_path("units/bad_dimension.tsv");
    auto const bad_dimension = zhquant::load_units_from_path(bad, mine);
    ASSERT_FALSE(bad_dimension);
    EXPECT_EQ(bad_dimension.error().message,
              bad + ":3:4: error: expected a dimension (money, area, length, mass, volume, energy, power, time, "
                    "count, ratio, speed, temperature, data, other) here");
    EXPECT_EQ(mine.size(), unit_registry::builtin().size());
}

// The example a user copies loads as documented.
TEST(UnitFile, DocumentedExampleLoads) {
    unit_registry mine = unit_registry::builtin();
    auto const added = zhquant::load_units_from_path(data_path("../../examples/extra_units.tsv"), mine);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(*added, 9u);
    EXPECT_EQ(mine.find("桶")->dimension, dimension::volume);
    EXPECT_EQ(mine.find("个课时")->reported, "课时");
    EXPECT_EQ(factor_text(*mine.find("海里每小时")), "463/900");
    EXPECT_EQ(mine.find("哈萨克斯坦坚戈")->reported, "坚戈");
}

}  // namespace
