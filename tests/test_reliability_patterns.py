"""Pattern discipline (issue 10): every pattern registered, none superlinear, no timeout silent.

- every compiled pattern of the package is registered with a discipline (or is a rule);
- no module matches an inline pattern string outside the registry;
- every registered pattern and every built-in rule grows linearly on generated worst cases;
- the reproducers of the issue (blank lines, long space runs, a 2 MB mbox of them) stay fast
  and the rewritten patterns match exactly what the quadratic ones did;
- a rule or extractor timeout becomes a thread warning; ``max_seconds_per_input`` stops a parse.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import random
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from pattern_growth import SMALL, best_cost, cost, superlinear, worst_cases

import foithread
from foithread import discipline
from foithread.errors import ParseError
from foithread.rules import DEFAULT_RULES, Rule, Rules, RuleTable, _Prefilter
from foithread.rules.literals import WRAPPED
from foithread.stages.classify import outcome as classifier

SRC = Path(foithread.__file__).parent
Pattern = regex.Pattern[str] | regex.Pattern[bytes]


# --- every compiled pattern is registered ----------------------------------------------------


def _modules() -> Iterator[Any]:
    yield foithread
    for info in pkgutil.walk_packages(foithread.__path__, "foithread."):
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional extra (dask) that is not installed
            continue


def _found(where: str, value: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Compiled patterns in ``value`` (rules are covered by type, so they are skipped)."""
    if isinstance(value, (regex.Pattern, re.Pattern)):
        yield where, value
    elif isinstance(value, (Rule, RuleTable, Rules)):
        return
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        for i, item in enumerate(value):
            yield from _found(f"{where}[{i}]", item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _found(f"{where}[{key!r}]", item, depth + 1)


def compiled_patterns() -> list[tuple[str, Any]]:
    out: dict[int, tuple[str, Any]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            where = f"{module.__name__}.{name}"
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attr, item in vars(value).items():
                    out.update((id(p), (w, p)) for w, p in _found(f"{where}.{attr}", item, 1))
            else:
                out.update((id(p), (w, p)) for w, p in _found(where, value))
    return list(out.values())


def test_every_compiled_pattern_is_registered() -> None:
    found = compiled_patterns()
    assert len(found) > 100  # the walk sees the package (a broken walk must not pass)
    discipline.entries()  # declares the readers' patterns
    missing = [where for where, p in found if isinstance(p, re.Pattern) or discipline.entry_of(p) is None]
    assert missing == [], "register these with foithread.discipline.compile (or declare them)"


def test_an_unregistered_pattern_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classifier, "_STRAY", regex.compile(r"stray \d+"), raising=False)
    found = dict(compiled_patterns())
    assert discipline.entry_of(found["foithread.stages.classify.outcome._STRAY"]) is None


def test_rules_are_matched_with_a_timeout() -> None:
    """Rules are covered by type: their matching always passes a timeout (recorded when hit)."""
    rule = Rule("slow", r"(?:a|a)*b")
    context = discipline.ParseContext(regex_timeout=1e-6)
    with discipline.active(context):
        assert rule.search("a" * 40) is None
        assert rule.spans("a" * 40) == []
    assert context.take() == ["rule 'slow'"]


#: calls that compile a pattern string on the spot (kept out of the registry)
_INLINE = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
#: (file, function) allowed to: rules compile their (user-extensible) patterns, matched with a
#: timeout; ``stated_receipt`` takes the caller's pattern for 80 characters before a date
_ALLOWED = {("discipline.py", "compile"), ("rules/__init__.py", "_compile"), ("rules/dispatch.py", "combined")}
_ALLOWED_BOUNDED = {("deadlines.py", "stated_receipt")}
#: patterns made at run time from a user's censor rules or a thread's own names, each matched with a timeout
_ALLOWED_DYNAMIC = {
    ("redaction.py", "spans"),
    ("redaction.py", "_literal_spans"),
    ("redaction.py", "_name_pattern"),
    ("rules/quote_headers.py", "check"),  # compiles a (user's) language table once to validate it, matches nothing
}


def _inline_calls(path: Path) -> Iterator[tuple[str, int]]:
    """(innermost enclosing function or ``<module>``, line) of every ``regex.X(...)``/``re.X(...)``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    enclosing: dict[ast.AST, str] = {}
    for func in ast.walk(tree):  # outer functions come first, so inner ones overwrite them
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(func):
                enclosing[node] = func.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("regex", "re")
            and node.func.attr in _INLINE
        ):
            yield enclosing.get(node, "<module>"), node.lineno


def test_no_pattern_is_compiled_outside_the_registry() -> None:
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("readers/"):  # declared in readers/patterns.py (owned by the readers)
            continue
        for func, line in _inline_calls(path):
            if (rel, func) in _ALLOWED or (rel, func) in _ALLOWED_BOUNDED or (rel, func) in _ALLOWED_DYNAMIC:
                continue
            bad.append(f"{rel}:{line} in {func}")
    assert bad == []


# --- growth: no registered pattern is superlinear on generated worst cases -------------------


#: known superlinear patterns of modules owned elsewhere (fix there, then drop the entry:
#: the xfail is strict, so a fixed pattern fails here until it is removed)
KNOWN_SUPERLINEAR: dict[str, str] = {}  # none left (wdtk_zip._EVENT_START made linear, issue 10)


def _registered() -> list[Any]:
    out = []
    for entry in discipline.entries():
        reason = KNOWN_SUPERLINEAR.get(entry.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(entry, id=entry.name.removeprefix("foithread."), marks=marks))
    return out


@pytest.mark.parametrize("entry", _registered())
def test_registered_pattern_grows_linearly(entry: discipline.Entry) -> None:
    if entry.max_input is not None and entry.max_input < SMALL:
        # its callers bound the text (``why`` says how): it must be fast at that size
        assert entry.why and "extractor helpers" not in entry.why
        for unit in worst_cases(entry.pattern):
            text = (unit * (entry.max_input // len(unit) + 1))[: entry.max_input]
            assert best_cost(entry.pattern, text, entry.anchored) < 0.05, unit
        return
    units = (" ",) if entry.name in KNOWN_SUPERLINEAR else None  # known: show it cheaply
    assert superlinear(entry.pattern, entry.anchored, units=units) == []


def _rules() -> list[Any]:
    out = []
    for table in DEFAULT_RULES.tables:
        for rule in table.rules:
            out.append(pytest.param(rule.compiled, rule.anchored, id=f"{table.name}.{rule.name}"))
    return out


def _prefilters() -> list[Any]:
    out = []
    for table in DEFAULT_RULES.tables:
        combined = table._any
        for pattern, anchored in ((combined.anchored, True), (combined.floating, False)) if combined else ():
            if pattern is not None:
                out.append(pytest.param(pattern, anchored, id=f"{table.name}.{'anchored' if anchored else 'floating'}"))
    return out


@pytest.mark.parametrize(("pattern", "anchored"), _prefilters())
def test_table_prefilter_is_fast_on_the_lines_it_sees(pattern: Pattern, anchored: bool) -> None:
    """The combined pattern of a table (one call for all its rules) only sees lines up to
    ``_Prefilter.MAX_LINE`` characters (longer ones go to the rules, each linear)."""
    size = _Prefilter.MAX_LINE
    for unit in worst_cases(pattern, single_line=True):
        line = (unit * (size // len(unit) + 1))[:size]
        assert best_cost(pattern, line, anchored) < 0.05, unit


def test_a_long_line_skips_the_prefilter() -> None:
    table = DEFAULT_RULES["platform_footer"]
    assert table._any is not None
    line = " " * 30_000 + "x"
    start = time.perf_counter()
    assert table._any.may_match(line) and table.first(line) is None
    assert time.perf_counter() - start < 2.0  # the combined pattern took 0.27 s per 10,000 spaces


@pytest.mark.parametrize(("pattern", "anchored"), _rules())
def test_rule_grows_linearly_on_one_long_line(pattern: Pattern, anchored: bool) -> None:
    """Rules see one line (phrase tables: a body with its lines joined)."""
    assert superlinear(pattern, anchored, single_line=True) == []


@pytest.mark.parametrize(
    ("quadratic", "fixed"),
    [
        (r"^\s*(?:\d{4}|[A-Za-z ]{2,30})\s*[:–-]\s*\d", classifier._DATA),  # on one line
        (r"\s*\n\s*", WRAPPED),
        (r"l(?:[lb]*l)?b*L(?:b*L)*", DEFAULT_RULES["link_structure"].rules[0].compiled),
    ],
)
def test_the_growth_check_catches_a_quadratic_pattern(quadratic: str, fixed: Pattern) -> None:
    slow = regex.compile(quadratic, regex.M)
    unit = {"l(": "lb", "^\\": " "}.get(quadratic[:2], " ")
    text = unit * (SMALL // len(unit)) + "Ab1:.\n"
    assert cost(slow, text, False) > 5 * cost(fixed, text, False)
    assert superlinear(fixed, False) == []


# --- the reproducers of the issue ------------------------------------------------------------

_HEAD = (
    "From: FOI Team <foi@council.example.gov.uk>\nTo: Jo Bloggs <request-1234-abcdef12@whatdotheyknow.com>\n"
    "Subject: Re: Freedom of Information request - Parking fines\nDate: Mon, 3 Feb 2025 10:00:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
)
_OPEN = "Dear Jo Bloggs,\n\nThank you for your request for information, which we have considered.\n\n"
_CLOSE = "\n\nYours sincerely\n\nFOI Team\n"
REPRODUCERS = {
    "20,000 blank lines": _OPEN + "\n" * 20_000 + _CLOSE,
    "one line with 30,000 spaces": _OPEN + "Note" + " " * 30_000 + "end\n" + _CLOSE,
    "20,000 lines of one space": _OPEN + " \n" * 20_000 + _CLOSE,
    "6,000 spaces before a closing": _OPEN + " " * 6_000 + "Yours sincerely," + _CLOSE,
    "100,000 blank lines": _OPEN + "\n" * 100_000 + _CLOSE,
}


@pytest.mark.parametrize("name", list(REPRODUCERS))
def test_reproducer_parses_quickly(name: str) -> None:
    start = time.perf_counter()
    thread = foithread.parse((_HEAD + REPRODUCERS[name]).encode(), format="eml")
    assert time.perf_counter() - start < 10.0  # was 3-9 s; now well under 1 s
    assert [m.kind for m in thread.messages] == ["response"]
    assert thread.warnings == ()  # nothing timed out, nothing dropped


def test_a_2_mb_mbox_of_reproducers_is_bounded() -> None:
    entries = []
    for i in range(80):
        body = _OPEN + f"Case {i}.\n"  # each entry its own message (identical ones are merged as duplicates)
        body += ("\n" * 20_000 if i % 2 == 0 else "Note" + " " * 30_000 + "end\n") + _CLOSE
        entries.append(f"From foi@council.example.gov.uk Mon Feb  3 10:00:00 2025\n{_HEAD}{body}\n")
    data = "".join(entries).encode()
    assert len(data) > 2_000_000
    start = time.perf_counter()
    thread = foithread.parse(data, format="mbox")
    assert time.perf_counter() - start < 60.0  # was 286 s; the rest is the per-line cost of 1.6 M lines
    assert len(thread.messages) == 80 and thread.warnings == ()


# --- the rewritten patterns match exactly what the quadratic ones did ------------------------

_OLD_DATA = regex.compile(
    r"£\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d+\.\d+\b|\b\d+(?:\.\d+)?\s?%|^\s*(?:\d{4}|[A-Za-z ]{2,30})\s*[:–-]\s*\d"
    r"|\b\d+\s+(?:of|out of)\s+\d+\b",
    regex.M,
)
_OLD_WRAP = regex.compile(r"\s*\n\s*")


@pytest.mark.parametrize(
    ("line", "is_data"),
    [
        ("Total: 12", True),
        ("  Total fines issued – 1,204", True),
        ("2023: 14", True),
        ("   : 5", True),  # spaces alone make a label (two or more)
        (" : 5", False),
        ("a : 5", True),  # one letter beside a space
        ("a: 5", False),
        ("x" * 31 + ": 5", False),  # labels are at most 30 characters
        ("Costs\t: 5", True),
        ("Cost\tof x: 5", False),  # a tab inside the label
        ("We have considered your request", False),
        ("12% of cases", True),
    ],
)
def test_data_label_form(line: str, is_data: bool) -> None:
    assert bool(classifier._DATA.search(line)) is is_data
    assert bool(_OLD_DATA.search(line)) is is_data


def _has_data_trace(body: str, not_figures: Pattern, data: Pattern) -> list[tuple[str, bool]]:
    masked = not_figures.sub(lambda m: regex.sub(r"[^\n]", " ", m.group()), body)  # type: ignore[arg-type]
    return [(line, bool(data.search(line))) for line in masked.splitlines()]  # type: ignore[arg-type]


def test_rewritten_patterns_agree_with_the_old_ones_on_random_text() -> None:
    old_not_figures = regex.compile(
        classifier._NOT_FIGURES.pattern.split("|^(?<!")[0] + r"|^\s*\d{1,2}[.)]\s", regex.I | regex.M
    )
    alphabet = [" ", " ", "\t", "\n", "\n", "a", "B", "1", "2", ":", "-", "–", ".", ")", "%", "£", ",", "/"]
    alphabet += ["\x0c", "\x85", "\u2028", "of", "days", "Jan", "section", "www.", "://", "  "]
    rnd = random.Random(10)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30)))
        assert _has_data_trace(text, classifier._NOT_FIGURES, classifier._DATA) == _has_data_trace(
            text, old_not_figures, _OLD_DATA
        ), text
        assert WRAPPED.sub(" ", text) == _OLD_WRAP.sub(" ", text), text


# --- item 8: a timeout is a warning, never silent ---------------------------------------------

_RESPONSE = (
    "Dear Jo,\n\nThank you for your request. Our reference is FOI 2024/123.\n\nTotal: 12 fines\n\nYours sincerely\n"
)


def test_a_regex_timeout_becomes_a_thread_warning() -> None:
    thread = foithread.parse(_RESPONSE, limits=foithread.Limits(regex_timeout=1e-9))
    assert thread.warnings, "a tiny regex_timeout must time rules and extractors out"
    assert all(w.startswith("regex timeout at message 0 in ") for w in thread.warnings)
    assert all(w.endswith(": result may be incomplete") for w in thread.warnings)
    assert "rule '" in thread.warnings[0]
    assert thread.to_dict()["warnings"] == list(thread.warnings)


def test_an_extractor_timeout_names_its_pattern() -> None:
    from foithread.stages.extract import patterns

    context = discipline.ParseContext(regex_timeout=1e-9)
    with discipline.active(context):
        assert patterns.finditer(patterns.EMAIL, "jo@example.org " * 5000) == []
    assert context.take() == ["foithread.stages.extract.patterns.EMAIL"]


def test_default_limits_produce_no_timeout_warning() -> None:
    thread = foithread.parse(_RESPONSE)
    assert thread.warnings == ()
    assert thread.messages[0].references


def test_timeouts_are_not_recorded_outside_a_parse() -> None:
    from foithread.stages.extract import patterns

    assert patterns.finditer(patterns.EMAIL, "jo@example.org") != []
    discipline.timed_out("nothing")  # no parse running: ignored, nothing kept
    assert discipline.current().timed_out == []


def test_parse_contexts_do_not_leak_between_threads() -> None:
    results: dict[str, tuple[str, ...]] = {}

    def run(name: str, limits: foithread.Limits) -> None:
        results[name] = foithread.parse(_RESPONSE * 3, limits=limits).warnings

    tiny = threading.Thread(target=run, args=("tiny", foithread.Limits(regex_timeout=1e-9)))
    normal = threading.Thread(target=run, args=("normal", foithread.DEFAULT_LIMITS))
    tiny.start(), normal.start()
    tiny.join(), normal.join()
    assert results["tiny"] and results["normal"] == ()


def test_interleaved_iterators_keep_their_own_context(tmp_path: Path) -> None:
    mbox = tmp_path / "x.mbox"
    entry = f"From foi@council.example.gov.uk Mon Feb  3 10:00:00 2025\n{_HEAD}{_RESPONSE}\n"
    mbox.write_text(entry * 3, encoding="utf-8")
    tiny = foithread.iter_parse(mbox, limits=foithread.Limits(regex_timeout=1e-9))
    normal = foithread.iter_parse(mbox)
    kinds = [(next(tiny).kind, next(normal).kind) for _ in range(3)]
    assert len(kinds) == 3
    assert discipline.current().regex_timeout == float("inf")  # nothing left set between yields


# --- the per-input time budget ----------------------------------------------------------------


def test_max_seconds_per_input_stops_a_parse_with_a_limit_error() -> None:
    with pytest.raises(ParseError) as info:
        foithread.parse(_RESPONSE * 50, limits=foithread.Limits(max_seconds_per_input=1e-9))
    assert info.value.limit == "max_seconds_per_input"
    assert "max_seconds_per_input" in str(info.value) and "message 0" in str(info.value)


def test_max_seconds_per_input_applies_to_each_streamed_mbox_entry(tmp_path: Path) -> None:
    mbox = tmp_path / "x.mbox"
    entry = f"From foi@council.example.gov.uk Mon Feb  3 10:00:00 2025\n{_HEAD}{_RESPONSE}\n"
    mbox.write_text(entry * 3, encoding="utf-8")
    assert len(list(foithread.iter_parse(mbox, limits=foithread.Limits(max_seconds_per_input=30)))) == 3
    with pytest.raises(ParseError) as info:
        list(foithread.iter_parse(mbox, limits=foithread.Limits(max_seconds_per_input=1e-9)))
    assert info.value.limit == "max_seconds_per_input"


def test_max_seconds_per_input_validates() -> None:
    with pytest.raises(ValueError, match="max_seconds_per_input"):
        foithread.Limits(max_seconds_per_input=0)
    assert foithread.DEFAULT_LIMITS.max_seconds_per_input == 600.0
