// zhquant._zhquant: the C++ side of the Python module (python/zhquant/__init__.py is the API).
//
//     >>> from zhquant import _zhquant
//     >>> rows, errors = _zhquant.extract("全年完成税收598万元", "township_report", None, "-", False, False)
//     >>> rows[0]["value"]["value"]
//     '5980000'
//
// Records and mentions are built as the command-line tool writes them (tools/record_text.cpp and
// `zhquant mentions`), so a Python row and a JSON line of the tool are the same object.  The
// parsing and the building of those objects run without the GIL: the threads of one process (a
// Dask worker's) then extract documents side by side.
#include "input.hpp"
#include "record_text.hpp"
#include "rule_sets.hpp"

#include <zhquant/mentions.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/value/unit_file.hpp>

#include <boost/json.hpp>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace {

// The UTF-8 bytes of a str (as encoded by Python) or of bytes, valid as long as `text` lives.
std::string_view utf8_of(py::handle text) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_Check(text.ptr())) {
        if (PyBytes_AsStringAndSize(text.ptr(), &data, &size) != 0) throw py::error_already_set();
        return {data, static_cast<std::size_t>(size)};
    }
    if (PyUnicode_Check(text.ptr())) {
        char const* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
        if (!utf8) throw py::error_already_set();  // a lone surrogate
        return {utf8, static_cast<std::size_t>(size)};
    }
    throw py::type_error("text must be str or bytes, not " + std::string(py::str(py::type::of(text).attr("__name__"))));
}

// A text field of the output.  Record and mention texts are slices of the input, which may be
// invalid UTF-8 when it came as bytes: those bytes become U+FFFD, as a reader of the tool's
// output decoding it with errors="replace" sees them.
py::object str_of(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

py::object to_python(boost::json::value const& v) {
    switch (v.kind()) {
        case boost::json::kind::object: {
            py::dict d;
            for (auto const& [key, value] : v.get_object()) d[str_of(key)] = to_python(value);
            return d;
        }
        case boost::json::kind::array: {
            auto const& a = v.get_array();
            py::list l(a.size());
            for (std::size_t i = 0; i < a.size(); ++i) l[i] = to_python(a[i]);
            return l;
        }
        case boost::json::kind::string: return str_of(v.get_string());
        case boost::json::kind::uint64: return py::int_(v.get_uint64());
        case boost::json::kind::int64: return py::int_(v.get_int64());
        case boost::json::kind::double_: return py::float_(v.get_double());
        case boost::json::kind::bool_: return py::bool_(v.get_bool());
        case boost::json::kind::null: break;
    }
    return py::none();
}

// char_start and char_end beside every start and end: offsets into the text as a Python str.
// Counted as code points of the UTF-8 bytes, which is what str indexes when the bytes are valid.
class char_offsets {
public:
    explicit char_offsets(std::string_view text) : text_(text) {}

    void add_to(std::vector<boost::json::object>& rows) {
        for (auto& row : rows) collect(row);
        std::sort(bytes_.begin(), bytes_.end());
        bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
        chars_.resize(bytes_.size());
        std::size_t at = 0, count = 0;
        for (std::size_t i = 0; i < bytes_.size(); ++i) {
            for (std::size_t const to = std::min(bytes_[i], text_.size()); at < to; ++at)
                if ((static_cast<unsigned char>(text_[at]) & 0xC0) != 0x80) ++count;
            chars_[i] = count;
        }
        for (auto& row : rows) annotate(row);
    }

private:
    template <class F>
    static void each_span(boost::json::object& o, F&& f) {
        if (o.contains("start") && o.contains("end")) f(o);
        for (auto& [key, value] : o) {
            if (auto* inner = value.if_object()) each_span(*inner, f);
            if (auto* list = value.if_array())
                for (auto& item : *list)
                    if (auto* inner = item.if_object()) each_span(*inner, f);
        }
    }

    void collect(boost::json::object& row) {
        each_span(row, [&](boost::json::object& o) {
            bytes_.push_back(o.at("start").to_number<std::size_t>());
            bytes_.push_back(o.at("end").to_number<std::size_t>());
        });
    }

    std::size_t char_of(std::size_t byte) const {
        return chars_[static_cast<std::size_t>(std::lower_bound(bytes_.begin(), bytes_.end(), byte) - bytes_.begin())];
    }

    void annotate(boost::json::object& row) {
        std::vector<boost::json::object*> spans;
        each_span(row, [&](boost::json::object& o) { spans.push_back(&o); });
        // Added after the walk, innermost first: a key added to an object moves its entries, the
        // objects nested in it among them.
        for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
            boost::json::object* o = *it;
            auto const start = char_of(o->at("start").to_number<std::size_t>());
            auto const end = char_of(o->at("end").to_number<std::size_t>());
            (*o)["char_start"] = start;
            (*o)["char_end"] = end;
        }
    }

    std::string_view text_;
    std::vector<std::size_t> bytes_;
    std::vector<std::size_t> chars_;
};

