#include "record_text.hpp"

#include "input.hpp"

#include <boost/json/array.hpp>

boost::json::object mention_json(zhquant::mention const& m, original_text const& bytes, boost::json::storage_ptr sp) {
    boost::json::object o(sp);
    o["start"] = m.start;
    o["end"] = m.end;
    o["text"] = bytes.slice(m.start, m.end);
    o["kind"] = zhquant::name(m.kind);
    o["value"] = m.value_text();
    if (auto high = m.high_text()) o["high"] = *high;
    if (!m.unit.empty()) o["unit"] = m.unit;
    o["qualifier"] = zhquant::name(m.qualifier);
    o["dimension"] = zhquant::name(m.dimension);
    return o;
}

namespace {

boost::json::object change_json(zhquant::change const& c, zhquant::extraction const& x, original_text const& bytes,
                                boost::json::storage_ptr const& sp) {
    boost::json::object o(sp);
    if (!c.basis.empty()) o["basis"] = c.basis;
    o["direction"] = zhquant::name(c.direction);
    if (c.value) o["value"] = mention_json(x.mentions[*c.value], bytes, sp);
    return o;
}

std::string change_text(zhquant::change const& c, zhquant::extraction const& x, original_text const& bytes) {
    std::string out;
    if (!c.basis.empty()) out.append(c.basis).append(" ");
    out.append(zhquant::name(c.direction));
    if (c.value) out.append(" ").append(mention_text(c.value, x, bytes));
    return out;
}

}  // namespace

boost::json::object record_json(std::string const& doc, zhquant::record const& r, zhquant::extraction const& x,
                                original_text const& bytes, boost::json::storage_ptr sp) {
    boost::json::object o(sp);
    o["doc"] = doc;
    o["start"] = r.start;
    o["end"] = r.end;
    o["text"] = bytes.slice(r.start, r.end);
    o["rule"] = r.rule;
    o["indicator"] = r.indicator;
    if (!r.verb.empty()) o["verb"] = r.verb;
    if (r.value) o["value"] = mention_json(x.mentions[*r.value], bytes, sp);
    if (r.period) o["period"] = mention_json(x.mentions[*r.period], bytes, sp);
    if (!r.changes.empty()) o["change"] = change_json(r.changes.front(), x, bytes, sp);
    if (r.changes.size() > 1) {
        boost::json::array more(sp);
        for (std::size_t i = 1; i < r.changes.size(); ++i) more.push_back(change_json(r.changes[i], x, bytes, sp));
        o["more_changes"] = std::move(more);
    }
    if (r.share) {
        o["share"] = mention_json(x.mentions[*r.share], bytes, sp);
        if (!r.share_of.empty()) o["share_of"] = r.share_of;
    }
    if (!r.values.empty()) {
        boost::json::object values(sp);
        for (auto const& v : r.values) values[v.name] = mention_json(x.mentions[v.mention], bytes, sp);
        o["values"] = std::move(values);
    }
    return o;
}

std::string mention_text(std::optional<std::size_t> i, zhquant::extraction const& x, original_text const& bytes) {
    if (!i) return {};
    return bytes.slice(x.mentions[*i].start, x.mentions[*i].end);
}

std::string changes_text(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes) {
    std::string out;
    for (auto const& c : r.changes) {
        if (!out.empty()) out += "; ";
        out += change_text(c, x, bytes);
    }
    return out;
}

std::string values_text(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes) {
    std::string out;
    for (auto const& v : r.values) {
        if (!out.empty()) out += "; ";
        out += v.name + "=" + mention_text(v.mention, x, bytes);
    }
    return out;
}

std::string share_text(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes) {
    std::string share = mention_text(r.share, x, bytes);
    if (!r.share_of.empty()) share = r.share_of + " " + share;
    return share;
}

std::string mention_value_text(zhquant::mention const& m) {
    std::string out = m.value_text();
    if (auto high = m.high_text()) out.append("..").append(*high);
    if (m.kind == zhquant::mention_kind::percent) out += " %";
    if (!m.unit.empty()) out.append(" ").append(m.unit);
    return out;
}

std::string case_line(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes) {
    std::string out = r.rule;
    auto field = [&](std::string_view name, std::string const& text) {
        out += " | ";
        out += name;
        out += '=';
        out += text;
    };
    if (!r.indicator.empty()) field("indicator", r.indicator);
    if (!r.verb.empty()) field("verb", r.verb);
    if (r.period) field("period", mention_text(r.period, x, bytes));
    if (r.value) field("value", mention_text(r.value, x, bytes));
    if (r.share) {
        std::string share = mention_text(r.share, x, bytes);
        if (!r.share_of.empty()) share.append(" of ").append(r.share_of);
        field("share", share);
    }
    for (auto const& c : r.changes) field("change", change_text(c, x, bytes));
    for (auto const& v : r.values) field(v.name, mention_text(v.mention, x, bytes));
    return out;
}
