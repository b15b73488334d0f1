#!/usr/bin/env python3
"""Fail when any metric falls below the floor recorded in accuracy_floor.json.

Usage: python benchmarks/check_floor.py [CASES_DIR ...]

The floor file names one floor per evaluation set: ``dev`` (the constructed development set,
``../shared/eval/dev``) and ``real`` (real correspondence, ``../shared/eval/real``). With no
argument every set in the floor file is checked; a CASES_DIR is checked against the floor named
by its directory name (a set with no floor of its own is checked against ``dev``).

Runs the project-independent scorer ``../shared/eval/score.py`` in this interpreter and
compares every metric named in the floor. Raise a floor when accuracy improves, so that it can
only go up. A set whose evaluation data is absent is skipped (with a note).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOOR = HERE / "accuracy_floor.json"
EVAL = ROOT.parent / "shared" / "eval"


def floors() -> dict[str, dict[str, float]]:
    """The floor of each set (an old flat file is the ``dev`` floor)."""
    data = json.loads(FLOOR.read_text(encoding="utf-8"))
    if all(isinstance(v, (int, float)) for v in data.values()):
        return {"dev": data}
    return {name: dict(values) for name, values in data.items()}


def check(cases: Path, floor: dict[str, float]) -> list[str]:
    """Problems of one set against its floor (empty when it holds or the data is absent)."""
    scorer = cases.parent / "score.py"
    if not scorer.exists() or not cases.exists():
        print(f"check_floor: no evaluation data at {cases}; skipped")
        return []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        proc = subprocess.run(
            [sys.executable, str(scorer), str(cases), "--json", str(out)], capture_output=True, text=True
        )
        print(f"{cases.name}: " + (proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr))
        if not out.exists():
            return [f"{cases.name}: the scorer wrote no results: {proc.stderr}"]
        scores = json.loads(out.read_text(encoding="utf-8"))
    failed = []
    for metric, minimum in sorted(floor.items()):
        got = scores.get(metric)
        if got is None or got + 1e-9 < minimum:
            failed.append(f"{cases.name}: {metric}: {got} < floor {minimum}")
    if scores.get("errors"):
        failed.append(f"{cases.name}: errors: {scores['errors']} case(s) crashed: {scores.get('error_list')}")
    return failed


def main(argv: list[str]) -> int:
    table = floors()
    if len(argv) > 1:
        sets = [(Path(a), table.get(Path(a).name, table["dev"])) for a in argv[1:]]
    else:
        sets = [(EVAL / name, floor) for name, floor in table.items()]
    failed = [line for cases, floor in sets for line in check(cases, floor)]
    for line in failed:
        print("check_floor: FAIL", line)
    if not failed:
        print(f"check_floor: {len(sets)} set(s) at or above the floor")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
