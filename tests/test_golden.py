"""Golden output: every byte of ``to_dict()`` over the project's own fixtures.

A refactor must leave these unchanged; a change meant to alter output updates them on purpose,
and the diff of ``tests/golden/`` shows exactly what moved:

    python tests/test_golden.py --update     # rewrite tests/golden/*.json from the current code

The files are written with the optional extras installed (``pip install -e ".[test,all]"``);
an input whose attachments need ``foithread[attachments]`` is skipped without them. Paths are
relative to the checkout; ``raw`` is left out of the stored files (it is ``input[span[0]:span[1]]``, checked by the
lossless tests); everything else is compared exactly, floats included.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import foithread

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
#: the fixtures whose output is pinned: every format the readers know (the zip bomb and the
#: truncated JSON raise ParseError, pinned by their own tests)
INPUTS = sorted(
    [*(FIXTURES / "cases").iterdir(), *(FIXTURES / "html").glob("*.html"), *(FIXTURES / "json").glob("*.json")]
    + [p for p in (FIXTURES / "zip").glob("*.zip") if p.name != "bomb.zip"]
)


def rendered(path: Path) -> str:
    """The pinned form of one input's thread: the JSON of ``to_dict()``, keys in order, without ``raw``."""
    try:
        data: Any = foithread.parse(path).to_dict()
    except foithread.ParseError as exc:
        data = {"error": str(exc)}
    else:
        for message in data["messages"]:
            message.pop("raw", None)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"  # key order pinned too
    return text.replace(str(ROOT) + "/", "")  # paths relative to the checkout, wherever it is


def golden_path(path: Path) -> Path:
    return GOLDEN / f"{path.parent.name}--{path.name}.json"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_output_is_unchanged(path: Path) -> None:
    expected = golden_path(path)
    assert expected.exists(), f"no golden file for {path.name}: run python tests/test_golden.py --update"
    got = rendered(path)
    if _WITHOUT_EXTRA in got:  # pinned with the attachment readers installed (CI's extras step runs it)
        pytest.skip("its attachments need foithread[attachments]")
    assert got == expected.read_text(encoding="utf-8")


#: what an attachment's warning says when the optional extra is not installed
_WITHOUT_EXTRA = "install foithread[attachments]"


def test_every_golden_file_has_its_input() -> None:
    assert {p.name for p in GOLDEN.glob("*.json")} == {golden_path(p).name for p in INPUTS}


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    GOLDEN.mkdir(exist_ok=True)
    for stale in GOLDEN.glob("*.json"):
        stale.unlink()
    for path in INPUTS:
        golden_path(path).write_text(rendered(path), encoding="utf-8")
    print(f"wrote {len(INPUTS)} golden files to {GOLDEN}")
