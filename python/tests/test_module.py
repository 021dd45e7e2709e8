"""The Python module against the command-line tool: the same rows, the same messages."""

import csv
import doctest
import io
import pickle
import re
import threading
import time

import pytest

import zhquant
from conftest import SEEDS, SOURCE_DIR, json_lines, ordered, run

SENTENCE = "1-11月规上工业总产值36923万元，同\n比增长 8.3%"


def test_the_seeds_are_there():
    assert len(SEEDS) >= 5


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_mentions_are_the_tools(cli, seed):
    expected, _ = run(cli, "mentions", "-f", "jsonl", seed)
    rows = zhquant.mentions(seed.read_text(encoding="utf-8"), doc=str(seed))
    assert rows, "a seed without mentions proves nothing"
    assert [ordered(r) for r in rows] == json_lines(expected)


@pytest.mark.parametrize("rules", ["township_report", "statistical_bulletin"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_records_are_the_tools(cli, seed, rules):
    expected, _ = run(cli, "extract", "-f", "jsonl", "--unclaimed", "--rules", rules, seed)
    rows = zhquant.extract(seed.read_bytes(), rules=rules, doc=str(seed), unclaimed=True)
    assert any("rule" in r for r in rows)
    assert [ordered(r) for r in rows] == json_lines(expected)


@pytest.mark.parametrize("unclaimed", [[], ["--unclaimed"]])
def test_jsonl_is_the_tools_byte_for_byte(cli, unclaimed):
    expected, _ = run(cli, "extract", "-f", "jsonl", "-q", *unclaimed, *SEEDS)
    ours = "".join(zhquant.extract_jsonl(seed.read_bytes(), doc=str(seed), unclaimed=bool(unclaimed)) for seed in SEEDS)
    assert ours.encode() == expected
    assert ours.count("\n") == sum(len(zhquant.extract(s.read_bytes(), unclaimed=bool(unclaimed))) for s in SEEDS)


def test_without_unclaimed_only_records(cli):
    expected, _ = run(cli, "extract", "-f", "jsonl", stdin=SENTENCE.encode())
    rows = zhquant.extract(SENTENCE)
    assert [ordered(r) for r in rows] == json_lines(expected)
    assert all(r["doc"] == "-" for r in rows)


def test_byte_offsets_index_the_utf8_text():
    data = SEEDS[0].read_bytes()
    records = zhquant.extract(data)
    for row in records:
        assert data[row["start"]:row["end"]].decode() == row["text"]
    values = [r["value"] for r in records if "value" in r]
    assert values
    for value in values:
        assert data[value["start"]:value["end"]].decode() == value["text"]


def test_char_offsets_index_the_str_and_only_add_keys():
    text = SEEDS[1].read_text(encoding="utf-8")
    plain = zhquant.extract(text, unclaimed=True)
    with_chars = zhquant.extract(text, unclaimed=True, char_offsets=True)
    assert len(with_chars) == len(plain)

    def without_chars(o):
        if isinstance(o, dict):
            return {k: without_chars(v) for k, v in o.items() if k not in ("char_start", "char_end")}
        return [without_chars(v) for v in o] if isinstance(o, list) else o

    spans = 0
    for row, bare in zip(with_chars, plain):
        assert without_chars(row) == bare
        for span in [row, row.get("value"), row.get("period"), row.get("unclaimed"),
                     row.get("change", {}).get("value"), *row.get("values", {}).values()]:
            if span and "start" in span:  # an unclaimed mention's row has its offsets inside
                assert text[span["char_start"]:span["char_end"]] == span["text"]
                spans += 1
    assert spans > len(with_chars)
    mention = zhquant.mentions(text, char_offsets=True)[0]
    assert text[mention["char_start"]:mention["char_end"]] == mention["text"]


def test_invalid_utf8_warns_as_the_tool_reports(cli):
    data = "完成税收598万元".encode() + b"\xff" + "，同比增长8.3%".encode()
    _, stderr = run(cli, "extract", "-f", "jsonl", stdin=data, check=False)
    with pytest.warns(zhquant.InputWarning) as caught:
        rows = zhquant.extract(data)
    assert [str(w.message) for w in caught] == stderr.splitlines()
    assert rows and "\ufffd" not in rows[0]["indicator"]
    problems = []
    zhquant.extract(data, errors=problems)
    assert problems == stderr.splitlines()


def test_rule_sets_are_the_tools(cli):
    _, stderr = run(cli, "extract", "--rules", "nope", stdin=b"", check=False)
    known = stderr.split("(known: ")[1].rstrip(")\n").split(", ")
    assert zhquant.rule_sets() == known
    with pytest.raises(ValueError) as e:
        zhquant.extract(SENTENCE, rules="nope")
    assert "zhquant: " + str(e.value) == stderr.strip()


def test_text_must_be_str_or_bytes():
    with pytest.raises(TypeError):
        zhquant.extract(42)


# 本季度 is no filler of the built-in lexicon, so it stays in the indicator until a lexicon adds it.
LEXICON = "[fillers]\n本季度\n[units]\n垧\tarea\t10000\tm2\n"
LEXICON_SENTENCE = "本季度营业额598万元，开垦荒地30垧"


def test_lexicon_file_as_the_tools(cli, tmp_path):
    lexicon = tmp_path / "mine.lex"
    lexicon.write_text(LEXICON, encoding="utf-8")
    expected, _ = run(cli, "extract", "-f", "jsonl", "--lexicon", lexicon, stdin=LEXICON_SENTENCE.encode())
    without, _ = run(cli, "extract", "-f", "jsonl", stdin=LEXICON_SENTENCE.encode())
    assert expected != without, "the lexicon must change something for this test to mean anything"
    for given in (str(lexicon), lexicon, zhquant.load_lexicon(lexicon)):
        assert [ordered(r) for r in zhquant.extract(LEXICON_SENTENCE, lexicon=given)] == json_lines(expected)


def test_lexicon_pickles_as_its_text(tmp_path):
    lexicon = zhquant.Lexicon(LEXICON.encode(), "mine.lex")
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy.name == "mine.lex"
    assert zhquant.extract(LEXICON_SENTENCE, lexicon=copy) == zhquant.extract(LEXICON_SENTENCE, lexicon=lexicon)
    assert zhquant.extract(LEXICON_SENTENCE, lexicon=copy) != zhquant.extract(LEXICON_SENTENCE)


def test_bad_lexicon_is_the_tools_message(cli, tmp_path):
    bad = tmp_path / "bad.lex"
    bad.write_text("[fillers]\n两 个\n", encoding="utf-8")
    _, stderr = run(cli, "extract", "--lexicon", bad, stdin=b"", check=False)
    with pytest.raises(ValueError) as e:
        zhquant.load_lexicon(bad)
    assert str(e.value) == stderr.splitlines()[0]


def test_units_file_as_the_tools(cli, tmp_path):
    units = tmp_path / "mine.units"
    units.write_text("垧\tarea\t10000\tm2\n", encoding="utf-8")
    text = "开垦荒地30垧".encode()
    expected, _ = run(cli, "mentions", "-f", "jsonl", "--units", units, stdin=text)
    assert [ordered(r) for r in zhquant.mentions(text, units=units)] == json_lines(expected)
    assert zhquant.mentions(text, units=units) != zhquant.mentions(text)


def test_table_is_the_tools_csv(cli):
    expected, _ = run(cli, "extract", "-f", "csv", "-q", "--unclaimed", *SEEDS)
    lines = list(csv.reader(io.StringIO(expected.decode(), newline="")))
    split = lines.index(list(zhquant.UNCLAIMED_COLUMNS))
    records, mentions = [], []
    for seed in SEEDS:
        r, m = zhquant.extract_table(seed.read_bytes(), doc=str(seed), unclaimed=True)
        records += r
        mentions += m
    assert lines[0] == list(zhquant.TABLE_COLUMNS)
    assert lines[1:split] == records
    assert lines[split + 1:] == mentions
    assert any(row[5] for row in records) and any(row[7] for row in records), "changes and values unexercised"
    assert zhquant.extract_table(SEEDS[0].read_bytes())[1] == []


def test_to_pandas_one_row_per_record():
    pandas = pytest.importorskip("pandas")
    records = zhquant.extract(SEEDS[0].read_text(encoding="utf-8"))
    frame = zhquant.to_pandas(records)
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(records)
    assert list(frame["indicator"]) == [r["indicator"] for r in records]
    values = [r["value"]["value"] if "value" in r else None for r in records]
    assert [v if isinstance(v, str) else None for v in frame["value.value"]] == values
    assert zhquant.to_pandas([]).empty


def test_the_gil_is_released_while_parsing():
    # While another thread extracts a long text, this thread keeps running Python; with the GIL
    # held for the whole call it would stall for about the call's duration.  Making the Python
    # records holds it, rightly: on a loaded machine (ctest -j2 beside other tests) that part
    # stalled this thread for 0.43 s of a 0.82 s call, so the bound is three quarters, not half.
    text = "".join(seed.read_text(encoding="utf-8") for seed in SEEDS) * 40
    started = threading.Event()
    took = []

    def work():
        started.set()
        t = time.perf_counter()
        zhquant.extract(text)
        took.append(time.perf_counter() - t)

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    longest_stall = 0.0
    last = time.perf_counter()
    while worker.is_alive():
        now = time.perf_counter()
        longest_stall = max(longest_stall, now - last)
        last = now
    worker.join()
    assert took[0] > 0.2, "the text is too short to tell"
    assert longest_stall < 0.75 * took[0]


def test_threads_give_the_same_records():
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    alone = [zhquant.extract(t, doc=str(i)) for i, t in enumerate(texts)]
    together = [None] * len(texts)

    def work(i):
        together[i] = zhquant.extract(texts[i], doc=str(i))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert together == alone


def test_version_is_the_projects():
    cmake = (SOURCE_DIR / "CMakeLists.txt").read_text()
    assert f"project(zhquant VERSION {zhquant.__version__} " in cmake


def test_the_docstring_examples_run():
    failures, tried = doctest.testmod(zhquant)
    assert tried > 0 and failures == 0


def test_the_readme_examples_run():
    readme = (SOURCE_DIR / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(>>> .*?)```", readme, re.S)
    assert blocks
    for i, block in enumerate(blocks):
        test = doctest.DocTestParser().get_doctest(block, {}, f"README.md python block {i}", "README.md", 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.failures == 0 and runner.tries > 0
