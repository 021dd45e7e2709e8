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

#include <zhquant/error.hpp>
#include <zhquant/value/unit_file.hpp>
#include <zhquant/value/units.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstddef>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace zhquant::rules {

// Words kept longest first, so that the first match at a position is the longest.  match() is on
// the hot path of every rule (an indicator checks it at each character): the words are indexed by
// their first character, so a character no word starts with costs one lookup in a small table.
class word_list {
public:
    word_list() = default;
    word_list(std::initializer_list<std::string_view> words) {
        for (auto w : words) add(w);
    }

    void add(std::string_view word) {
        if (word.empty() || contains(word)) return;
        auto at = std::find_if(words_.begin(), words_.end(), [&](std::string const& w) { return w.size() < word.size(); });
        words_.insert(at, std::string(word));
        reindex();
    }

    bool contains(std::string_view word) const {
        return std::find(words_.begin(), words_.end(), word) != words_.end();
    }

    // The longest word that `text` starts with, or 0.
    std::size_t match(std::string_view text) const {
        if (text.empty()) return 0;
        auto const& bucket = buckets_[bucket_of(text)];
        for (std::uint16_t i : bucket) {
            std::string const& w = words_[i];
            if (text.substr(0, w.size()) == w) return w.size();
        }
        return 0;
    }

    // The longest word that `text` ends with, or 0.
    std::size_t match_suffix(std::string_view text) const {
        for (auto const& w : words_)
            if (text.size() >= w.size() && text.substr(text.size() - w.size()) == w) return w.size();
        return 0;
    }

    std::vector<std::string> const& words() const { return words_; }

private:
    static constexpr std::size_t bucket_count = 256;

    // A hash of the first character's bytes, so that 完 and 实 land apart.
    static std::size_t bucket_of(std::string_view text) {
        auto const lead = static_cast<unsigned char>(text[0]);
        std::size_t const length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        std::size_t h = 0;
        for (std::size_t i = 0; i < length && i < text.size(); ++i) h = h * 31 + static_cast<unsigned char>(text[i]);
        return h % bucket_count;
    }

    void reindex() {
        for (auto& b : buckets_) b.clear();
        for (std::size_t i = 0; i < words_.size(); ++i)
            buckets_[bucket_of(words_[i])].push_back(static_cast<std::uint16_t>(i));
    }

    std::vector<std::string> words_;
    std::array<std::vector<std::uint16_t>, bucket_count> buckets_;
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
                         "先后", "着力", "进一步", "累积"};
            l.tails = {"共计", "达到", "高达", "约为", "均为", "分别为", "达", "为", "约", "共", "平均", "均", "是", "有",
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
                       "比年初", "较年初", "比2023年", "比2022年", "较2023年", "较2022年"};
            l.up = {"增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "增长了", "增加了", "提高了", "上升了"};
            l.down = {"下降", "减少", "降低", "回落", "下滑", "收窄", "缩小", "下降了", "减少了", "降低了"};
            l.flat = {"持平"};
            // Rates whose first word is a filler or a verb: without them 完成率 would be trimmed to 率.
            l.indicators = {"完成率", "整改完成率", "办结率", "化解率", "整改率"};
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
    std::string units_text;
    std::size_t units_first_line = 0;
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
        if (content.empty()) {
            if (section == "units") units_text += '\n';
            continue;
        }
        if (content.front() == '[') {
            if (content.back() != ']')
                return fail(line_number, detail::column_of(line, lead + content.size()), line_start + lead,
                            "expected ']' to close the section name");
            section = std::string(content.substr(1, content.size() - 2));
            static constexpr std::array<std::string_view, 10> known{"fillers", "tails", "verbs", "indicators",
                                                                    "labels", "bases", "up", "down", "flat", "units"};
            if (std::find(known.begin(), known.end(), section) == known.end())
                return fail(line_number, detail::column_of(line, lead + 1), line_start + lead + 1,
                            "expected a section name (fillers, tails, verbs, indicators, labels, bases, up, down, flat, units) here");
            if (section == "units") units_first_line = line_number;
            continue;
        }
        if (section.empty())
            return fail(line_number, detail::column_of(line, lead), line_start + lead,
                        "expected a section such as [fillers] before the first word");
        if (section == "units") {
            units_text.append(line.data(), line.size()).push_back('\n');
            continue;
        }
        if (content.find_first_of(" \t") != std::string_view::npos) {
            std::size_t const space = lead + content.find_first_of(" \t");
            return fail(line_number, detail::column_of(line, space), line_start + space,
                        "unexpected space in a word (one word a line)");
        }
        word_list* list = section == "fillers" ? &staged.fillers
                          : section == "tails" ? &staged.tails
                          : section == "verbs" ? &staged.verbs
                          : section == "indicators" ? &staged.indicators
                          : section == "labels" ? &staged.labels
                          : section == "bases" ? &staged.bases
                          : section == "up" ? &staged.up
                          : section == "down" ? &staged.down
                                              : &staged.flat;
        list->add(content);
        ++count;
    }
    if (!units_text.empty()) {
        // Line numbers in unit errors count from the file's start: pad with the lines before.
        std::string padded(units_first_line, '\n');
        padded += units_text;
        auto added = load_units(padded, file_name, staged.units);
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
