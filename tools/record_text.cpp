#include "record_text.hpp"

#include "input.hpp"
#include "json_line.hpp"

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <utility>
#include <vector>

namespace {

// A mention, a change and a record as JSON, written to any `Writer` with json_text_writer's calls:
// one description of the fields for the JSON text of `extract -f jsonl` and for the
// boost::json objects of explain and the Python module.

// Fields are written with the writers' field(name, text | count) and plain_field(name, text) (a
// name of zhquant's own, quantity or exact, which needs no escape); these two add the rest.

// name: text only where there is text.
template <class Writer, std::size_t N>
void field_if_any(Writer& w, char const (&name)[N], std::string_view text) {
    if (!text.empty()) w.field(name, text);
}

// A value as GUIDE.md writes it (rational::to_string), a decimal's digits written in place.
template <class Writer, std::size_t N>
void value_field(Writer& w, char const (&name)[N], zhquant::rational const& v) {
    if (auto const d = v.to_decimal())
        w.plain_field(name, zhquant::decimal::max_text_size, [&d](char* at) { return d->write_text(at); });
    else
        w.plain_field(name, v.to_string());  // a fraction: digits, a sign and a slash
}

// A mention's fields as GUIDE.md names them, `text` its original bytes: the object of extract's
// records, and the row of `zhquant mentions` between its doc and its si_ fields.
template <class Writer>
void mention_fields(Writer& w, zhquant::mention const& m, std::string_view text) {
    w.field("start", std::uint64_t{m.start});
    w.field("end", std::uint64_t{m.end});
    w.field("text", text);
    w.plain_field("kind", zhquant::name(m.kind));
    if (m.kind == zhquant::mention_kind::date) {  // value_text() and high_text()
        w.field("value", m.date);
        field_if_any(w, "high", m.date_high);
    } else {
        value_field(w, "value", m.value);
        if (m.high) value_field(w, "high", *m.high);
    }
    field_if_any(w, "unit", m.unit);
    w.plain_field("qualifier", zhquant::name(m.qualifier));
    w.plain_field("dimension", zhquant::name(m.dimension));
}

template <class Writer>
void write_mention(Writer& w, zhquant::mention const& m, original_text const& bytes) {
    w.begin_object();
    mention_fields(w, m, bytes.view(m.start, m.end));
    w.end_object();
}

template <class Writer>
void write_change(Writer& w, zhquant::change const& c, zhquant::extraction const& x, original_text const& bytes) {
    w.begin_object();
    field_if_any(w, "basis", c.basis);
    w.field("direction", zhquant::name(c.direction));
    if (c.value) {
        w.key("value");
        write_mention(w, x.mentions[*c.value], bytes);
    }
    w.end_object();
}

template <class Writer>
void write_record(Writer& w, json_member const& doc, zhquant::record const& r, zhquant::extraction const& x,
                  original_text const& bytes) {
    auto mention_field = [&](auto const& name, std::optional<std::size_t> i) {
        if (!i) return;
        w.key(name);
        write_mention(w, x.mentions[*i], bytes);
    };
    w.begin_object();
    w.member(doc);
    w.field("start", std::uint64_t{r.start});
    w.field("end", std::uint64_t{r.end});
    w.field("text", bytes.view(r.start, r.end));
    w.field("rule", r.rule);
    w.field("indicator", r.indicator);
    field_if_any(w, "verb", r.verb);
    mention_field("value", r.value);
    mention_field("period", r.period);
    if (!r.changes.empty()) {
        w.key("change");
        write_change(w, r.changes.front(), x, bytes);
    }
    if (r.changes.size() > 1) {
        w.key("more_changes");
        w.begin_array();
        for (std::size_t i = 1; i < r.changes.size(); ++i) write_change(w, r.changes[i], x, bytes);
        w.end_array();
    }
    if (r.share) {
        mention_field("share", r.share);
        field_if_any(w, "share_of", r.share_of);
    }
    if (!r.values.empty()) {
        // An object: a name said twice keeps its last mention, in the place of its first.
        std::vector<std::pair<std::string_view, std::size_t>> values;
        for (auto const& v : r.values) {
            auto same = std::find_if(values.begin(), values.end(), [&](auto const& e) { return e.first == v.name; });
            if (same == values.end()) values.emplace_back(v.name, v.mention);
            else same->second = v.mention;
        }
        w.key("values");
        w.begin_object();
        for (auto const& [name, i] : values) mention_field(name, i);
        w.end_object();
    }
    w.end_object();
}

// Builds a boost::json value from json_text_writer's calls.
class json_value_writer {
public:
    void begin_object() { open_.push_back(&place(boost::json::object())); }
    void begin_array() { open_.push_back(&place(boost::json::array())); }
    void end_object() { open_.pop_back(); }
    void end_array() { open_.pop_back(); }
    void key(std::string_view name) { key_ = name; }
    void string(std::string_view text) { place(boost::json::string(text)); }
    void count(std::uint64_t n) { place(boost::json::value(n)); }
    template <class Write>
    void plain_string(std::size_t most, Write&& write) {
        std::string text(most, '\0');
        text.resize(static_cast<std::size_t>(write(text.data()) - text.data()));
        string(text);
    }
    void plain_string(std::string_view text) { string(text); }
    // A key and its value, as json_text_writer writes them at once.
    void field(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void field(std::string_view name, std::uint64_t n) {
        key(name);
        count(n);
    }
    template <class Write>
    void plain_field(std::string_view name, std::size_t most, Write&& write) {
        key(name);
        plain_string(most, write);
    }
    void plain_field(std::string_view name, std::string_view text) {
        key(name);
        plain_string(text);
    }
    void member(json_member const& m) { field(m.name(), m.value()); }

    boost::json::object take_object() { return std::move(result_.as_object()); }

private:
    // The value where it belongs: the result, the open object's member named by the last key, or
    // the open array's next element.  Pointers to open values stay valid: only the innermost
    // open value grows.
    boost::json::value& place(boost::json::value v) {
        if (open_.empty()) return result_ = std::move(v);
        boost::json::value& into = *open_.back();
        if (into.is_object()) return into.as_object()[key_] = std::move(v);
        return into.as_array().emplace_back(std::move(v));
    }

    boost::json::value result_;
    std::vector<boost::json::value*> open_;
    std::string key_;
};

}  // namespace

boost::json::object mention_json(zhquant::mention const& m, original_text const& bytes) {
    json_value_writer w;
    write_mention(w, m, bytes);
    return w.take_object();
}

boost::json::object record_json(std::string const& doc, zhquant::record const& r, zhquant::extraction const& x,
                                original_text const& bytes) {
    json_value_writer w;
    write_record(w, json_member("doc", doc), r, x, bytes);
    return w.take_object();
}

void append_record_json(json_lines_buffer& out, json_member const& doc, zhquant::record const& r,
                        zhquant::extraction const& x, original_text const& bytes) {
    json_text_writer w(out);
    write_record(w, doc, r, x, bytes);
}

void append_mention_json(json_lines_buffer& out, json_member const& doc, zhquant::mention const& m,
                         std::string_view text) {
    // The row's bound: its keys, counts and names of zhquant's own in a constant, the texts each
    // at most six times their size escaped, the values at a decimal's longest (a fraction's text
    // is as long as it is).
    auto const value_bound = [](zhquant::rational const& v) {
        return v.is_decimal() ? zhquant::decimal::max_text_size : v.to_string().size();
    };
    std::size_t const texts = text.size() + m.unit.size() + m.base_unit.size() + m.date.size() + m.date_high.size();
    std::size_t const most = 320 + doc.text().size() + 6 * texts + value_bound(m.value) +
                             (m.high ? value_bound(*m.high) : 0) + (m.base_value ? value_bound(*m.base_value) : 0);
    json_row_writer w(out, doc, most);
    mention_fields(w, m, text);
    if (m.base_value) value_field(w, "si_value", *m.base_value);
    field_if_any(w, "si_unit", m.base_unit);
}

void append_unclaimed_json(json_lines_buffer& out, json_member const& doc, zhquant::mention const& m,
                           original_text const& bytes) {
    json_text_writer w(out);
    w.begin_object();
    w.member(doc);
    w.key("unclaimed");
    write_mention(w, m, bytes);
    w.end_object();
}

namespace {

std::string change_text(zhquant::change const& c, zhquant::extraction const& x, original_text const& bytes) {
    std::string out;
    if (!c.basis.empty()) out.append(c.basis).append(" ");
    out.append(zhquant::name(c.direction));
    if (c.value) out.append(" ").append(mention_text(c.value, x, bytes));
    return out;
}

}  // namespace

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
