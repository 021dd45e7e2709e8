// The words a rule set reads around the numbers: fillers, verbs, change words, known indicators,
// and units — built in, and extended at run time from a file without recompiling.
//
//     zhquant::rules::lexicon words = zhquant::rules::lexicon::builtin();
//     auto added = zhquant::rules::load_lexicon(file_text, "mine.lex", words);
//
// The file (UTF-8) has sections; each line of a section is one word, `#` starts a comment:
//
//     [fillers]        # an indicator starts after the last of these: 全镇完成营业额 -> 营业额
//     全年累计
//     [tails]          # words trimmed off the end of an indicator: 收入平均 -> 收入
//     合计为
//     [verbs]          # actions: a list of items shares one (出栏肉猪3820头、山羊108只); one is
//                      # trimmed off the front of an indicator (建成“四好农村路” -> “四好农村路”)
//     收购
//     [indicators]     # known indicator names: when one ends the text, it is the indicator
//     规上工业总产值
//     [labels]         # names of further values: 面积 in 整改81个、面积273.48亩
//     规上工业总产值
//     [bases]          # what a change is measured against: 同比, 比上年
//     比上季度
//     [up]             # words of a rise (增长);  [down] of a fall (下降);  [flat] (持平)
//     攀升
//     [units]          # units, in the unit-file format of value/unit_file.hpp
//     垧	area	10000	m2
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/word_bytes.hpp>
#include <zhquant/error.hpp>
#include <zhquant/value/unit_file.hpp>
#include <zhquant/value/units.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstddef>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace zhquant::rules {

namespace detail {
using zhquant::detail::same_word;
using zhquant::detail::starts_with_word;
}  // namespace detail

// Words kept longest first, so that the first match at a position is the longest.  match() is on
// the hot path of every rule (an indicator checks it at each character): the words are indexed by
// their first character, so a character no word starts with costs one lookup in a small table.
// Adding is one sort and one index for a whole batch (add_all), so a lexicon file of a hundred
// thousand words loads in well under a second.
class word_list {
public:
    word_list() = default;
    word_list(std::initializer_list<std::string_view> words) { add_all(words); }

    void add(std::string_view word) { add_all(std::initializer_list<std::string_view>{word}); }

    // Adds the words not there yet, in order; empty ones are skipped.  A new word goes after the
    // words as long as it, as if added one by one.
    template <class Words>
    void add_all(Words const& words) {
        bool added = false;
        for (std::string_view w : words) {
            if (w.empty() || !known_.emplace(w).second) continue;
            words_.emplace_back(w);
            added = true;
        }
        if (!added) return;
        std::stable_sort(words_.begin(), words_.end(),
                         [](std::string const& a, std::string const& b) { return a.size() > b.size(); });
        reindex();
    }

    // Asked of every item of a list: the index of first characters turns most away before any
    // hashing, and a word that is a whole word of the list is the longest it starts with.
    bool contains(std::string_view word) const { return !word.empty() && match(word) == word.size(); }

    // The longest word that `text` starts with, or 0.  Asked at every character of an indicator:
    // the test of the first character is small enough to be inlined where it is asked, the
    // search of the bucket is not.
    std::size_t match(std::string_view text) const {
        if (text.empty() || !may_start(first_code_point(text))) return 0;
        return match_in_bucket(text);
    }

    // The shortest word that `text` starts with, or 0.
    std::size_t shortest_match(std::string_view text) const {
        if (text.empty() || !may_start(first_code_point(text))) return 0;
        std::size_t shortest = 0;
        for (std::uint32_t i : buckets_[bucket_of(text)])  // longest first: the last match is the shortest
            if (std::string const& w = words_[i]; detail::starts_with_word(text, w)) shortest = w.size();
        return shortest;
    }

    // The longest word that `text` ends with, or 0.
    std::size_t match_suffix(std::string_view text) const {
        if (text.empty()) return 0;
        for (std::uint32_t i : suffix_buckets_[suffix_bucket_of(text)]) {
            std::string const& w = words_[i];
            if (text.size() >= w.size() && detail::starts_with_word(text.substr(text.size() - w.size()), w)) return w.size();
        }
        return 0;
    }

    std::vector<std::string> const& words() const { return words_; }

    static constexpr char32_t no_code_point = 0xFFFFFFFF;

