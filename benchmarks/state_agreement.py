#!/usr/bin/env python3
"""How often the inferred request state agrees with the state the input itself states.

Usage: python benchmarks/state_agreement.py [DIR ...]
(default: ../shared/eval/dev/cases, ../shared/eval/real/cases and fixtures/{cases,html,json,zip})

Each input is parsed; where it states a status (WDTK JSON ``described_state``, the status line
of a request page: ``thread.status``), that status is compared with
:func:`foithread.request_state` (overdue variants count as waiting_response, as Alaveteli's
``described_state`` never says overdue). Prints the inferred states of every thread, a
confusion table over the threads with a stated status, and the agreement rate.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import foithread
from foithread.state import request_state

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [
    ROOT.parent / "shared" / "eval" / "dev" / "cases",
    ROOT.parent / "shared" / "eval" / "real" / "cases",
    *(ROOT / "fixtures" / sub for sub in ("cases", "html", "json", "zip")),
]


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv[1:]] or [d for d in DEFAULT_DIRS if d.is_dir()]
    inferred: Counter[str] = Counter()
    pairs: Counter[tuple[str, str, bool]] = Counter()
    disagreements: list[str] = []
    failed = 0
    for path in sorted(p for d in dirs for p in d.iterdir() if p.is_file() and p.suffix != ".py"):
        try:
            thread = foithread.parse(path)
        except foithread.ParseError:
            failed += 1
            continue
        result = request_state(thread)
        inferred[str(result.state)] += 1
        if result.agrees is not None and result.described is not None:
            pairs[(result.described, str(result.state), result.agrees)] += 1
            if not result.agrees:
                last = result.evidence[-1] if result.evidence else "no evidence"
                disagreements.append(f"  {path.name}: stated {result.described}, inferred {result.state} ({last})")
    print(f"{sum(inferred.values())} threads parsed ({failed} inputs refused)")
    print("\ninferred state                   threads")
    for state, n in inferred.most_common():
        print(f"  {state:<30} {n:>5}")
    total = sum(pairs.values())
    print(f"\n{total} threads state a status")
    if not total:
        return 0
    print(f"  {'stated':<24} {'inferred':<28} threads")
    for (stated, got, _agrees), n in sorted(pairs.items()):
        print(f"  {stated:<24} {got:<28} {n:>5}")
    agreed = sum(n for (_stated, _got, agrees), n in pairs.items() if agrees)
    print(f"\nagreement {agreed}/{total} = {agreed / total:.3f}")
    if disagreements:
        print("\ndisagreements:", *disagreements, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
