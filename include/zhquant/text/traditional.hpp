// Traditional characters folded to simplified ones, for the characters that matter to numbers:
// numerals, scales, units, classifiers, qualifier words and the verbs and nouns of report sentences.
//
//     zhquant::fold_traditional(U'萬');  // U'万'
//     zhquant::fold_traditional(U'元');  // U'元' (not in the table: itself)
//
// A table, not a dictionary conversion: one code point to one code point (so offsets stay 1:1 and
// every entry is three UTF-8 bytes on both sides), only characters whose traditional form is never
// a different simplified word (著, 乾, 瞭 are left out), and every entry agrees with ICU's
// "Traditional-Simplified" transliterator (a test checks).  參 is left out on purpose: ICU folds it
// to 参, but as a financial numeral it is 3 (叁), and the numeral grammar reads 參 itself.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace zhquant {
namespace detail {

struct traditional_entry {
    char32_t traditional;
    char32_t simplified;
};

// Sorted by the traditional code point.
inline constexpr traditional_entry traditional_table[] = {
    {U'佔', U'占'}, {U'倆', U'俩'}, {U'個', U'个'}, {U'僅', U'仅'}, {U'價', U'价'}, {U'億', U'亿'}, {U'儲', U'储'}, {U'兌', U'兑'},
    {U'內', U'内'}, {U'兩', U'两'}, {U'冊', U'册'}, {U'劃', U'划'}, {U'動', U'动'}, {U'務', U'务'}, {U'勵', U'励'}, {U'區', U'区'},
    {U'叄', U'叁'}, {U'員', U'员'}, {U'噸', U'吨'}, {U'國', U'国'}, {U'圓', U'圆'}, {U'團', U'团'}, {U'報', U'报'}, {U'場', U'场'},
    {U'塊', U'块'}, {U'學', U'学'}, {U'實', U'实'}, {U'將', U'将'}, {U'對', U'对'}, {U'屆', U'届'}, {U'層', U'层'}, {U'帶', U'带'},
    {U'幀', U'帧'}, {U'幣', U'币'}, {U'幾', U'几'}, {U'張', U'张'}, {U'戶', U'户'}, {U'損', U'损'}, {U'撥', U'拨'}, {U'據', U'据'},
    {U'擴', U'扩'}, {U'數', U'数'}, {U'時', U'时'}, {U'曆', U'历'}, {U'條', U'条'}, {U'棟', U'栋'}, {U'業', U'业'}, {U'樓', U'楼'},
    {U'樣', U'样'}, {U'欄', U'栏'}, {U'歐', U'欧'}, {U'歲', U'岁'}, {U'氣', U'气'}, {U'決', U'决'}, {U'淨', U'净'}, {U'減', U'减'},
    {U'漲', U'涨'}, {U'潤', U'润'}, {U'濟', U'济'}, {U'為', U'为'}, {U'營', U'营'}, {U'獎', U'奖'}, {U'現', U'现'}, {U'環', U'环'},
    {U'產', U'产'}, {U'畝', U'亩'}, {U'療', U'疗'}, {U'發', U'发'}, {U'盞', U'盏'}, {U'盧', U'卢'}, {U'碼', U'码'}, {U'礦', U'矿'},
    {U'稅', U'税'}, {U'種', U'种'}, {U'窩', U'窝'}, {U'筆', U'笔'}, {U'節', U'节'}, {U'籌', U'筹'}, {U'糧', U'粮'}, {U'約', U'约'},
    {U'級', U'级'}, {U'組', U'组'}, {U'統', U'统'}, {U'經', U'经'}, {U'綠', U'绿'}, {U'網', U'网'}, {U'線', U'线'}, {U'縣', U'县'},
    {U'總', U'总'}, {U'職', U'职'}, {U'臺', U'台'}, {U'與', U'与'}, {U'舉', U'举'}, {U'萬', U'万'}, {U'蓋', U'盖'}, {U'藥', U'药'},
    {U'處', U'处'}, {U'號', U'号'}, {U'虧', U'亏'}, {U'衛', U'卫'}, {U'補', U'补'}, {U'裡', U'里'}, {U'規', U'规'}, {U'計', U'计'},
    {U'設', U'设'}, {U'認', U'认'}, {U'證', U'证'}, {U'負', U'负'}, {U'財', U'财'}, {U'貨', U'货'}, {U'貳', U'贰'}, {U'貸', U'贷'},
    {U'費', U'费'}, {U'貼', U'贴'}, {U'貿', U'贸'}, {U'資', U'资'}, {U'車', U'车'}, {U'較', U'较'}, {U'載', U'载'}, {U'輛', U'辆'},
    {U'輪', U'轮'}, {U'輸', U'输'}, {U'辦', U'办'}, {U'農', U'农'}, {U'週', U'周'}, {U'進', U'进'}, {U'運', U'运'}, {U'過', U'过'},
    {U'達', U'达'}, {U'還', U'还'}, {U'鄉', U'乡'}, {U'醫', U'医'}, {U'釐', U'厘'}, {U'銷', U'销'}, {U'鋼', U'钢'}, {U'錢', U'钱'},
    {U'鎊', U'镑'}, {U'鎮', U'镇'}, {U'鐘', U'钟'}, {U'鐵', U'铁'}, {U'長', U'长'}, {U'門', U'门'}, {U'開', U'开'}, {U'間', U'间'},
    {U'陣', U'阵'}, {U'陸', U'陆'}, {U'隊', U'队'}, {U'際', U'际'}, {U'險', U'险'}, {U'隻', U'只'}, {U'雙', U'双'}, {U'電', U'电'},
    {U'韓', U'韩'}, {U'頁', U'页'}, {U'頃', U'顷'}, {U'項', U'项'}, {U'預', U'预'}, {U'頭', U'头'}, {U'顆', U'颗'}, {U'額', U'额'},
    {U'類', U'类'}, {U'養', U'养'}, {U'餘', U'余'}, {U'點', U'点'},
};

constexpr bool traditional_table_is_sound() noexcept {
    for (std::size_t i = 0; i < std::size(traditional_table); ++i) {
        auto const& e = traditional_table[i];
        if (e.traditional < 0x4E00 || e.traditional > 0x9FFF) return false;  // the bitmap below
        if (e.simplified < 0x800 || e.simplified > 0xFFFF) return false;     // three UTF-8 bytes
        if (i > 0 && !(traditional_table[i - 1].traditional < e.traditional)) return false;
    }
    return true;
}
static_assert(traditional_table_is_sound(), "traditional_table: sorted, unique, U+4E00..9FFF to 3-byte UTF-8");

// One bit per code point in U+4E00..9FFF: set when the table has it, so most characters are
// refused with one load.
inline constexpr auto traditional_bits = [] {
    std::array<std::uint64_t, (0xA000 - 0x4E00) / 64> bits{};
    for (auto const& e : traditional_table) {
        auto const i = static_cast<std::size_t>(e.traditional - 0x4E00);
        bits[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    return bits;
}();

}  // namespace detail

// The simplified form of `c` when the table has one, else `c`.
constexpr char32_t fold_traditional(char32_t c) noexcept {
    if (c < 0x4E00 || c > 0x9FFF) return c;
    auto const i = static_cast<std::size_t>(c - 0x4E00);
    if ((detail::traditional_bits[i / 64] >> (i % 64) & 1) == 0) return c;
    auto const* const end = std::end(detail::traditional_table);
    auto const* const at = std::lower_bound(std::begin(detail::traditional_table), end, c,
                                            [](detail::traditional_entry const& e, char32_t v) { return e.traditional < v; });
    return at != end && at->traditional == c ? at->simplified : c;
}

// The whole table, for tests and documentation.
inline constexpr std::span<detail::traditional_entry const> traditional_folds() noexcept {
    return detail::traditional_table;
}

}  // namespace zhquant
