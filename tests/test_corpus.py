"""Real material from ../shared/corpus: every file parses or raises ParseError; losslessness holds.

Skipped cleanly when ../shared is absent. Nothing from the corpus is copied into the repo.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, DEV, assert_lossless

import foithread

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


TALON_HTML = sorted((CORPUS / "talon" / "html_replies").glob("*.html")) if (CORPUS / "talon").exists() else []


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", TALON_PLAIN, ids=_ids(TALON_PLAIN))
def test_talon_plain_reply_body_is_the_reply(path: Path) -> None:
    """talon's suite: the reply above (or below) the quoted history; ``Sent from my …`` may go."""
    thread = foithread.parse(path)
    assert len(thread.messages) == 1
    msg = thread.messages[0]
    expected_file = path.with_name(path.stem + "_reply_text")
    expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else "Hello"
    allowed = {_squash(expected), _squash(expected.replace("Sent from my iPhone", ""))}
    assert _squash(msg.body) in allowed
    assert any(r.kind == "quoted" for r in msg.removed)
    assert_lossless(thread)


@pytest.mark.parametrize("path", TALON_HTML, ids=_ids(TALON_HTML))
def test_talon_html_reply_body_is_the_reply(path: Path) -> None:
    thread = foithread.parse(path)
    assert thread.format == "html" and len(thread.messages) == 1
    msg = thread.messages[0]
    assert _squash(msg.body) == "Hi. I am fine. Thanks, Alex"
    assert any(r.kind == "quoted" and "Hello! How are you?" in r.text for r in msg.removed)
    assert_lossless(thread)
