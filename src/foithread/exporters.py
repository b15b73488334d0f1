"""Exporters: a thread as JSON, JSON Lines, a readable text summary, or flat CSV rows.

The flat rows (:func:`to_records`, also :meth:`foithread.model.Thread.to_records`) are the
one tabular view of a thread: the CSV output, :func:`foithread.tabular.to_dataframe`, Parquet
files and the Dask message frame all have the columns :data:`RECORD_FIELDS`, in that order.
The JSON shape of :meth:`foithread.model.Thread.to_dict` is described by :func:`json_schema`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # the model imports this module where it needs it: no import cycle
    from foithread.model import Message, Thread


#: Columns of :func:`to_records` rows (and of CSV, DataFrame and Parquet output), in order.
#: ``thread_*`` columns repeat the thread's facts on each of its messages. In the flat rows
#: (CSV, Dask) list-valued columns (``thread_references``, ``exemptions``, ``emails``, ...) are
#: joined with ``"; "`` and are ``""`` when empty; nullable text (``sent_on``, ``outcome``, ...)
#: is ``None``. The typed rows (:func:`to_typed_records`: DataFrame, Parquet) keep lists as
#: lists and dates as dates (:data:`RECORD_TYPES`). The position of a message in its thread is
#: ``message_index`` (a column named ``index`` would shadow ``DataFrame.index``).
RECORD_FIELDS: tuple[str, ...] = (
    "source",
    "thread_authority",
    "thread_title",
    "thread_format",
    "thread_regime",
    "thread_status",
    "thread_references",
    "thread_warnings",
    "message_index",
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
    "attachments",
    "body",
)

#: Type of each :data:`RECORD_FIELDS` column in the typed rows (:func:`to_typed_records`), the
#: DataFrame (:func:`foithread.tabular.to_dataframe`) and Parquet files, as Arrow names them.
#: ``string`` is nullable text; ``list<...>`` an Arrow list column (an empty list when there is
#: nothing); ``struct<a, b>`` a record of nullable strings with those fields. Plain strings,
#: so this module never imports pandas or pyarrow.
RECORD_TYPES: dict[str, str] = {
    name: {
        "message_index": "int64",
        "confidence": "float64",
        "sent_on": "date32",
        "thread_references": "list<string>",
        "thread_warnings": "list<string>",
        "exemptions": "list<string>",
        "references": "list<struct<value, label>>",
        "dates": "list<date32>",
        "signatories": "list<struct<name, role, organisation>>",
        "emails": "list<string>",
        "urls": "list<string>",
        "postal": "list<struct<value, postcode>>",
        "phones": "list<string>",
        "removed_kinds": "list<string>",
        "attachments": "list<string>",
    }.get(name, "string")
    for name in RECORD_FIELDS
}

_SEP = "; "


def _join(values: Iterable[str]) -> str:
    return _SEP.join(values)


def _addresses(m: Message, kind: str) -> str:
    return _join(a.value for a in m.addresses if a.kind == kind)


def _iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def to_typed_records(thread: Thread) -> list[dict[str, Any]]:
    """One dict per message of ``thread`` with real types: the rows of the DataFrame and Parquet.

    Keys are :data:`RECORD_FIELDS` in order, values of the :data:`RECORD_TYPES` types:
    ``sent_on`` a :class:`datetime.date` (or ``None``), ``dates`` a list of dates, list facts
    as lists (empty when there are none), ``references``, ``signatories`` and ``postal`` as
    lists of dicts (``{"value", "label"}``, ``{"name", "role", "organisation"}``,
    ``{"value", "postcode"}``). :func:`to_records` is the same rows flattened for CSV.

    >>> import foithread
    >>> thread = foithread.parse("Dear Council,\\nPlease send me the budget.\\nYours faithfully,\\nAl Roe\\n")
    >>> row = to_typed_records(thread)[0]
    >>> row["message_index"], row["signatories"], row["exemptions"]
    (0, [{'name': 'Al Roe', 'role': None, 'organisation': None}], [])
    """
    thread_facts = {
        **_thread_facts(thread),
        "thread_references": list(thread.references),
        "thread_warnings": list(thread.warnings),
    }
    rows = []
    for m in thread.messages:
        row = {
            **thread_facts,
            **_message_facts(m),
            "sent_on": _iso_date(m.sent_on),
            "exemptions": list(m.exemptions),
            "references": [{"value": r.value, "label": r.label} for r in m.references],
            "dates": [_iso_date(d.value) for d in m.dates],
            "signatories": [{"name": s.name, "role": s.role, "organisation": s.organisation} for s in m.signatories],
            "emails": _values(m, "email"),
            "urls": _values(m, "url"),
            "postal": [{"value": a.value, "postcode": a.postcode} for a in m.addresses if a.kind == "postal"],
            "phones": _values(m, "phone"),
            "removed_kinds": sorted({r.kind for r in m.removed}),
            "attachments": list(m.attachments),
            "body": m.body,
        }
        rows.append({name: row[name] for name in RECORD_FIELDS})
    return rows


def _values(m: Message, kind: str) -> list[str]:
    return [a.value for a in m.addresses if a.kind == kind]


def _thread_facts(thread: Thread) -> dict[str, Any]:
    return {
        "source": thread.source,
        "thread_authority": thread.authority,
        "thread_title": thread.title,
        "thread_format": thread.format,
        "thread_regime": thread.regime,
        "thread_status": thread.status,
    }


def _message_facts(m: Message) -> dict[str, Any]:
    return {
        "message_index": m.index,
        "kind": m.kind,
        "party": m.party,
        "confidence": m.confidence,
        "subject": m.subject,
        "sender_name": m.sender.name,
        "sender_email": m.sender.email,
        "outcome": m.outcome,
    }


def to_records(thread: Thread) -> list[dict[str, Any]]:
    """One flat dict per message of ``thread``, with the keys :data:`RECORD_FIELDS` in order.

    Thread-level facts are repeated on every row (``source`` and the ``thread_*`` columns);
    list-valued facts are joined with ``"; "`` (``""`` when there are none): reference
    values, ISO date values, signatory names, addresses by kind (``emails``, ``urls``,
    ``postal``, ``phones``), the sorted set of ``removed`` kinds and attachment names.
    ``message_index`` is an ``int``, ``confidence`` a ``float``, ``sent_on`` an ISO ``YYYY-MM-DD``
    string or ``None``; other missing text is ``None``.

    >>> import foithread
    >>> thread = foithread.parse("Dear Council,\\nPlease send me the budget.\\nYours faithfully,\\nAl Roe\\n")
    >>> row = thread.to_records()[0]
    >>> row["kind"], row["party"], row["signatories"]
    ('request', 'requester', 'Al Roe')

    :param thread: a parsed thread.
    :returns: one dict per message, oldest first (an empty list for a thread without messages).
    """
    thread_facts = {
        **_thread_facts(thread),
        "thread_references": _join(thread.references),
        "thread_warnings": _join(thread.warnings),
    }
    rows = []
    for m in thread.messages:
        row = {
            **thread_facts,
            **_message_facts(m),
            "sent_on": m.sent_on,
            "exemptions": _join(m.exemptions),
            "references": _join(r.value for r in m.references),
            "dates": _join(d.value for d in m.dates),
            "signatories": _join(s.name for s in m.signatories),
            "emails": _addresses(m, "email"),
            "urls": _addresses(m, "url"),
            "postal": _addresses(m, "postal"),
            "phones": _addresses(m, "phone"),
            "removed_kinds": _join(sorted({r.kind for r in m.removed})),
            "attachments": _join(m.attachments),
            "body": m.body,
        }
        rows.append({name: row[name] for name in RECORD_FIELDS})
    return rows


@cache
def _schema_text() -> str:
    return resources.files("foithread").joinpath("data/schema.json").read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`foithread.model.Thread.to_dict` output.

    The schema ships with the package as ``foithread/data/schema.json``; ``foithread schema``
    prints it. Every field has a title and a description, the closed vocabularies (message
    ``kind``, ``party``, ``outcome``, removed ``kind``, address ``kind``, input ``format``)
    are enums, objects allow no other properties, nullable fields are typed
    ``["string", "null"]`` and a span is an array of two integers. Validate with any
    draft 2020-12 validator, e.g. ``jsonschema.validate(thread.to_dict(), json_schema())``.

    >>> import foithread
    >>> schema = foithread.json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'

    :returns: the schema, a new dict on each call (safe to modify).
    """
    data: dict[str, Any] = json.loads(_schema_text())
    return data


