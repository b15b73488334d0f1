"""Summarise the example archive per authority and draw the chart in docs/img/authority_summary.png.

    pip install "foithread[analysis]"
    python docs/examples/summary.py [ARCHIVE_DIR] [--today YYYY-MM-DD]

Parses every ``*.txt`` thread in the archive (default: docs/examples/archive), prints each thread's
deadline, then the per-authority table from :func:`foithread.analysis.authority_summary`, and writes
the chart with :func:`foithread.analysis.plot_summary`. ``--today`` (default 2024-03-01, so that the
output never changes) decides whether threads still waiting for an answer are late.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import foithread
from foithread.analysis import authority_summary, plot_summary

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path, default=HERE / "archive")
    parser.add_argument("--today", default="2024-03-01", help="judge unanswered threads as of this date (ISO)")
    parser.add_argument("--out", type=Path, default=DOCS / "img" / "authority_summary.png")
    args = parser.parse_args()

    threads = [foithread.parse(path) for path in sorted(args.archive.glob("*.txt"))]
    print(f"{len(threads)} threads from {args.archive}\n")
    for t in threads:
        d = foithread.deadline(t, today=args.today)
        if d is None:
            continue
        flag = {True: "LATE", False: "on time", None: "unknown"}[d.late]
        ext = f", extended to {d.extended_due_on} ({d.extension})" if d.extended_due_on else ""
        print(
            f"{(t.title or '')[:44]:44}  {d.regime:5}  received {d.received_on}  due {d.due_on}{ext}"
            f"  answered {d.responded_on}  {flag}"
        )

    summary = authority_summary(threads, today=args.today)
    with_pandas_options = summary.drop(columns=["top_exemptions"]).round(2)
    print()
    print(with_pandas_options.to_string())
    print()
    print(summary["top_exemptions"].to_string())
    out = plot_summary(
        summary, args.out, title=f"Example archive: {len(threads)} WhatDoTheyKnow threads (as of {args.today})"
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
