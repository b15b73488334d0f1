"""Exporters: a thread as JSON, JSON Lines, a readable text summary, or CSV rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from foithread.model import Message, Thread

#: columns of :func:`to_records` rows (and of CSV output), in order
RECORD_FIELDS = (
    "source",
    "thread_authority",
    "thread_title",
    "index",
    "kind",
    "party",
    "confidence",
    "sent_on",
    "subject",
    "sender_name",
    "sender_email",
    "outcome",
    "exemptions",
    "references",
    "dates",
    "signatories",
    "emails",
    "urls",
    "postal",
    "phones",
    "removed_kinds",
    "body",
)


def to_records(thread: Thread) -> list[dict[str, Any]]:
    """One flat dict per message; list fields are joined with ``"; "``."""
    rows = []
    for m in thread.messages:

        def addrs(kind: str, m: Message = m) -> str:
            return "; ".join(a.value for a in m.addresses if a.kind == kind)

        rows.append(
            {
                "source": thread.source,
                "thread_authority": thread.authority,
                "thread_title": thread.title,
                "index": m.index,
                "kind": m.kind,
                "party": m.party,
                "confidence": m.confidence,
                "sent_on": m.sent_on,
                "subject": m.subject,
                "sender_name": m.sender.name,
                "sender_email": m.sender.email,
                "outcome": m.outcome,
                "exemptions": "; ".join(m.exemptions),
                "references": "; ".join(r.value for r in m.references),
                "dates": "; ".join(d.value for d in m.dates),
                "signatories": "; ".join(s.name for s in m.signatories),
                "emails": addrs("email"),
                "urls": addrs("url"),
                "postal": addrs("postal"),
                "phones": addrs("phone"),
                "removed_kinds": "; ".join(sorted({r.kind for r in m.removed})),
                "body": m.body,
            }
        )
    return rows


def to_json(thread: Thread, indent: int | None = 2) -> str:
    return json.dumps(thread.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl(thread: Thread) -> str:
    return json.dumps(thread.to_dict(), ensure_ascii=False)


def _first_line(text: str, width: int = 72) -> str:
    for line in text.splitlines():
        if line.strip():
            s = line.strip()
            return s if len(s) <= width else s[: width - 1] + "…"
    return ""


def to_text(thread: Thread) -> str:
    """A short human-readable summary: one block per message."""
    out = []
    head = thread.source or "<input>"
    out.append(f"{head}  [{thread.format}]")
    if thread.title:
        out.append(f"  title:      {thread.title}")
    out.append(f"  authority:  {thread.authority or '-'}")
    out.append(f"  references: {', '.join(thread.references) or '-'}")
    for w in thread.warnings:
        out.append(f"  warning:    {w}")
    for m in thread.messages:
        when = m.sent_on or "date unknown"
        line = f"  #{m.index} {m.kind} ({m.party}, {when}, confidence {m.confidence:.2f})"
        if m.outcome:
            line += f" outcome={m.outcome}"
        if m.exemptions:
            line += f" exemptions={','.join(m.exemptions)}"
        out.append(line)
        out.append(f"      | {_first_line(m.body)}")
        facts = []
        if m.references:
            facts.append("refs " + ", ".join(r.value for r in m.references))
        if m.signatories:
            facts.append("signed " + ", ".join(s.name for s in m.signatories))
        if m.dates:
            facts.append("dates " + ", ".join(d.value for d in m.dates))
        if m.addresses:
            facts.append("addresses " + ", ".join(a.value for a in m.addresses))
        if m.removed:
            kinds: dict[str, int] = {}
            for r in m.removed:
                kinds[r.kind] = kinds.get(r.kind, 0) + 1
            facts.append("removed " + ", ".join(f"{k}×{v}" for k, v in sorted(kinds.items())))
        for fact in facts:
            out.append(f"      · {fact}")
    return "\n".join(out) + "\n"


def write_csv(threads: Iterable[Thread], fh: IO[str], *, header: bool = True) -> None:
    writer = csv.DictWriter(fh, fieldnames=list(RECORD_FIELDS))
    if header:
        writer.writeheader()
    for thread in threads:
        for row in to_records(thread):
            writer.writerow(row)