// The input's problems as (offset, message) pairs, for the Python side to report.
py::list problems_of(std::vector<zhquant::error> const& errors) {
    py::list problems;
    for (auto const& e : errors) problems.append(py::make_tuple(e.offset, str_of(e.message)));
    return problems;
}

py::tuple finish(std::vector<boost::json::object> const& rows, std::vector<zhquant::error> const& errors) {
    py::list out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out[i] = to_python(rows[i]);
    return py::make_tuple(std::move(out), problems_of(errors));
}

// A word or unit file's contents, kept so that the loaded object pickles (a Dask client ships it
// to its workers) as the text it came from.
template <class Loaded>
struct loaded_file {
    Loaded value;
    std::string text;
    std::string name;
};

using lexicon_file = loaded_file<zhquant::rules::lexicon>;
using units_file = loaded_file<zhquant::unit_registry>;

// `text` loaded by `add` (zhquant's load_lexicon, load_units) on top of the built-in words or
// units; a malformed line is a ValueError with the message the tool prints for it.
template <class Loaded, class Add>
std::shared_ptr<loaded_file<Loaded>> load_file(Loaded const& builtin, std::string text, std::string name, Add add) {
    auto loaded = std::make_shared<loaded_file<Loaded>>(loaded_file<Loaded>{builtin, std::move(text), std::move(name)});
    auto added = add(loaded->text, loaded->name, loaded->value);
    if (!added) throw py::value_error(added.error().message);
    return loaded;
}

std::shared_ptr<lexicon_file> load_lexicon(std::string text, std::string name) {
    return load_file(zhquant::rules::lexicon::builtin(), std::move(text), std::move(name), zhquant::rules::load_lexicon);
}

std::shared_ptr<units_file> load_units(std::string text, std::string name) {
    return load_file(zhquant::unit_registry::builtin(), std::move(text), std::move(name), zhquant::load_units);
}

zhquant::rules::rule_set const& rule_set_named(std::string const& name) {
    if (auto const* found = find_rule_set(name)) return found->get();
    throw py::value_error("unknown rule set '" + name + "' (known: " + rule_set_names() + ")");
}

// One mention as `zhquant mentions -f jsonl` writes it: as in a record, between its document and
// its value in base units.
boost::json::object mention_row(std::string const& doc, zhquant::mention const& m, std::string_view bytes) {
    boost::json::object o;
    o["doc"] = doc;
    for (auto const& field : mention_json(m, bytes)) o.insert(field);
    if (m.base_value) o["si_value"] = m.base_value->to_string();
    if (!m.base_unit.empty()) o["si_unit"] = m.base_unit;
    return o;
}

py::tuple mentions(py::object const& text, std::shared_ptr<units_file> const& units, std::string const& doc,
                   bool with_char_offsets) {
    std::string_view const bytes = utf8_of(text);
    std::vector<boost::json::object> rows;
    zhquant::mentions_result found;
    {
        py::gil_scoped_release unlocked;
        zhquant::mentions_options options;
        if (units) options.units = &units->value;
        found = zhquant::find_mentions(bytes, options);
        rows.reserve(found.mentions.size());
        for (auto const& m : found.mentions) rows.push_back(mention_row(doc, m, bytes));
        if (with_char_offsets) char_offsets(bytes).add_to(rows);
    }
    return finish(rows, found.errors);
}

