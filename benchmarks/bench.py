#!/usr/bin/env python3
"""Throughput benchmark: foithread against its peers, side by side, in one process.

Usage:
    python benchmarks/bench.py [--mb 10] [--rounds 5] [--json OUT]

Builds a corpus of at least ``--mb`` megabytes from the project's fixtures and, when present,
``../shared/corpus`` and ``../shared/eval/dev`` (repeated as needed), then measures, median of
``--rounds`` rounds, the best (least) CPU time of the process (``time.process_time``: the
figure least disturbed by other work on a shared machine):

* foithread on the plain texts (``parse(text, format="text")``): MB/s and messages/s;
* talon's ``quotations.extract_from_plain`` on the same texts (quote stripping, the full-featured
  reply parser; talon 1.4.4 imports ``sklearn.externals.joblib``, shimmed here with ``joblib``);
* quotequail's ``quote`` on the same texts (quoted/unquoted split);
* email_reply_parser on the same texts (it only strips quotes and signatures);
* foithread on raw ``.eml`` bytes (``parse(bytes, format="eml")``);
* mail-parser's ``parse_from_bytes`` alone on the same bytes;
* one line-anchored regex scan over the texts: the floor of any line-based tool.

Prints a table and the ratios. The peers are in the ``bench`` extra
(``pip install -e ".[bench]"``); a missing peer is reported and skipped. This is a script,
not a test: timings never gate CI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"


def _text_sources() -> list[str]:
    paths = sorted((ROOT / "fixtures" / "cases").glob("*.txt"))
    paths += sorted((SHARED / "eval" / "dev" / "cases").glob("*.txt"))
    paths += sorted((SHARED / "corpus" / "alaveteli").glob("email-folding-example-*.txt"))
    paths += sorted((SHARED / "corpus" / "seed").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _eml_sources() -> list[bytes]:
    paths = sorted((ROOT / "fixtures" / "cases").glob("*.eml"))
    paths += sorted((SHARED / "eval" / "dev" / "cases").glob("*.eml"))
    paths += sorted((SHARED / "corpus" / "alaveteli").glob("*.eml"))
    paths += sorted((SHARED / "corpus" / "talon" / "standard_replies").glob("*.eml"))
    return [p.read_bytes() for p in paths]


def _repeat(items: Sequence, size_of: Callable[[object], int], target: int) -> list:
    out: list = []
    total = 0
    while total < target:
        for item in items:
            out.append(item)
            total += size_of(item)
    return out


def _best_seconds(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def _talon() -> Callable[[str], object]:
    """talon's ``extract_from_plain`` (ImportError: not installed)."""
    try:
        import sklearn.externals
    except ImportError:
        sklearn = None
    if sklearn is not None and "sklearn.externals.joblib" not in sys.modules:
        import joblib  # talon 1.4.4 imports sklearn.externals.joblib, gone from scikit-learn since 0.23

        sys.modules["sklearn.externals.joblib"] = joblib
        sklearn.externals.joblib = joblib  # type: ignore[attr-defined]
    from talon import quotations

    return quotations.extract_from_plain  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size per input kind (default 10)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)

    import foithread

    target = int(args.mb * 1_000_000)
    texts = _repeat(_text_sources(), lambda t: len(t.encode("utf-8")), target)
    emls = _repeat(_eml_sources(), len, target)
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)
    eml_bytes = sum(len(b) for b in emls)
    print(
        f"corpus: {len(texts)} texts ({text_bytes / 1e6:.1f} MB), {len(emls)} emails ({eml_bytes / 1e6:.1f} MB); "
        f"{args.rounds} rounds, best CPU time; Python {platform.python_version()} on {platform.machine()}"
    )

    results: dict[str, dict[str, float]] = {}
    counts = {"messages": 0}

    def run_text() -> None:
        counts["messages"] = sum(len(foithread.parse(t, format="text").messages) for t in texts)

    def run_eml() -> None:
        for b in emls:
            with contextlib.suppress(foithread.ParseError):
                foithread.parse(b, format="eml")

    sec = _best_seconds(run_text, args.rounds)
    results["foithread text"] = {"seconds": sec, "mb_s": text_bytes / 1e6 / sec, "msgs_s": counts["messages"] / sec}

    try:
        extract_from_plain = _talon()
        sec = _best_seconds(lambda: [extract_from_plain(t) for t in texts], args.rounds)
        results["talon extract_from_plain text"] = {"seconds": sec, "mb_s": text_bytes / 1e6 / sec}
    except ImportError:
        print("talon not installed: pip install talon")
    try:
        import quotequail

        sec = _best_seconds(lambda: [quotequail.quote(t) for t in texts], args.rounds)
        results["quotequail quote text"] = {"seconds": sec, "mb_s": text_bytes / 1e6 / sec}
    except ImportError:
        print("quotequail not installed: pip install quotequail")
    try:
        from email_reply_parser import EmailReplyParser

        sec = _best_seconds(lambda: [EmailReplyParser.parse_reply(t) for t in texts], args.rounds)
        results["email_reply_parser text"] = {"seconds": sec, "mb_s": text_bytes / 1e6 / sec}
    except ImportError:
        print("email_reply_parser not installed: pip install -e '.[bench]'")

    sec = _best_seconds(run_eml, args.rounds)
    results["foithread eml"] = {"seconds": sec, "mb_s": eml_bytes / 1e6 / sec, "emails_s": len(emls) / sec}

    import mailparser

    sec = _best_seconds(lambda: [mailparser.parse_from_bytes(b) for b in emls], args.rounds)
    results["mail-parser parse_from_bytes"] = {"seconds": sec, "mb_s": eml_bytes / 1e6 / sec}

    floor = re.compile(r"^(?:>|On .*wrote:|-----Original Message-----|Dear |Yours |Kind regards).*$", re.M)
    sec = _best_seconds(lambda: [floor.findall(t) for t in texts], args.rounds)
    results["anchored regex scan (floor)"] = {"seconds": sec, "mb_s": text_bytes / 1e6 / sec}

    print(f"{'what':34s} {'seconds':>9s} {'MB/s':>9s}  other")
    for name, r in results.items():
        extra = ", ".join(f"{k} {v:,.0f}" for k, v in r.items() if k not in ("seconds", "mb_s"))
        print(f"{name:34s} {r['seconds']:9.3f} {r['mb_s']:9.3f}  {extra}")
    ratios = {}
    for peer, key in (
        ("talon", "talon extract_from_plain text"),
        ("quotequail", "quotequail quote text"),
        ("email_reply_parser", "email_reply_parser text"),
    ):
        if key in results:
            ratios[f"text: foithread / {peer}"] = results["foithread text"]["mb_s"] / results[key]["mb_s"]
    ratios["eml: foithread / mail-parser alone"] = (
        results["foithread eml"]["mb_s"] / results["mail-parser parse_from_bytes"]["mb_s"]
    )
    ratios["text: foithread / regex floor"] = (
        results["foithread text"]["mb_s"] / results["anchored regex scan (floor)"]["mb_s"]
    )
    for name, value in ratios.items():
        print(f"ratio {name}: {value:.3f}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "ratios": ratios}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
