"""Per-authority analysis of parsed threads: a pandas summary table and a matplotlib chart.

Needs the optional extra ``pip install "foithread[analysis]"`` (pandas and matplotlib); both are
imported only when a function here is called, so ``import foithread.analysis`` always works.

>>> threads = [foithread.parse(p) for p in paths]             # doctest: +SKIP
>>> summary = authority_summary(threads)                        # doctest: +SKIP
>>> plot_summary(summary, "authority_summary.png")              # doctest: +SKIP

Definitions (per authority, one row each):

* ``answered``: threads with a ``response`` message; ``timed``: those whose date of receipt and
  answer date are both known (page text often lacks them, see :mod:`foithread.deadlines`).
* ``median_wd``/``mean_wd``: working days from the request's receipt to the first response, counted
  on the regime's statutory calendar (time spent waiting for a clarification included).
* ``within_20_share``: of the timed threads, the share answered within the statutory 20 working
  days from the clock's start (restarted by a clarification; an extension does not count).
* ``late``: threads answered after the final due date (an in-time extension counts), or, with
  ``today``, still unanswered after it.
* one column per outcome (``information_provided`` … ``unknown``): the first response's outcome.
* ``top_exemptions``: the exemptions cited in most threads (responses and internal review
  responses), e.g. ``"s40(2) (3), s43(2) (1)"``; s12 (cost) and s14 (vexatious) are refusal
  grounds, not exemptions, and are left out (such threads count under ``refused``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foithread.deadlines import deadline
from foithread.model import OUTCOMES, Thread

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

INSTALL_HINT = 'pip install "foithread[analysis]"'
UNKNOWN_AUTHORITY = "(unknown authority)"
#: the summary's columns, in order (the index is the authority's name)
COLUMNS = (
    "regime",
    "threads",
    "answered",
    "timed",
    "median_wd",
    "mean_wd",
    "within_20_share",
    "late",
    *OUTCOMES,
    "top_exemptions",
)
_REFUSAL_GROUNDS = ("s12", "s14")  # cost limit and vexatiousness: grounds for refusal, not exemptions
_OUTCOME_COLOURS = {
    "information_provided": "#1b9e77",
    "partially_provided": "#66a61e",
    "not_held": "#7570b3",
    "refused": "#d95f02",
    "neither_confirm_nor_deny": "#e7298a",
    "unknown": "#a6a6a6",
}


def _missing(package: str) -> ImportError:
    return ImportError(f"foithread.analysis needs {package}, an optional extra: {INSTALL_HINT}")


def _row(threads: list[Thread], today: dt.date | str | None, top: int) -> dict[str, Any]:
    regimes = Counter(t.regime or "unknown" for t in threads)
    outcomes = Counter(dict.fromkeys(OUTCOMES, 0))
    cited: Counter[str] = Counter()
    taken: list[int] = []
    within: list[bool] = []
    answered = late = 0
    for thread in threads:
        first = next((m for m in thread.messages if m.kind == "response"), None)
        if first is not None:
            answered += 1
            outcomes[first.outcome or "unknown"] += 1
        answers = [m for m in thread.messages if m.kind in ("response", "internal_review_response")]
        cited.update({e for m in answers for e in m.exemptions if not e.startswith(_REFUSAL_GROUNDS)})
        due = deadline(thread, today=today)
        if due is None:
            continue
        late += due.late is True
        if due.working_days_taken is not None:
            taken.append(due.working_days_taken)
        if due.within_limit is not None:
            within.append(due.within_limit)
    ranked = sorted(cited.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return {
        "regime": sorted(regimes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
        "threads": len(threads),
        "answered": answered,
        "timed": len(taken),
        "median_wd": float(statistics.median(taken)) if taken else float("nan"),
        "mean_wd": statistics.fmean(taken) if taken else float("nan"),
        "within_20_share": sum(within) / len(within) if within else float("nan"),
        "late": late,
        **{o: outcomes[o] for o in OUTCOMES},
        "top_exemptions": ", ".join(f"{e} ({n})" for e, n in ranked),
    }


def authority_summary(threads: Iterable[Thread], *, today: dt.date | str | None = None, top: int = 3) -> pd.DataFrame:
    """One row per authority (index ``authority``, sorted by name) with the columns in :data:`COLUMNS`.

    ``today`` also counts unanswered threads past their due date as late; ``top`` is how many
    exemptions ``top_exemptions`` lists. Threads with no authority are grouped under
    :data:`UNKNOWN_AUTHORITY`.
    """
    try:
        import pandas
    except ImportError as exc:
        raise _missing("pandas") from exc
    groups: dict[str, list[Thread]] = {}
    for thread in threads:
        groups.setdefault(thread.authority or UNKNOWN_AUTHORITY, []).append(thread)
    names = sorted(groups)
    rows = [_row(groups[name], today, top) for name in names]
    frame: pd.DataFrame = pandas.DataFrame(rows, index=pandas.Index(names, name="authority"), columns=list(COLUMNS))
    return frame


def plot_summary(summary: pd.DataFrame, path: str | Path, *, title: str | None = None) -> Path:
    """Write a PNG of ``summary``: share answered within 20 working days, and the outcome mix.

    Two panels side by side, one bar per authority: on the left the share of timed threads
    answered within the statutory 20 working days (labelled with the counts and median); on the
    right the first responses' outcomes stacked, with unanswered threads in white. Uses the Agg
    renderer through :class:`matplotlib.figure.Figure`, so no display or pyplot state is touched.
    """
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise _missing("matplotlib") from exc
    path = Path(path)
    rows = summary.iloc[::-1]  # barh draws upwards: the first authority ends at the top
    names = [str(n) for n in rows.index]
    y = list(range(len(names)))
    fig = Figure(figsize=(13, 1.6 + 0.55 * len(names)), layout="constrained")
    left, right = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [1, 1.25]})

    shares = [0.0 if s != s else float(s) * 100 for s in rows["within_20_share"]]  # NaN -> no bar
    colours = ["#1b9e77" if s >= 90 else "#e6ab02" if s >= 70 else "#d95f02" for s in shares]
    left.barh(y, shares, color=colours, height=0.6)
    for i, (_name, row) in enumerate(rows.iterrows()):
        timed = int(row["timed"])
        if timed:
            on_time = round(float(row["within_20_share"]) * timed)
            label = (
                f"{shares[i]:.0f}%  ({on_time}/{timed}; median {float(row['median_wd']):g} WD; {int(row['late'])} late)"
            )
        else:
            label = "no dated answers"
        left.text(
            shares[i] + 1.5,
            i,
            label,
            va="center",
            fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
    left.set_xlim(0, 160)
    left.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    left.axvline(100, color="#888888", linewidth=0.8, linestyle=":")
    left.set_yticks(y, names)
    left.set_title("Answered within 20 working days (statutory calendar)", fontsize=11, loc="left")
    left.spines[["top", "right"]].set_visible(False)

    base = [0.0] * len(names)
    for outcome in OUTCOMES:
        counts = [float(v) for v in rows[outcome]]
        if any(counts):
            right.barh(
                y, counts, left=base, height=0.6, color=_OUTCOME_COLOURS[outcome], label=outcome.replace("_", " ")
            )
            base = [b + c for b, c in zip(base, counts, strict=True)]
    waiting = [float(t) - float(a) for t, a in zip(rows["threads"], rows["answered"], strict=True)]
    if any(waiting):
        right.barh(
            y, waiting, left=base, height=0.6, color="white", edgecolor="#555555", hatch="//", label="no answer yet"
        )
    right.set_xlabel("threads")
    right.set_title("Outcome of the first response", fontsize=11, loc="left")
    right.spines[["top", "right"]].set_visible(False)
    right.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.08 - 0.6 / (len(names) + 2)), ncol=4, fontsize=8, frameon=False
    )
    if title:
        fig.suptitle(title, fontsize=13)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    return path
