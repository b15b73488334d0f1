"""The pandas recipe (docs/recipes/pandas.md) runs on the example archive and prints what it shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

import foithread

RECIPE = ROOT / "docs" / "recipes" / "pandas.md"
ARCHIVE = ROOT / "docs" / "examples" / "archive"
_BLOCK = re.compile(r"```python\n((?:(?!```).)*?)```\n\n```text\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str]]:
    return _BLOCK.findall(RECIPE.read_text(encoding="utf-8"))


def test_recipe_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize("number", range(len(_examples())))
def test_pandas_recipe_output_is_real(number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(ARCHIVE.parent)
    threads = [foithread.parse(p.relative_to(ARCHIVE.parent)) for p in sorted(ARCHIVE.glob("*.txt"))]
    parquet = tmp_path / "messages.parquet"
    foithread.write_parquet(threads, parquet)
    text = RECIPE.read_text(encoding="utf-8")
    setup = re.findall(r"```python\n(.*?)```", text, re.S)[0].replace('"messages.parquet"', repr(str(parquet)))
    namespace: dict[str, Any] = {}
    exec(setup, namespace)
    for code, _ in _examples()[:number]:  # earlier blocks define what later ones use
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)
    code, expected = _examples()[number]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, namespace)
    assert out.getvalue() == expected


README = ROOT / "README.md"
README_EXAMPLES = _BLOCK.findall(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("code", "expected"), README_EXAMPLES, ids=[f"block{i}" for i in range(len(README_EXAMPLES))])
def test_readme_examples_print_what_they_show(code: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if "to_dataframe" in code or "parquet" in code:
        pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(f"import foithread\n{code}", {})
    assert out.getvalue() == expected