    // The code point of a one- to three-byte character at the start of a non-empty `text`
    // (no_code_point for a longer or broken one), for may_start: several lists can be asked about
    // one decoded character.
    static char32_t first_code_point(std::string_view text) {
        auto const b0 = static_cast<unsigned char>(text[0]);
        if (b0 < 0x80) return b0;
        if ((b0 & 0xE0) == 0xC0 && text.size() >= 2)
            return (char32_t(b0 & 0x1F) << 6) | char32_t(static_cast<unsigned char>(text[1]) & 0x3F);
        if ((b0 & 0xF0) == 0xE0 && text.size() >= 3)
            return (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(text[1]) & 0x3F) << 6) |
                   char32_t(static_cast<unsigned char>(text[2]) & 0x3F);
        return no_code_point;
    }

    // Whether a word might start with the character `c` (first_code_point): false means none does.
    // Most characters of a report start no word of a list, and this says so before any hashing.
    bool may_start(char32_t c) const {
        return !all_indexed_ || c == no_code_point || (first_chars_[c / 64] >> (c % 64) & 1) != 0;
    }

    // Adds the first characters of the words to `bits` (one bit per code point below 0x10000, as
    // may_start keeps them), for one filter of several lists; false when some word starts with a
    // character the bits cannot hold, so that the filter must let everything through.
    bool add_first_characters(std::vector<std::uint64_t>& bits) const {
        bits.resize(first_chars_.size());
        for (std::size_t i = 0; i < bits.size(); ++i) bits[i] |= first_chars_[i];
        return all_indexed_;
    }

private:
    static constexpr std::size_t bucket_count = 256;

    ZHQUANT_NOINLINE std::size_t match_in_bucket(std::string_view text) const {
        for (std::uint32_t i : buckets_[bucket_of(text)]) {
            std::string const& w = words_[i];
            if (detail::starts_with_word(text, w)) return w.size();
        }
        return 0;
    }

    struct word_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    // A hash of the first character's bytes, so that 完 and 实 land apart.
    static std::size_t bucket_of(std::string_view text) {
        auto const lead = static_cast<unsigned char>(text[0]);
        std::size_t const length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        std::size_t h = 0;
        for (std::size_t i = 0; i < length && i < text.size(); ++i) h = h * 31 + static_cast<unsigned char>(text[i]);
        return h % bucket_count;
    }

    // The same hash of the last character's bytes, for suffixes.
    static std::size_t suffix_bucket_of(std::string_view text) {
        std::size_t start = text.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        return bucket_of(text.substr(start));
    }

    void reindex() {
        for (auto& b : buckets_) b.clear();
        for (auto& b : suffix_buckets_) b.clear();
        first_chars_.assign(first_chars_.size(), 0);
        all_indexed_ = true;
        for (std::size_t i = 0; i < words_.size(); ++i) {
            char32_t const c = first_code_point(words_[i]);
            if (c == no_code_point) all_indexed_ = false;
            else first_chars_[c / 64] |= std::uint64_t(1) << (c % 64);
            buckets_[bucket_of(words_[i])].push_back(static_cast<std::uint32_t>(i));
            suffix_buckets_[suffix_bucket_of(words_[i])].push_back(static_cast<std::uint32_t>(i));
        }
    }

    std::vector<std::string> words_;
    std::unordered_set<std::string, word_hash, std::equal_to<>> known_;
    std::array<std::vector<std::uint32_t>, bucket_count> buckets_;         // by first character, longest first
    std::array<std::vector<std::uint32_t>, bucket_count> suffix_buckets_;  // by last character, longest first
    // Bit c: some word starts with code point c (c < 0x10000), for may_start.
    std::vector<std::uint64_t> first_chars_ = std::vector<std::uint64_t>(0x10000 / 64);
    bool all_indexed_ = true;  // no word starts with a four-byte character (or a broken one)
};

struct lexicon {
    word_list fillers;     // an indicator starts after the last of these: 全镇完成营业额 -> 营业额
    word_list tails;       // trimmed off the end of an indicator: 收入平均 -> 收入
    word_list verbs;       // actions shared by the items of a list
    word_list indicators;  // known indicator names
    word_list labels;      // names of a record's further values: 面积 in 81个、面积273.48亩
    word_list bases;       // what a change is measured against
    word_list up;
    word_list down;
    word_list flat;
    unit_registry units = unit_registry::builtin();