def to_json(thread: Thread, indent: int | None = 2) -> str:
    """``thread.to_dict()`` as JSON text (indented by default), non-ASCII kept as is."""
    return json.dumps(thread.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl(thread: Thread) -> str:
    """``thread.to_dict()`` as one line of JSON (no trailing newline)."""
    return json.dumps(thread.to_dict(), ensure_ascii=False)


def _first_line(text: str, width: int = 72) -> str:
    for line in text.splitlines():
        if line.strip():
            s = line.strip()
            return s if len(s) <= width else s[: width - 1] + "…"
    return ""


#: how the text summary names each kind of :class:`~foithread.model.Address`, in its order
ADDRESS_LABELS = {"email": "e-mails", "url": "URLs", "phone": "phones", "postal": "postal"}


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
        for kind, label in ADDRESS_LABELS.items():
            values = [a.value for a in m.addresses if a.kind == kind]
            if values:
                facts.append(f"{label} " + "; ".join(values))
        if m.removed:
            kinds: dict[str, int] = {}
            for r in m.removed:
                kinds[r.kind] = kinds.get(r.kind, 0) + 1
            facts.append("removed " + ", ".join(f"{k}×{v}" for k, v in sorted(kinds.items())))
        for fact in facts:
            out.append(f"      · {fact}")
    return "\n".join(out) + "\n"


def write_csv(threads: Iterable[Thread], fh: IO[str], *, header: bool = True) -> None:
    """Write the :func:`to_records` rows of ``threads`` to ``fh`` as CSV, one row per message.

    ``None`` is written as an empty field, so reading the file back with
    :class:`csv.DictReader` gives each row of :func:`to_records` with every value as a string.

    :param threads: threads to write, consumed lazily one at a time.
    :param fh: a text file open for writing; open it with ``newline=""`` as the :mod:`csv`
        module asks.
    :param header: write the :data:`RECORD_FIELDS` header line first.
    """
    writer = csv.DictWriter(fh, fieldnames=list(RECORD_FIELDS))
    if header:
        writer.writeheader()
    for thread in threads:
        for row in to_records(thread):
            writer.writerow(row)
