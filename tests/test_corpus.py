"""Real material from ../shared/corpus: every file parses or raises ParseError; losslessness holds.

Skipped cleanly when ../shared is absent. Nothing from the corpus is copied into the repo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import foithread
from conftest import CORPUS, DEV, assert_lossless

ALAVETELI = sorted((CORPUS / "alaveteli").glob("*.eml")) if (CORPUS / "alaveteli").exists() else []
FOLDING = sorted((CORPUS / "alaveteli").glob("email-folding-example-*.txt")) if (CORPUS / "alaveteli").exists() else []
DEV_CASES = sorted((DEV / "cases").glob("*")) if (DEV / "cases").exists() else []
TALON_PLAIN = sorted((CORPUS / "talon" / "standard_replies").glob("*.eml")) if (CORPUS / "talon").exists() else []


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


@pytest.mark.parametrize("path", ALAVETELI, ids=_ids(ALAVETELI))
def test_alaveteli_eml_parses_or_raises_parse_error(path: Path) -> None:
    try:
        thread = foithread.parse(path)
    except foithread.ParseError as exc:
        assert str(path) in str(exc)
        return
    assert thread.format in ("eml", "mbox")
    assert_lossless(thread)
    thread.to_json()  # JSON-ready


@pytest.mark.parametrize("path", FOLDING, ids=_ids(FOLDING))
def test_folding_examples_are_lossless_single_messages(path: Path) -> None:
    thread = foithread.parse(path)
    assert len(thread.messages) == 1
    assert_lossless(thread)
    assert thread.messages[0].raw == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", DEV_CASES, ids=_ids(DEV_CASES))
def test_dev_cases_parse_losslessly_and_deterministically(path: Path) -> None:
    thread = foithread.parse(path)
    assert thread.messages
    assert_lossless(thread)
    assert foithread.parse(path).to_dict() == thread.to_dict()


def test_folding_disclaimer_without_rule_line_is_removed() -> None:
    path = CORPUS / "alaveteli" / "email-folding-example-9.txt"
    if not path.exists():
        pytest.skip("corpus absent")
    msg = foithread.parse(path).messages[0]
    assert "certified virus free" not in msg.body
    assert "Freedom of Information Request Reference No: 2008040590" in msg.body
    assert any(r.kind == "disclaimer" for r in msg.removed)


@pytest.mark.parametrize("path", TALON_PLAIN, ids=_ids(TALON_PLAIN))
def test_talon_replies_parse_without_crashing(path: Path) -> None:
    try:
        thread = foithread.parse(path)
    except foithread.ParseError:
        return
    assert_lossless(thread)