// The extraction of `bytes` as the tool's JSON objects; called without the GIL.
// extract() of `bytes` with the rule set and, when there is one, the lexicon.
zhquant::extraction extraction_of(std::string_view bytes, zhquant::rules::rule_set const& chosen,
                                  lexicon_file const* words) {
    zhquant::rules::extract_options options;
    if (words) options.words = &words->value;
    return zhquant::rules::extract(bytes, chosen, options);
}

std::vector<boost::json::object> record_rows(std::string_view bytes, zhquant::rules::rule_set const& chosen,
                                             lexicon_file const* words, std::string const& doc, bool unclaimed,
                                             std::vector<zhquant::error>& errors) {
    auto const x = extraction_of(bytes, chosen, words);
    std::vector<boost::json::object> rows;
    rows.reserve(x.records.size() + (unclaimed ? x.unclaimed.size() : 0));
    for (auto const& r : x.records) rows.push_back(record_json(doc, r, x, bytes));
    if (unclaimed)
        for (auto i : x.unclaimed) {
            boost::json::object o;
            o["doc"] = doc;
            o["unclaimed"] = mention_json(x.mentions[i], bytes);
            rows.push_back(std::move(o));
        }
    errors = x.errors;
    return rows;
}

py::tuple extract(py::object const& text, std::string const& rules, std::shared_ptr<lexicon_file> const& words,
                  std::string const& doc, bool unclaimed, bool with_char_offsets) {
    zhquant::rules::rule_set const& chosen = rule_set_named(rules);
    std::string_view const bytes = utf8_of(text);
    std::vector<boost::json::object> rows;
    std::vector<zhquant::error> errors;
    {
        py::gil_scoped_release unlocked;
        rows = record_rows(bytes, chosen, words.get(), doc, unclaimed, errors);
        if (with_char_offsets) char_offsets(bytes).add_to(rows);
    }
    return finish(rows, errors);
}

// The records as JSON Lines text, written by the tool's own writer (record_text.hpp) without
// building objects: for a writer of JSON Lines, faster than dicts passed through json.dumps, and
// than boost::json objects serialized (10.7 against 8.3 MB/s, bench/dask_throughput.sh).
py::tuple extract_jsonl(py::object const& text, std::string const& rules, std::shared_ptr<lexicon_file> const& words,
                        std::string const& doc, bool unclaimed) {
    zhquant::rules::rule_set const& chosen = rule_set_named(rules);
    std::string_view const bytes = utf8_of(text);
    json_lines_buffer lines;
    std::vector<zhquant::error> errors;
    {
        py::gil_scoped_release unlocked;
        auto const x = extraction_of(bytes, chosen, words.get());
        json_member const doc_member("doc", doc);
        for (auto const& r : x.records) {
            append_record_json(lines, doc_member, r, x, bytes);
            lines.end_line();
        }
        if (unclaimed)
            for (auto i : x.unclaimed) {
                append_unclaimed_json(lines, doc_member, x.mentions[i], bytes);
                lines.end_line();
            }
        errors = x.errors;
    }
    return py::make_tuple(str_of(lines.text()), problems_of(errors));
}

