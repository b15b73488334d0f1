#!/usr/bin/env python3
"""Fail when any dev-set metric falls below the floor recorded in accuracy_floor.json.

Usage: python benchmarks/check_floor.py [CASES_DIR]   (default ../shared/eval/dev)

Runs the project-independent scorer ``../shared/eval/score.py`` in this interpreter and
compares every metric named in the floor file. Raise the floor when accuracy improves, so
that it can only go up. Exits 0 (with a note) when the shared evaluation data is absent.
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


def main(argv: list[str]) -> int:
    cases = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "eval" / "dev"
    scorer = cases.parent / "score.py"
    if not scorer.exists() or not cases.exists():
        print(f"check_floor: no evaluation data at {cases}; skipped")
        return 0
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        proc = subprocess.run(
            [sys.executable, str(scorer), str(cases), "--json", str(out)], capture_output=True, text=True
        )
        print(proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr)
        if not out.exists():
            print("check_floor: the scorer wrote no results")
            print(proc.stderr)
            return 1
        scores = json.loads(out.read_text(encoding="utf-8"))
    failed = []
    for metric, minimum in sorted(floor.items()):
        got = scores.get(metric)
        if got is None or got + 1e-9 < minimum:
            failed.append(f"{metric}: {got} < floor {minimum}")
    if scores.get("errors"):
        failed.append(f"errors: {scores['errors']} case(s) crashed: {scores.get('error_list')}")
    for line in failed:
        print("check_floor: FAIL", line)
    if not failed:
        print(f"check_floor: all {len(floor)} metrics at or above the floor")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
