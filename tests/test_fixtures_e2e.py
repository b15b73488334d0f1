"""End to end over the project's own labelled fixtures (fixtures/cases + fixtures/gold).

Each gold file follows ../shared/eval/SCHEMA.md. Per message: the boundary (gold first line
among the predicted message's first three non-blank lines), kind, party, outcome,
exemptions, references, must_keep and must_drop are asserted exactly; the other extracted
fields are asserted in aggregate (F1 over all fixtures), so that one debatable label does not
hide the rest.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_lossless

import foithread

GOLDS = sorted((FIXTURES / "gold").glob("*.json"))
WS = re.compile(r"\s+")


def norm(s: str | None) -> str:
    return WS.sub(" ", s or "").strip().casefold()


def heads(raw: str) -> list[str]:
    return [norm(x) for x in raw.splitlines() if x.strip()][:3]


def align(gold: dict, thread: foithread.Thread) -> list[tuple[dict, foithread.Message | None]]:
    used: set[int] = set()
    out = []
    for g in gold["messages"]:
        match = None
        for m in thread.messages:
            if m.index not in used and norm(g["first_line"]) in heads(m.raw):
                match = m
                used.add(m.index)
                break
        out.append((g, match))
    return out


def parsed(gold_path: Path) -> tuple[dict, foithread.Thread]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, foithread.parse(FIXTURES / "cases" / gold["input"])


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.stem for p in GOLDS])
def test_fixture_thread(gold_path: Path) -> None:
    gold, thread = parsed(gold_path)
    assert_lossless(thread)
    pairs = align(gold, thread)
    assert len(thread.messages) == len(gold["messages"]), [m.kind for m in thread.messages]
    for g, m in pairs:
        assert m is not None, f"no message starts with {g['first_line']!r}"
        label = f"{gold['id']}#{m.index}"
        assert m.kind == g["kind"], label
        assert m.party == g["party"], label
        if g.get("outcome"):
            assert m.outcome == g["outcome"], label
            assert sorted(m.exemptions) == sorted(g.get("exemptions") or []), label
        assert {norm(r.value).replace(" ", "") for r in m.references} == {
            norm(r).replace(" ", "") for r in g.get("references") or []
        }, label
        body = norm(m.body)
        for phrase in g.get("must_keep") or []:
            assert norm(phrase) in body, f"{label} lost {phrase!r}"
        for phrase in g.get("must_drop") or []:
            assert norm(phrase) not in body, f"{label} leaked {phrase!r}"


def _fields(m: foithread.Message) -> dict[str, set[str]]:
    return {
        "dates": {d.value for d in m.dates},
        "signatories": {norm(s.name) for s in m.signatories},
        "emails": {norm(a.value) for a in m.addresses if a.kind == "email"},
        "urls": {norm(a.value).rstrip("/").split("://")[-1] for a in m.addresses if a.kind == "url"},
        "postcodes": {norm(a.postcode).replace(" ", "") for a in m.addresses if a.kind == "postal" and a.postcode},
    }


def _gold_fields(g: dict) -> dict[str, set[str]]:
    return {
        "dates": set(g.get("dates") or []),
        "signatories": {norm(x) for x in g.get("signatories") or []},
        "emails": {norm(x) for x in g.get("emails") or []},
        "urls": {norm(x).rstrip("/").split("://")[-1] for x in g.get("urls") or []},
        "postcodes": {norm(x).replace(" ", "") for x in g.get("postcodes") or []},
    }


@pytest.mark.skipif(not GOLDS, reason="no fixtures")
@pytest.mark.parametrize("field", ["dates", "signatories", "emails", "urls", "postcodes"])
def test_fixture_fields_in_aggregate(field: str) -> None:
    tp = fp = fn = 0
    for gold_path in GOLDS:
        gold, thread = parsed(gold_path)
        for g, m in align(gold, thread):
            if m is None:
                continue
            pred, want = _fields(m)[field], _gold_fields(g)[field]
            tp += len(pred & want)
            fp += len(pred - want)
            fn += len(want - pred)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else float(fp == fn == 0)
    assert f1 >= 0.9, f"{field}: F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def test_fixture_labels_are_consistent() -> None:
    """The fixture checker (every first line, phrase and date really is in its case) passes."""
    import subprocess
    import sys

    res = subprocess.run([sys.executable, str(FIXTURES / "check_fixtures.py")], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
