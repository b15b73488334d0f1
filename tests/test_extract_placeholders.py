"""Privacy placeholders (DOMAIN 1.3) are recognised and never reported as data."""

from __future__ import annotations

import pytest

from foithread.stages.extract import (
    PLACEHOLDER_PATTERNS,
    extract_all,
    is_placeholder,
    placeholder_spans,
)

PLACEHOLDERS = [
    "[email address]",
    "[mobile number]",
    "[WhatDoTheyKnow login link]",
    "[FOI #123456 email]",
    "[WhatDoTheyKnow contact email]",
    "[the Met request email]",
    "[Devon and Cornwall\nPolice request email]",
    "[name removed]",
    "[Personally Identifiable Information removed]",
    "[potentially defamatory material removed]",
    "[1][the Met request email]",
    "mailto:[the Met request email]",
    "xxxx@xxxx.xxx",
    "request-xxx-xxxxx@whatdotheyknow.com",
    "<<email address>>",
    "<< Name removed >>",
    "[redacted]",
    "[REDACTED]",
    "[Authority name]",
]

NOT_PLACEHOLDERS = [
    "foi@example.com",
    "[1]www.met.police.uk",
    "[2022] UKFTT 263 (GRC)",
    "<<9032 C Pollard final response.doc>>",
    "[ GIVE DETAILS ABOUT YOUR COMPLAINT HERE ]",
    "",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_is_placeholder(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize("text", NOT_PLACEHOLDERS)
def test_is_not_placeholder(text: str) -> None:
    assert not is_placeholder(text)


def test_placeholder_spans_are_sorted_and_merged() -> None:
    text = "Email: [1][the Met request email] or [email address]."
    assert [text[s:e] for s, e in placeholder_spans(text)] == ["[1][the Met request email]", "[email address]"]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_placeholders_never_become_data(text: str) -> None:
    found = extract_all(f"Please contact us at {text} quoting FOI 12345.\nYours sincerely\n{text}")
    assert [a for a in found.addresses if a.kind in ("email", "url")] == []
    assert found.signatories == ()
    assert [r.value for r in found.references] == ["FOI 12345"]


def test_table_is_named() -> None:
    assert next(name for name, _ in PLACEHOLDER_PATTERNS) == "bracketed_mask"
