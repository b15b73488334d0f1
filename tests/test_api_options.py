"""``rules=``, ``limits=`` and ``name=`` across the public API: short signatures (``None`` means
the defaults), and the options reaching every entry point (parse, parse_many with and without
a pool, the Dask functions)."""

from __future__ import annotations

import inspect
import io
import pydoc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import foithread
from foithread import Limits, Rule
from foithread.batch import parse_one

#: a rule a user adds: a disclaimer opener the built-in tables do not know
ACME_RULES = foithread.DEFAULT_RULES.add("disclaimer_start", Rule("acme", r"^ACME Ltd accepts no liability"))
REQUEST = (
    "Dear Exeter City Council,\n"
    "Please tell me how many bus lane fines were issued in 2021.\n"
    "Yours faithfully,\n"
    "Alex Rowe\n"
    "\n"
    "ACME Ltd accepts no liability for the content of this email.\n"
    "It may be confidential and is meant only for the addressee.\n"
)


def _public_callables() -> list[tuple[str, Callable[..., Any]]]:
    found = [(n, getattr(foithread, n)) for n in foithread.__all__]
    try:
        import foithread.dask as fd
    except ImportError:
        pass
    else:
        found += [(f"dask.{n}", getattr(fd, n)) for n in fd.__all__]
    return [(n, f) for n, f in found if inspect.isfunction(f)]


@pytest.mark.parametrize("name,function", _public_callables(), ids=lambda x: x if isinstance(x, str) else "")
def test_public_signatures_are_short(name: str, function: Callable[..., Any]) -> None:
    signature = str(inspect.signature(function))
    assert len(signature) < 400, f"{name}{signature[:200]}..."
    assert "RuleTable(" not in signature and "Limits(" not in signature


@pytest.mark.parametrize("name", ["parse", "parse_text", "iter_parse", "parse_many", "clean_reply"])
def test_help_is_readable(name: str) -> None:
    text = pydoc.render_doc(getattr(foithread, name), renderer=pydoc.plaintext)
    assert len(text) < 5000
    assert "rules: 'Rules | None' = None" in text or "rules: Rules | None = None" in text


def test_rules_repr_is_short() -> None:
    text = repr(foithread.DEFAULT_RULES)
    assert text.startswith("<Rules: ") and len(text) < 60
    assert repr(ACME_RULES).endswith(f"{sum(len(t.rules) for t in foithread.DEFAULT_RULES.tables) + 1} rules>")


def _removed(thread: foithread.Thread) -> list[str]:
    return [r.kind for r in thread.messages[0].removed]


@pytest.mark.parametrize(
    "call",
    [
        lambda **kw: foithread.parse_text(REQUEST, **kw),
        lambda **kw: foithread.parse(REQUEST.encode(), **kw),
        lambda **kw: foithread.Thread(
            format="text", messages=tuple(foithread.iter_parse(REQUEST.encode(), **kw)), source=None
        ),
    ],
    ids=["parse_text", "parse", "iter_parse"],
)
def test_none_means_the_defaults(call: Callable[..., foithread.Thread]) -> None:
    assert call(rules=None, limits=None).to_dict() == call().to_dict()
    assert call(rules=foithread.DEFAULT_RULES, limits=foithread.DEFAULT_LIMITS).to_dict() == call().to_dict()
    assert _removed(call()) == [] and _removed(call(rules=ACME_RULES)) == ["disclaimer"]


def test_clean_reply_takes_rules() -> None:
    assert "ACME" in foithread.clean_reply(REQUEST, rules=None)
    assert "ACME" not in foithread.clean_reply(REQUEST, rules=ACME_RULES)


@pytest.mark.parametrize(
    "source,name,expected",
    [
        (REQUEST.encode(), None, "<bytes>"),
        (REQUEST.encode(), "<stdin>", "<stdin>"),
        (REQUEST, None, "<text>"),
        (REQUEST, "upload.txt", "upload.txt"),
    ],
)
def test_name_of_input_in_memory(source: str | bytes, name: str | None, expected: str) -> None:
    assert foithread.parse(source, name=name).source == expected
    with pytest.raises(foithread.ParseError) as caught:
        foithread.parse(source, name=name, limits=Limits(max_input_bytes=10))
    assert caught.value.source == expected and f"source: {expected}" in str(caught.value)


def test_name_breaks_format_ties_like_a_file_name() -> None:
    mbox = b"From a@b Mon Oct  4 09:00:00 2021\nDear Sir,\nbody text\n"
    assert foithread.parse(mbox).format == "text"
    assert foithread.parse(mbox, name="archive.mbox").format == "mbox"


@pytest.fixture()
def inputs(tmp_path: Path) -> list[Path]:
    paths = []
    for k in range(3):
        path = tmp_path / f"r{k}.txt"
        path.write_text(REQUEST.replace("2021", str(2019 + k)), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_takes_rules_and_limits(inputs: list[Path], workers: int) -> None:
    plain = list(foithread.parse_many(inputs, workers=workers))
    mine = list(foithread.parse_many(inputs, workers=workers, rules=ACME_RULES, chunksize=1))
    assert [r.ok for r in plain + mine] == [True] * 6
    assert [_removed(r.thread) for r in plain if r.thread] == [[]] * 3
    assert [_removed(r.thread) for r in mine if r.thread] == [["disclaimer"]] * 3
    tiny = list(foithread.parse_many(inputs, workers=workers, limits=Limits(max_input_bytes=50)))
    assert all(not r.ok and "max_input_bytes" in (r.error or "") for r in tiny)


def test_parse_one_takes_rules(inputs: list[Path]) -> None:
    result = parse_one(str(inputs[0]), rules=ACME_RULES)
    assert result.thread is not None and _removed(result.thread) == ["disclaimer"]


def test_dask_functions_take_rules_and_limits(inputs: list[Path]) -> None:
    fd = pytest.importorskip("foithread.dask")
    paths = [str(p) for p in inputs]
    bag = fd.read_threads(paths, rules=ACME_RULES).compute(scheduler="sync")
    assert [[r["kind"] for r in t["messages"][0]["removed"]] for t in bag] == [["disclaimer"]] * 3
    frame = fd.read_messages(paths, rules=ACME_RULES).compute(scheduler="sync")
    assert list(frame["removed_kinds"]) == ["disclaimer"] * 3
    errors = fd.read_threads(paths, limits=Limits(max_input_bytes=50)).compute(scheduler="sync")
    assert all("max_input_bytes" in e["error"] for e in errors)
    with pytest.raises(foithread.ParseError, match="max_input_bytes"):
        fd.read_messages(paths, limits=Limits(max_input_bytes=50), errors="raise").compute(scheduler="sync")


def test_help_output_is_not_the_rule_tables() -> None:
    buffer = io.StringIO()
    pydoc.Helper(output=buffer).help(foithread.parse)
    assert "RuleTable" not in buffer.getvalue()
