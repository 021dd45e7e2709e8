"""zhquant: the numbers in Chinese reports, resolved exactly, and the records rule sets make of them.

    >>> import zhquant
    >>> [m["text"] for m in zhquant.mentions("1-11月规上工业总产值36923万元，同比增长 8.3%")]
    ['1-11月', '36923万元', '8.3%']
    >>> record, = zhquant.extract("1-11月规上工业总产值36923万元，同比增长 8.3%")
    >>> record["indicator"], record["value"]["value"], record["change"]["direction"]
    ('规上工业总产值', '369230000', 'up')

Rows are plain dicts with exactly the fields and values of the command-line tool's JSON Lines
(`zhquant mentions -f jsonl`, `zhquant extract -f jsonl`), so either can be read in place of the
other.  In particular:

- ``start`` and ``end`` are **byte** offsets into the UTF-8 text, as the tool writes them:
  ``text.encode()[row["start"]:row["end"]]`` is the row's text.  With ``char_offsets=True`` every
  object that has them also gets ``char_start`` and ``char_end``, offsets into the ``str``.
- Values are exact decimals or fractions as strings (``"369230000"``, ``"1/3"``), dates as
  GUIDE.md writes them (``"XXXX-11"``): never floats, which would lose digits.
- ``doc`` names the document, ``"-"`` unless given (the tool's name for standard input).

Problems in the input (invalid UTF-8, replaced) are reported as ``InputWarning``s worded as the
tool's messages, ``DOC:OFFSET: error: MESSAGE``.  Parsing runs without the GIL, so threads extract
documents in parallel.
"""

import functools
import os
import warnings

from . import _zhquant
from ._zhquant import Lexicon, Units

__version__ = _zhquant.__version__

__all__ = [
    "mentions", "extract", "extract_file", "extract_jsonl", "rule_sets", "Lexicon", "Units", "load_lexicon",
    "load_units", "to_pandas", "extract_table", "TABLE_COLUMNS", "UNCLAIMED_COLUMNS", "InputWarning",
]


class InputWarning(UserWarning):
    """A problem in a document that was worked around: invalid UTF-8, a value too large to hold."""


def rule_sets():
    """The names ``extract(rules=...)`` takes, as ``zhquant extract --rules``."""
    return _zhquant.rule_sets()


def _read_text(path):
    with open(path, "rb") as f:
        return f.read(), os.fspath(path)


# A file's words are read once per change of the file, not once per document.
@functools.lru_cache(maxsize=16)
def _lexicon_at(path, _mtime_ns, _size):
    return Lexicon(*_read_text(path))


@functools.lru_cache(maxsize=16)
def _units_at(path, _mtime_ns, _size):
    return Units(*_read_text(path))


def _cached(loader, path):
    path = os.fspath(path)
    status = os.stat(path)
    return loader(path, status.st_mtime_ns, status.st_size)


def load_lexicon(path):
    """The lexicon file at ``path`` (as ``zhquant extract --lexicon`` reads it) as a ``Lexicon``.

    ValueError for a malformed line, ``PATH:LINE:COL: error: ...``.  A ``Lexicon`` pickles as its
    text, so a Dask client can load it once and ship it to workers that cannot see the file.
    """
    return _cached(_lexicon_at, path)


def load_units(path):
    """The unit file at ``path`` (as ``zhquant mentions --units`` reads it) as ``Units``."""
    return _cached(_units_at, path)


def _report(doc, errors, into):
    for offset, message in errors:
        problem = f"{doc}:{offset}: error: {message}"
        if into is None:
            warnings.warn(problem, InputWarning, stacklevel=3)
        else:
            into.append(problem)


def mentions(text, *, units=None, doc="-", char_offsets=False, errors=None):
    """Every numeric mention of ``text`` (str or UTF-8 bytes), as ``zhquant mentions -f jsonl``.

    Each row: ``doc``, ``start``, ``end``, ``text``, ``kind`` (quantity, percent, date),
    ``value``, ``high`` (ranges), ``unit``, ``qualifier``, ``dimension``, ``si_value``,
    ``si_unit``; absent fields are left out, as in the tool's output.  ``units``: a path to a
    unit file, or ``Units``.  ``errors``: a list that takes the input's problems instead of
    warnings (warnings are not thread-safe to catch).
    """
    if units is not None and not isinstance(units, Units):
        units = load_units(units)
    rows, problems = _zhquant.mentions(text, units, doc, char_offsets)
    _report(doc, problems, errors)
    return rows