    static lexicon const& builtin() {
        static lexicon const words = [] {
            lexicon l;
            l.fillers = {"完成", "实现", "累计", "共计", "共有", "合计", "总计", "其中", "全年", "截至目前",
                         "今年", "当年", "新增", "现有", "达到", "全镇", "该镇", "全乡", "全村", "全县", "全区",
                         "全市", "全省", "全国", "去年", "已", "积极", "扎实", "妥善", "依法", "迅速", "广泛",
                         "先后", "着力", "进一步", "累积", "该省", "该市", "该县", "该区", "拟安排"};
            l.tails = {"共计", "平均为", "达到", "高达", "约为", "均为", "分别为", "达", "为", "约", "共", "平均", "均", "是", "有",
                       "超", "近", "超过", "逾", "不足", "将近", "接近", "大约"};
            l.verbs = {"出栏", "存栏", "建成", "新建", "改造", "修建", "硬化", "种植", "培训", "开展", "举办", "组织",
                       "发放", "引进", "招引", "帮助", "带动", "接待", "受理", "办结", "化解", "排查", "整改",
                       "投入", "投资", "争取", "落实", "新增", "完成", "实现", "收购", "销售", "签约", "慰问",
                       "走访", "覆盖", "惠及", "吸纳", "安置", "救助", "资助", "调解", "收集", "清理", "整治",
                       "养殖", "发展", "实施", "设置", "配备", "推送", "召开", "安装", "铺设", "更换", "布置",
                       "粘贴", "办理", "解决", "推广", "申报", "核查", "拆除", "优化", "调整", "培育",
                       "评选", "输送", "转移", "除治", "投用", "建设", "指导", "举报", "挖掘", "拟定", "获得",
                       "提供", "启动", "吸引", "产销", "制定", "推动", "出动", "明确", "带来", "发现", "梳理",
                       "新开发", "新实施", "新发展", "进行", "支援", "劝停", "巡查", "获", "获批", "处理", "处置"};
            l.bases = {"同比", "环比", "比上年同期", "比去年同期", "比上年末", "比上年", "比去年", "较上年同期",
                       "较去年同期", "较上年", "较去年", "与上年相比", "与去年相比", "比上月", "较上月",
                       "比年初", "较年初", "比2023年", "比2022年", "较2023年", "较2022年", "比上季度", "较上季度",
                       "比一季度", "较一季度", "比上半年", "较上半年", "比前三季度", "较前三季度", "比上年同月",
                       "较上年同月", "比上月末", "比上年年初"};
            l.up = {"增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "增长了", "增加了", "提高了", "上升了", "加快", "回升"};
            l.down = {"下降", "减少", "降低", "回落", "下滑", "收窄", "缩小", "下降了", "减少了", "降低了", "放缓"};
            l.flat = {"持平"};
            // Rates whose first word is a filler or a verb: without them 完成率 would be trimmed to 率.
            // And names whose middle word is one: 城镇新增就业 would lose 城镇新增.
            l.indicators = {"完成率", "整改完成率", "办结率", "化解率", "整改率", "城镇新增就业"};
            l.labels = {"面积", "总面积", "长度", "总长", "总长度", "里程", "金额", "总金额", "资金", "总投资",
                        "投资", "人数", "户数", "人次", "产值", "总产值", "规模", "数量", "总数", "产量", "收入",
                        "长", "宽", "高", "深", "重量", "容量", "功率", "占地", "涉及"};
            return l;
        }();
        return words;
    }
};

namespace detail {

inline std::size_t column_of(std::string_view line, std::size_t byte) {
    std::size_t column = 1;
    for (std::size_t i = 0; i < byte && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return column;
}

}  // namespace detail

// Adds the words of a lexicon file to `into`; the count of entries added, or the first error as
// `FILE:LINE:COL: error: ...`.  Nothing is added when the file has an error.
inline result<std::size_t> load_lexicon(std::string_view text, std::string_view file_name, lexicon& into) {
    lexicon staged = into;
    // The [units] lines for the unit-file reader, each at its place in a copy of the file whose
    // other lines are blanked: the reader's lines, columns and offsets are then the file's.
    std::string units_text;
    bool has_units = false;
    // The words of each list, added all at once at the end (known_sections' order, units left out).
    static constexpr std::array<std::string_view, 10> known_sections{
        "fillers", "tails", "verbs", "indicators", "labels", "bases", "up", "down", "flat", "units"};
    std::array<word_list*, 9> const lists{&staged.fillers, &staged.tails, &staged.verbs, &staged.indicators, &staged.labels,
                                          &staged.bases, &staged.up, &staged.down, &staged.flat};
    std::array<std::vector<std::string_view>, 9> pending;
    // Which of [bases], [up], [down], [flat] each word of a change is in.
    std::unordered_map<std::string, std::string> change_words;
    for (std::size_t i = 5; i < 9; ++i)
        for (auto const& w : lists[i]->words()) change_words.emplace(w, known_sections[i]);
    std::string section;
    std::size_t count = 0;
    std::size_t line_number = 0;
    std::size_t offset = 0;
    auto fail = [&](std::size_t line, std::size_t column, std::size_t at, std::string const& what) {
        return result<std::size_t>(error{at, std::string(file_name) + ":" + std::to_string(line) + ":" +
                                                 std::to_string(column) + ": error: " + what});
    };
    while (offset <= text.size()) {
        std::size_t const eol = std::min(text.find('\n', offset), text.size());
        std::string_view line = text.substr(offset, eol - offset);
        ++line_number;
        std::size_t const line_start = offset;
        offset = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::string_view content = line.substr(0, line.find('#'));
        while (!content.empty() && (content.back() == ' ' || content.back() == '\t')) content.remove_suffix(1);
        std::size_t lead = 0;
        while (lead < content.size() && (content[lead] == ' ' || content[lead] == '\t')) ++lead;
        content.remove_prefix(lead);
        if (content.empty()) continue;
        if (content.front() == '[') {
            if (content.back() != ']')
                return fail(line_number, detail::column_of(line, lead + content.size()), line_start + lead + content.size(),
                            "expected ']' to close the section name");
            section = std::string(content.substr(1, content.size() - 2));
            if (std::find(known_sections.begin(), known_sections.end(), section) == known_sections.end())
                return fail(line_number, detail::column_of(line, lead + 1), line_start + lead + 1,
                            "expected a section name (fillers, tails, verbs, indicators, labels, bases, up, down, flat, units) here");
            if (section == "units" && !has_units) {
                has_units = true;
                units_text.assign(text.size(), ' ');
                for (std::size_t i = 0; i < text.size(); ++i)
                    if (text[i] == '\n') units_text[i] = '\n';
            }
            continue;
        }
        if (section.empty())
            return fail(line_number, detail::column_of(line, lead), line_start + lead,
                        "expected a section such as [fillers] before the first word");
        if (section == "units") {
            units_text.replace(line_start, eol - line_start, text.substr(line_start, eol - line_start));
            continue;
        }
        if (content.find_first_of(" \t") != std::string_view::npos) {
            std::size_t const space = lead + content.find_first_of(" \t");
            return fail(line_number, detail::column_of(line, space), line_start + space,
                        "unexpected space in a word (one word a line)");
        }
        // A word of a change's basis or direction in two of those lists would make the change
        // ambiguous (回落 both up and down): refused.
        if (section == "bases" || section == "up" || section == "down" || section == "flat") {
            auto const [at, is_new] = change_words.emplace(content, section);
            if (!is_new && at->second != section)
                return fail(line_number, detail::column_of(line, lead), line_start + lead,
                            "'" + std::string(content) + "' is already a word of [" + at->second +
                                "]: in [" + section + "] too it would make a change ambiguous");
        }
        auto const known = std::find(known_sections.begin(), known_sections.end(), section);
        pending[static_cast<std::size_t>(known - known_sections.begin())].push_back(content);
        ++count;
    }
    for (std::size_t i = 0; i < lists.size(); ++i) lists[i]->add_all(pending[i]);
    if (has_units) {
        auto added = load_units(units_text, file_name, staged.units);
        if (!added) return added.error();
        count += *added;
    }
    into = std::move(staged);
    return count;
}

inline result<std::size_t> load_lexicon_from_path(std::string const& path, lexicon& into) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return error{0, "cannot open '" + path + "': No such file or directory"};
    std::ostringstream s;
    s << in.rdbuf();
    return load_lexicon(s.str(), path, into);
}

}  // namespace zhquant::rules
