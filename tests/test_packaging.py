"""Packaging promises: every declared core dependency is used, the extras agree with each other."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT

if sys.version_info < (3, 11):
    pytest.skip("tomllib is new in Python 3.11", allow_module_level=True)
import tomllib

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: distribution name -> the module it is imported as
IMPORT_NAMES = {"mail-parser": "mailparser", "beautifulsoup4": "bs4"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip().lower()


@pytest.mark.parametrize("requirement", PROJECT["dependencies"])
def test_every_core_dependency_is_imported(requirement: str) -> None:
    module = IMPORT_NAMES.get(_name(requirement), _name(requirement).replace("-", "_"))
    used = re.compile(rf"^\s*(?:import|from)\s+{re.escape(module)}\b", re.M)
    sources = [p for p in (ROOT / "src" / "foithread").rglob("*.py") if used.search(p.read_text(encoding="utf-8"))]
    assert sources, f"{requirement} is declared but no module of foithread imports {module}"


def test_extras_agree_on_minimum_versions() -> None:
    minimums: dict[str, set[str]] = {}
    for requirements in PROJECT["optional-dependencies"].values():
        for requirement in requirements:
            found = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?>=([0-9.]+)", requirement)
            if found:
                minimums.setdefault(found.group(1).lower(), set()).add(found.group(2))
    assert {name: v for name, v in minimums.items() if len(v) > 1} == {}


def test_the_light_test_extra_pulls_no_heavy_extra() -> None:
    test = {_name(r) for r in PROJECT["optional-dependencies"]["test"]}
    assert not test & {"dask", "pandas", "pyarrow", "matplotlib", "foithread"}