def extract(text, rules="township_report", lexicon=None, *, doc="-", unclaimed=False, char_offsets=False,
            errors=None):
    """The records that rule set ``rules`` makes of ``text``, as ``zhquant extract -f jsonl``.

    Each record: ``doc``, ``start``, ``end``, ``text``, ``rule``, ``indicator``, and when the
    sentence has them ``verb``, ``value``, ``period``, ``change`` (``basis``, ``direction``,
    ``value``), ``more_changes``, ``share``, ``share_of``, ``values`` (further named values);
    each value a mention object.  ``lexicon``: a path to a lexicon file (``--lexicon``) or a
    ``Lexicon``.  ``unclaimed=True`` appends ``{"doc", "unclaimed": mention}`` for each mention
    no record took, as ``--unclaimed`` does.  ``errors``: as for ``mentions``.
    """
    if lexicon is not None and not isinstance(lexicon, Lexicon):
        lexicon = load_lexicon(lexicon)
    rows, problems = _zhquant.extract(text, rules, lexicon, doc, unclaimed, char_offsets)
    _report(doc, problems, errors)
    return rows


def extract_file(path, rules="township_report", lexicon=None, *, unclaimed=False, char_offsets=False,
                 errors=None):
    """``extract`` of the file at ``path``, its bytes as they are; ``doc`` is ``path`` as given."""
    with open(path, "rb") as f:
        data = f.read()
    return extract(data, rules, lexicon, doc=os.fspath(path), unclaimed=unclaimed, char_offsets=char_offsets,
                   errors=errors)


def extract_jsonl(text, rules="township_report", lexicon=None, *, doc="-", unclaimed=False, errors=None):
    """``extract``'s rows as the text of ``zhquant extract -f jsonl``: one JSON object a line.

    Serialized in C++ as the tool does it, so faster than ``json.dumps`` of ``extract``'s rows
    (which give the same objects); for writers of JSON Lines.  Arguments as for ``extract``.
    """
    if lexicon is not None and not isinstance(lexicon, Lexicon):
        lexicon = load_lexicon(lexicon)
    lines, problems = _zhquant.extract_jsonl(text, rules, lexicon, doc, unclaimed)
    _report(doc, problems, errors)
    return lines


# The columns of `zhquant extract -f csv` (and of its table), then those of its unclaimed mentions.
TABLE_COLUMNS = ("doc", "rule", "indicator", "value", "period", "change", "share", "values", "text")
UNCLAIMED_COLUMNS = ("doc", "unclaimed", "kind", "value", "unit")


def extract_table(text, rules="township_report", lexicon=None, *, doc="-", unclaimed=False, errors=None):
    """The records of ``text`` as the cells of ``zhquant extract -f csv``: ``(records, mentions)``.

    ``records``: a list of ``TABLE_COLUMNS`` cells each, a value as its text (``36923万元``), a
    change as ``同比 up 8.3%`` (several joined by ``; ``), a share as ``目标任务 151.01%``, further
    values as ``面积=273.48亩; 人=2257人``.  ``mentions``: with ``unclaimed=True``, the mentions no
    record took, ``UNCLAIMED_COLUMNS`` each; else empty.  Other arguments as for ``extract``.
    """
    if lexicon is not None and not isinstance(lexicon, Lexicon):
        lexicon = load_lexicon(lexicon)
    records, mentions, problems = _zhquant.extract_table(text, rules, lexicon, doc, unclaimed)
    _report(doc, problems, errors)
    return records, mentions


def to_pandas(rows):
    """Rows of ``mentions`` or ``extract`` as a ``pandas.DataFrame``, one row each.

    Nested objects are flattened into dotted columns (``value.value``, ``value.unit``,
    ``change.basis``, ``change.value.text``); values stay exact strings (``pandas.to_numeric``
    turns a column into numbers).  Needs pandas (Debian: python3-pandas).
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError("zhquant.to_pandas needs pandas (Debian: apt install python3-pandas)") from e
    rows = list(rows)
    if not rows:
        return pandas.DataFrame()
    return pandas.json_normalize(rows)