// The cells of `zhquant extract -f csv`: the records' rows, then the unclaimed mentions' rows.
// Built from the extraction, not from the JSON rows: a JSON object keeps one of two further
// values of the same name (面积 twice), the table both.
py::tuple extract_table(py::object const& text, std::string const& rules, std::shared_ptr<lexicon_file> const& words,
                        std::string const& doc, bool unclaimed) {
    zhquant::rules::rule_set const& chosen = rule_set_named(rules);
    std::string_view const bytes = utf8_of(text);
    std::vector<std::vector<std::string>> records, mentions;
    zhquant::extraction x;
    {
        py::gil_scoped_release unlocked;
        x = extraction_of(bytes, chosen, words.get());
        for (auto const& r : x.records)
            records.push_back({doc, r.rule, r.indicator, mention_text(r.value, x, bytes), mention_text(r.period, x, bytes),
                               changes_text(r, x, bytes), share_text(r, x, bytes), values_text(r, x, bytes),
                               slice(bytes, r.start, r.end)});
        if (unclaimed)
            for (auto i : x.unclaimed) {
                auto const& m = x.mentions[i];
                mentions.push_back({doc, slice(bytes, m.start, m.end), std::string(zhquant::name(m.kind)), m.value_text(), m.unit});
            }
    }
    auto cells = [](std::vector<std::vector<std::string>> const& rows) {
        py::list out(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            py::list row(rows[i].size());
            for (std::size_t j = 0; j < rows[i].size(); ++j) row[j] = str_of(rows[i][j]);
            out[i] = std::move(row);
        }
        return out;
    };
    return py::make_tuple(cells(records), cells(mentions), problems_of(x.errors));
}

template <class File>
void bind_loaded_file(py::module_& m, char const* name, char const* doc,
                      std::shared_ptr<File> (*load)(std::string, std::string)) {
    py::class_<File, std::shared_ptr<File>>(m, name, doc)
        .def(py::init(load), py::arg("text"), py::arg("name") = "<string>")
        .def_property_readonly("name", [](File const& f) { return f.name; })
        .def(py::pickle([](File const& f) { return py::make_tuple(py::bytes(f.text), f.name); },
                        [load](py::tuple const& state) {
                            return load(state[0].cast<std::string>(), state[1].cast<std::string>());
                        }))
        .def("__repr__", [name](File const& f) { return std::string("zhquant.") + name + "(name=" + f.name + ")"; });
}

}  // namespace

PYBIND11_MODULE(_zhquant, m) {
    m.doc() = "zhquant's C++ core; use the zhquant package, not this module.";
    m.attr("__version__") = ZHQUANT_VERSION_STRING;
    bind_loaded_file<lexicon_file>(
        m, "Lexicon",
        "Words and units added to a rule set's built-in lexicon, from the text of a lexicon file "
        "(the sections of include/zhquant/rules/lexicon.hpp).  ValueError on a malformed line: "
        "'NAME:LINE:COL: error: ...'.",
        load_lexicon);
    bind_loaded_file<units_file>(
        m, "Units",
        "Units added to the built-in ones, from the text of a unit file (examples/extra_units.tsv).  "
        "ValueError on a malformed line: 'NAME:LINE:COL: error: ...'.",
        load_units);
    m.def("mentions", &mentions, py::arg("text"), py::arg("units"), py::arg("doc"), py::arg("char_offsets"),
          "(rows, errors): the mentions of text as `zhquant mentions -f jsonl` writes them.");
    m.def("extract", &extract, py::arg("text"), py::arg("rules"), py::arg("lexicon"), py::arg("doc"),
          py::arg("unclaimed"), py::arg("char_offsets"),
          "(rows, errors): the records of text as `zhquant extract -f jsonl [--unclaimed]` writes them.");
    m.def("extract_jsonl", &extract_jsonl, py::arg("text"), py::arg("rules"), py::arg("lexicon"), py::arg("doc"),
          py::arg("unclaimed"), "(lines, errors): the text of `zhquant extract -f jsonl [--unclaimed]`.");
    m.def("extract_table", &extract_table, py::arg("text"), py::arg("rules"), py::arg("lexicon"), py::arg("doc"),
          py::arg("unclaimed"),
          "(records, unclaimed, errors): the cells of `zhquant extract -f csv [--unclaimed]`.");
    m.def(
        "rule_sets",
        [] {
            std::vector<std::string> names;
            for (auto const& set : known_rule_sets()) names.emplace_back(set.name);
            return names;
        },
        "The names of the rule sets extract() knows, as `zhquant extract --rules` takes them.");
}
