"""Per-authority analysis (foithread.analysis) on parsed threads, and the docs' example archive."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from wdtk_text import FOOTER, ICO, SIC

import foithread

pd = pytest.importorskip("pandas")
from foithread.analysis import COLUMNS, INSTALL_HINT, authority_summary, plot_summary  # noqa: E402

ARCHIVE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "archive"


def _thread(
    authority: str, title: str, received: str, answered: str | None = None, answer: str = "", *, scottish: bool = False
) -> str:
    """A WhatDoTheyKnow page: request, dated acknowledgement, and (if ``answered``) a dated letter."""
    ref = f"FOI-{received[-4:]}-{len(title):04d}"
    law = "Freedom of Information (Scotland) Act 2002" if scottish else "Freedom of Information Act 2000"
    text = (
        f"{title}\nDear {authority},\nPlease provide the information described in the title for 2022.\n"
        "Yours faithfully,\nJordan Ames\n"
        f"Our ref: {ref}\nDear Mx Ames\nThank you for your request, which we received on {received}. It is being "
        f"dealt with under the {law}.\nKind regards\nSam Reid\nInformation Officer\n{authority}\n"
    )
    if answered:
        text += (
            f"Our ref: {ref}\nDate: {answered}\nDear Mx Ames\n{law} - request for information\n{answer}\n"
            + (SIC if scottish else ICO)
            + "Yours sincerely\nSam Reid\nInformation Officer\n"
        )
    return text + FOOTER


# Five threads, two authorities; dates counted by hand (see tests/test_deadlines.py for the method).
ARCHIVE_TEXTS = [
    # Kestrelford (FOIA, UK-wide calendar). Received Thu 30 Mar 2023, answered Thu 27 Apr: 18 working
    # days (31 Mar; 3-6 Apr; 11-14; 17-21; 24-27), within the 20 (due Tue 2 May). Information provided.
    _thread(
        "Kestrelford Borough Council",
        "Pavement parking notices",
        "30 March 2023",
        "27 April 2023",
        "1,851 penalty charge notices were issued for footway parking in 2022.",
    ),
    # Received Mon 24 Apr 2023: day 20 Wed 24 May (1 and 8 May skipped); answered Tue 6 Jun: 28
    # working days (29 May skipped), 8 late. Partially provided, s43(2) and s40(2).
    _thread(
        "Kestrelford Borough Council",
        "Temporary accommodation spend",
        "24 April 2023",
        "6 June 2023",
        "The Council spent £2,418,730 on nightly-paid temporary accommodation in 2022/23. The amounts paid to "
        "individual providers are exempt under section 43(2) (commercial interests), and the number of families "
        "placed has been withheld under section 40(2) (personal information).",
    ),
    # Received Tue 14 Nov 2023, never answered: day 20 Wed 13 Dec 2023 (30 Nov skipped), so late on
    # 1 Mar 2024.
    _thread("Kestrelford Borough Council", "Agency planning staff", "14 November 2023"),
    # Strathallan (FOISA, Scottish calendar). Received Thu 30 Mar 2023: day 20 Fri 28 Apr (Easter
    # Monday counts in Scotland); answered Tue 2 May, 21 working days (1 May skipped): late.
    _thread(
        "Strathallan Council",
        "Pothole claims",
        "30 March 2023",
        "2 May 2023",
        "In 2022 the Council received 1,146 claims for vehicle damage attributed to potholes, and paid 203.",
        scottish=True,
    ),
    # Received Mon 7 Aug 2023 (a Scottish holiday): day 20 Mon 4 Sep; answered that day, 20 working
    # days. Refused under s33(1)(b).
    _thread(
        "Strathallan Council",
        "Roads maintenance contract",
        "7 August 2023",
        "4 September 2023",
        "The schedule of rates is exempt under section 33(1)(b) of FOISA (commercial interests), and the public "
        "interest favours maintaining the exemption. We are therefore refusing your request.",
        scottish=True,
    ),
]


@pytest.fixture(scope="module")
def threads() -> list[foithread.Thread]:
    parsed = [foithread.parse(text) for text in ARCHIVE_TEXTS]
    # the parser reads what the texts say before anything is summarised
    assert [[m.kind for m in t.messages] for t in parsed] == [
        ["request", "acknowledgement", "response"],
        ["request", "acknowledgement", "response"],
        ["request", "acknowledgement"],
        ["request", "acknowledgement", "response"],
        ["request", "acknowledgement", "response"],
    ]
    assert [t.regime for t in parsed] == ["foi", "foi", "foi", "foisa", "foisa"]
    assert [t.messages[-1].sent_on for t in parsed] == ["2023-04-27", "2023-06-06", None, "2023-05-02", "2023-09-04"]
    assert [t.messages[-1].outcome for t in parsed] == [
        "information_provided",
        "partially_provided",
        None,
        "information_provided",
        "refused",
    ]
    return parsed


def test_summary_numbers(threads: list[foithread.Thread]) -> None:
    summary = authority_summary(threads, today="2024-03-01")
    assert list(summary.columns) == list(COLUMNS)
    assert list(summary.index) == ["Kestrelford Borough Council", "Strathallan Council"]
    assert summary.index.name == "authority"
    k = summary.loc["Kestrelford Borough Council"]
    assert (k["regime"], k["threads"], k["answered"], k["timed"]) == ("foi", 3, 2, 2)
    assert (k["median_wd"], k["mean_wd"], k["within_20_share"]) == (23.0, 23.0, 0.5)  # 18 and 28 working days
    assert k["late"] == 2  # the 6 June answer and the unanswered November request
    assert (k["information_provided"], k["partially_provided"], k["refused"], k["not_held"]) == (1, 1, 0, 0)
    assert k["top_exemptions"] == "s40(2) (1), s43(2) (1)"
    s = summary.loc["Strathallan Council"]
    assert (s["regime"], s["threads"], s["answered"], s["timed"]) == ("foisa", 2, 2, 2)
    assert (s["median_wd"], s["mean_wd"], s["within_20_share"], s["late"]) == (20.5, 20.5, 0.5, 1)  # 21 and 20
    assert (s["information_provided"], s["refused"], s["neither_confirm_nor_deny"]) == (1, 1, 0)
    assert s["top_exemptions"] == "s33(1)(b) (1)"


def test_without_today_unanswered_threads_are_not_late(threads: list[foithread.Thread]) -> None:
    summary = authority_summary(threads)
    assert summary.loc["Kestrelford Borough Council", "late"] == 1
    assert summary.loc["Strathallan Council", "late"] == 1


def test_top_exemptions_limit_and_unknown_authority(threads: list[foithread.Thread]) -> None:
    summary = authority_summary([*threads[:2], foithread.Thread(format="text")], top=1)
    assert summary.loc["Kestrelford Borough Council", "top_exemptions"] == "s40(2) (1)"  # ties break by name
    unknown = summary.loc["(unknown authority)"]
    assert (unknown["threads"], unknown["answered"], unknown["timed"]) == (1, 0, 0)
    assert math.isnan(unknown["median_wd"]) and math.isnan(unknown["within_20_share"])


def test_plot_writes_a_png(threads: list[foithread.Thread], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.image import imread

    out = plot_summary(authority_summary(threads, today="2024-03-01"), tmp_path / "img" / "summary.png", title="Test")
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    height, width, _channels = imread(out).shape
    assert width > height > 100


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch, threads: list[foithread.Thread]) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` raise ImportError
    with pytest.raises(ImportError, match=r'pip install "foithread\[analysis\]"'):
        authority_summary(threads)
    assert "foithread[analysis]" in INSTALL_HINT


def test_import_does_not_load_pandas_or_matplotlib() -> None:
    import subprocess

    code = "import foithread, foithread.analysis, sys; print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# ----------------------------------------------------------------------------------------------
# The docs' example archive (docs/examples/archive, written by docs/examples/make_archive.py)


def _archive() -> dict[str, dict[str, object]]:
    if not (ARCHIVE / "manifest.json").exists():
        pytest.skip("docs/examples/archive not available")
    manifest: dict[str, dict[str, object]] = json.loads((ARCHIVE / "manifest.json").read_text(encoding="utf-8"))
    return manifest


def test_example_archive_parses_as_written() -> None:
    for name, want in _archive().items():
        thread = foithread.parse(ARCHIVE / name)
        assert thread.authority == want["authority"], name
        assert thread.regime == want["regime"], name
        assert [m.kind for m in thread.messages] == want["kinds"], name
        response = next((m for m in thread.messages if m.kind == "response"), None)
        assert (response.sent_on if response else None) == want["responded_on"], name
        assert (response.outcome if response else None) == want["outcome"], name
        assert sorted(response.exemptions if response else ()) == sorted(want["exemptions"]), name  # type: ignore[arg-type]
        due = foithread.deadline(thread)
        assert due is not None and due.received_on is not None, name
        assert due.received_on.isoformat() == want["received_on"], name


def test_example_archive_summary() -> None:
    _archive()
    threads = [foithread.parse(p) for p in sorted(ARCHIVE.glob("*.txt"))]
    summary = authority_summary(threads, today="2024-03-01")
    assert len(threads) == 24 and int(summary["threads"].sum()) == 24
    assert dict(summary["threads"]) == {
        "Belmore Health and Social Care Trust": 4,
        "Glanforth County Council": 4,
        "Kestrelford Borough Council": 6,
        "Northmoor Police": 5,
        "Strathallan Council": 5,
    }
    # late, counted by hand: Belmore 1 (agency nursing, 26 Jul vs 25 Jul: 12 Jul skipped); Glanforth 1
    # (school transport, 13 Oct vs 12 Oct 2022: funeral day skipped); Kestrelford 2 (temporary
    # accommodation; agency staff unanswered); Northmoor 1 (collisions, apology only); Strathallan 3
    # (potholes under FOISA, repairs backlog, library closures unanswered).
    assert dict(summary["late"]) == {
        "Belmore Health and Social Care Trust": 1,
        "Glanforth County Council": 1,
        "Kestrelford Borough Council": 2,
        "Northmoor Police": 1,
        "Strathallan Council": 3,
    }
    assert summary.loc["Strathallan Council", "regime"] == "foisa"
