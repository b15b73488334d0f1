"""Shared test helpers: where the project's fixtures and the shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DEV = SHARED / "eval" / "dev"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def assert_lossless(thread) -> None:  # type: ignore[no-untyped-def]
    """raw == body + removed (interleaved by span), and every span indexes raw's text."""
    for m in thread.messages:
        pieces = sorted(m.removed, key=lambda r: r.span[0])
        start, end = m.span
        assert end - start == len(m.raw)
        rebuilt = []
        pos = start
        body_parts = []
        for r in pieces:
            assert start <= r.span[0] < r.span[1] <= end
            assert m.raw[r.span[0] - start : r.span[1] - start] == r.text
            body_parts.append(m.raw[pos - start : r.span[0] - start])
            rebuilt.append(r.text)
            pos = r.span[1]
        body_parts.append(m.raw[pos - start :])
        assert "".join(body_parts) == m.body
