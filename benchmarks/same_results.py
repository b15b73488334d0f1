#!/usr/bin/env python3
"""Check that a speed-up changed no result: ``to_dict()`` of every case, before and after.

Usage:
    python benchmarks/same_results.py dump OUT.json      # with the checkout to compare against
    python benchmarks/same_results.py check OUT.json     # with the changed checkout

Parses every input under ``fixtures/cases`` and, when present, ``../shared/eval/*/cases`` and the
Alaveteli folding examples of ``../shared/corpus``, plus the benchmark's synthetic page texts, and
writes (``dump``) or compares (``check``) each thread's ``to_dict()``. ``check`` prints every case
that differs with the first differing key and exits 1 if any does. Run the checkout under test with
``PYTHONPATH=$PWD/src``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _inputs() -> Iterator[tuple[str, Path]]:
    roots = [ROOT / "fixtures" / "cases", *sorted(SHARED.glob("eval/*/cases"))]
    for folder in roots:
        for path in sorted(folder.glob("*")):
            if path.is_file():
                yield f"{folder.parent.name}/{path.name}", path
    for path in sorted((SHARED / "corpus" / "alaveteli").glob("*")):
        if path.suffix in (".txt", ".eml"):
            yield f"alaveteli/{path.name}", path


def _results() -> dict[str, Any]:
    import foithread

    out: dict[str, Any] = {}
    for name, path in _inputs():
        try:
            out[name] = foithread.parse(path).to_dict()
        except foithread.ParseError as exc:
            out[name] = {"error": str(exc)}
    demo = (ROOT / "src" / "foithread" / "data" / "demo_thread.txt").read_text(encoding="utf-8")
    title, rest = demo.split("\n", 1)
    out["synthetic/page-25"] = foithread.parse(title + "\n" + rest * 25, format="text").to_dict()
    return out


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                return f"{where}.{key}: only on one side"
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], f"{where}.{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where}: {a!r:.80} != {b!r:.80}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["dump", "check"])
    ap.add_argument("path", type=Path)
    args = ap.parse_args(argv)
    results = json.loads(json.dumps(_results()))  # tuples become lists, as in the stored file
    if args.action == "dump":
        args.path.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{len(results)} results written to {args.path}")
        return 0
    before = json.loads(args.path.read_text(encoding="utf-8"))
    differ = [name for name in sorted(set(before) | set(results)) if before.get(name) != results.get(name)]
    for name in differ:
        print(f"DIFFERS {name}: {_first_difference(before.get(name), results.get(name))}")
    print(f"{len(results)} results, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
