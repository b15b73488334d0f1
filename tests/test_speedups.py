"""Speed-ups of the performance issue (15): each must leave every result as it was.

- rule patterns, literals and combined patterns are made on first use, not at import;
- built-in rules (growth-tested) run without a timeout, a user's rule always with one;
- the closing pieces of foreign addresses look ahead for their head before their look-behinds.

``benchmarks/same_results.py`` checks the whole pipeline (``to_dict()`` of every fixture and eval
case before and after a change); these tests pin each shortcut against the slow form.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import regex
from conftest import DEV, FIXTURES

import foithread
from foithread import discipline
from foithread.rules import DEFAULT_RULES, MATCH_TIMEOUT, Rule
from foithread.stages.extract import postal_rules


def test_importing_foithread_compiles_no_rule() -> None:
    code = (
        "import foithread\n"
        "from foithread.rules import DEFAULT_RULES\n"
        "rules = [r for t in DEFAULT_RULES.tables for r in t.rules]\n"
        "assert rules and all(r._compiled is None for r in rules), 'compiled at import'\n"
        "assert all(t._index is None for t in DEFAULT_RULES.tables), 'indexed at import'\n"
        "foithread.parse('Dear Jo,\\n\\nWe hold the information.\\n\\nYours sincerely\\nFOI Team\\n')\n"
        "assert any(r._compiled is not None for r in rules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_bad_pattern_is_reported_when_added() -> None:
    with pytest.raises(regex.error):
        DEFAULT_RULES["greeting"].add(Rule("broken", r"^Dear (unclosed"))


@pytest.mark.parametrize(
    ("rule", "timed"),
    [
        (DEFAULT_RULES["greeting"].rules[0], False),  # built in: growth-tested, no timeout
        (Rule("mine", r"^\s*Howdy\b"), True),  # a user's rule: always a timeout
        (Rule("copy", DEFAULT_RULES["greeting"].rules[0].pattern), False),  # the same pattern as a built-in one
    ],
)
def test_which_rules_run_with_a_timeout(rule: Rule, timed: bool) -> None:
    rule.search("Dear Jo")
    assert rule._timed is timed


def test_a_low_regex_timeout_times_built_in_rules_again() -> None:
    slow = discipline.ParseContext(regex_timeout=MATCH_TIMEOUT / 10)
    rule = DEFAULT_RULES["greeting"].rules[0]
    with discipline.active(slow):
        assert rule.search("Dear Jo") is not None  # still matches (timed: 25 ms is plenty)
    tiny = discipline.ParseContext(regex_timeout=1e-9)
    with discipline.active(tiny):
        rule.search("Dear Jo " + "x" * 10_000)
    assert tiny.take() == [f"rule {rule.name!r}"]


def _slow_form(name: str) -> regex.Pattern[str]:
    """The closing piece ``name`` as it was written before the look-ahead (``_AFTER_BREAK`` first)."""
    pattern = {n: p for n, _c, p in postal_rules.ADDRESS_ENDS}[name]
    if not pattern.startswith("(?="):
        return regex.compile(pattern)
    depth = 0
    for end, ch in enumerate(pattern):  # drop the leading (?=…) group
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return regex.compile(pattern[end + 1 :])
    raise AssertionError(pattern)


_ADDRESSES = [
    "Bundesministerium\nWilhelmstraße 54\n10117 Berlin\nDeutschland\n",
    "Commission\nRue de la Loi 200\nB-1049 Brussels, Belgium\n",
    "Rue Belliard 99\n  1040 Bruxelles\n",
    "Ministerie\nTurfmarkt 147\n2511 DP Den Haag\n",
    "Postbus 20011, 2500 EA Den Haag\n",
    "Calle de Alcalá 9\nD-28014 Madrid.\n",
    "Ref: 12345 Items were held,\nsee 2024 report: 10117 Berlin\n",
    "We received 12345 requests in 2024 and 1040 appeals.\n",
    "Address:\t75007 Paris; France\n",
]


def _texts() -> list[str]:
    texts = list(_ADDRESSES)
    for folder in (FIXTURES / "cases", DEV / "cases"):
        texts += [p.read_text("utf-8", "replace") for p in sorted(folder.glob("*.txt"))]
    return texts


@pytest.mark.parametrize("name", [n for n, _c, p in postal_rules.ADDRESS_ENDS if p.startswith("(?=")])
def test_address_ends_match_as_before(name: str) -> None:
    fast = regex.compile({n: p for n, _c, p in postal_rules.ADDRESS_ENDS}[name])
    slow = _slow_form(name)
    assert slow.pattern.startswith(postal_rules._AFTER_BREAK)
    found = 0
    for text in _texts():
        for variant in (text, text.replace("\n", "\n  "), text.replace("\n", ", ")):
            expected = [(m.span(), m.group("postcode")) for m in slow.finditer(variant)]
            assert [(m.span(), m.group("postcode")) for m in fast.finditer(variant)] == expected, variant
            found += len(expected)
    assert found >= 1  # the table above holds real closing pieces of each kind


@pytest.mark.parametrize(
    ("text", "postcodes"),
    [
        ("Wilhelmstraße 54\n10117 Berlin\n", ["10117"]),
        ("Rue de la Loi 200\nB-1049 Brussels\n", ["1049"]),
        ("Turfmarkt 147\n2511 DP Den Haag\n", ["2511 DP"]),
        ("We received 12345 requests in 2024.\n", []),
    ],
)
def test_postal_addresses_still_found(text: str, postcodes: list[str]) -> None:
    thread = foithread.parse("Dear Jo,\n\nPlease write to:\n" + text + "\nYours sincerely\nFOI Team\n")
    assert [a.postcode for m in thread.messages for a in m.addresses if a.kind == "postal"] == postcodes


def test_a_process_running_threads_does_not_fork_its_workers() -> None:
    import threading

    from foithread import batch

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert batch._single_threaded() is False
        assert batch._pool_context().get_start_method() != "fork"
    finally:
        stop.set()
        helper.join()


def test_a_single_threaded_parent_forks_warm_workers_with_the_same_results() -> None:
    """In a fresh process (one thread): workers are forked after the tables are compiled, and a
    pooled batch gives exactly the serial batch's records."""
    code = (
        "import sys, foithread\n"
        "from foithread import batch\n"
        "from foithread.rules import DEFAULT_RULES\n"
        "if not batch._single_threaded():\n"
        "    sys.exit(0)  # not Linux: nothing to check here\n"
        "assert batch._pool_context().get_start_method() == 'fork'\n"
        "assert all(r._compiled is not None for t in DEFAULT_RULES.tables for r in t)\n"
        f"paths = sorted(str(p) for p in __import__('pathlib').Path({str(FIXTURES / 'cases')!r}).glob('*'))\n"
        "serial = [r.to_dict() for r in batch.parse_many(paths)]\n"
        "pooled = [r.to_dict() for r in batch.parse_many(paths, workers=2)]\n"
        "assert pooled == serial and len(serial) > 20\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=600)
