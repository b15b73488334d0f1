"""The data model: small frozen classes with explicit fields and no hidden state.

Every class has ``to_dict()`` returning plain JSON-ready data in the shape of the public
contract. Spans are ``(start, end)`` character offsets into the decoded text of the input
the message came from (for ``.eml``/``.mbox``: that message's decoded body).
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

import attrs

KINDS = (
    "request",
    "auto_acknowledgement",
    "acknowledgement",
    "clarification_request",
    "follow_up",
    "delay_notice",
    "response",
    "internal_review_request",
    "internal_review_response",
    "bounce",
    "out_of_office",
    "annotation",
    "other",
)
PARTIES = ("requester", "authority", "platform", "unknown")
REMOVED_KINDS = (
    "disclaimer",
    "platform_footer",
    "link_footer",
    "quoted",
    "classification",
    "signature_noise",
    "other",
)
ZONE_KINDS = (
    "content",
    "greeting",
    "closing",
    "signature",
    "quote_header",
    "quoted",
    "forwarded_header",
    "forwarded",
    "disclaimer",
    "platform_footer",
    "link_footer",
    "classification",
    "signature_noise",
    "other",
)
OUTCOMES = (
    "information_provided",
    "partially_provided",
    "not_held",
    "refused",
    "neither_confirm_nor_deny",
    "unknown",
)
ADDRESS_KINDS = ("postal", "email", "url", "phone")
#: whose a reference is (None: neither its label nor its shape tells)
REFERENCE_ROLES = ("request", "review", "regulator")

Span = tuple[int, int]


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data: model objects as dicts, tuples as lists."""
    if isinstance(value, _Plain):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _unplain(kind: Any, value: Any) -> Any:
    """``value`` (plain data) as the field type ``kind`` wants it: model objects, tuples."""
    if value is None:
        return None
    if isinstance(kind, type) and issubclass(kind, _Plain):
        return kind.from_dict(value)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _unplain(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_unplain(args[0], v) for v in value)
        return tuple(_unplain(a, v) for a, v in zip(args, value, strict=True))
    return value


_P = TypeVar("_P", bound="_Plain")


class _Plain:
    """``to_dict()`` for the model classes: one key per field, in declaration order, or in the
    order of ``_KEYS`` (which may also name properties, e.g. ``reply_text``)."""

    __slots__ = ()
    _KEYS: ClassVar[tuple[str, ...] | None] = None
    #: keys left out of :meth:`to_dict` while their value is ``None`` (fields added after the
    #: contract's shape, so that output without them stays byte for byte what it was)
    _OPTIONAL: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``json.dumps`` takes it as it is)."""
        keys = self._KEYS or tuple(f.name for f in attrs.fields(type(self)))  # type: ignore[arg-type]
        values = ((key, getattr(self, key)) for key in keys)
        return {key: _plain(value) for key, value in values if value is not None or key not in self._OPTIONAL}

    @classmethod
    def from_dict(cls: type[_P], data: Mapping[str, Any]) -> _P:
        """The object :meth:`to_dict` made ``data`` from (keys it does not know are ignored,
        missing ones take their defaults: output of an older version still loads)."""
        fields = attrs.fields(attrs.resolve_types(cls))  # type: ignore[type-var,arg-type]
        values = {f.name: _unplain(f.type, data[f.name]) for f in fields if f.init and f.name in data}
        return cls(**values)


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


@attrs.frozen
class Sender(_Plain):
    """Who sent a message, as far as the input says."""

    name: str | None = None
    email: str | None = None


@attrs.frozen
class Removed(_Plain):
    """A stretch of a message's raw text that is not in its body, and why."""

    kind: str = attrs.field(validator=attrs.validators.in_(REMOVED_KINDS))
    text: str
    span: Span = attrs.field(converter=_span)
    rule: str | None = None  # the name of the rule that removed it


@attrs.frozen
class Zone(_Plain):
    """A stretch of a message's raw text and what it is (see :mod:`foithread.stages.zones`).

    The zones of a message tile its ``raw`` text in order; ``span`` is in the same offsets
    as the message's own ``span``.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(ZONE_KINDS))
    span: Span = attrs.field(converter=_span)


@attrs.frozen
class Reference(_Plain):
    """A case reference number, the label that introduced it (``Our ref``), if any, and whose it is.

    ``role`` is ``request`` (the authority's reference for the request), ``review`` (an internal
    review's or confirmatory application's), ``regulator`` (the ICO's, OAIC's, an Ombudsman's or a
    tribunal's), or None when neither the label nor the shape tells.
    """

    value: str
    label: str | None = None
    role: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(REFERENCE_ROLES))
    )


@attrs.frozen
class DateMention(_Plain):
    """A full calendar date written in a message: ISO value and the text as written."""

    value: str
    text: str


@attrs.frozen
class Signatory(_Plain):
    """A person or team signing a message."""

    name: str
    role: str | None = None
    organisation: str | None = None


@attrs.frozen
class Address(_Plain):
    """A postal address, email address, URL or phone number found in a message."""

    kind: str = attrs.field(validator=attrs.validators.in_(ADDRESS_KINDS))
    value: str
    postcode: str | None = None
    #: ISO 3166-1 alpha-2 code of a postal address's country (``GB``, ``DE``, ``AU`` ...) when known
    country: str | None = None


@attrs.frozen
class Attachment(_Plain):
    """One attached file an input carries: what it is and the text read from it.

    ``text`` is ``None`` when no text was read (the optional extra ``foithread[attachments]`` is
    not installed, the type is not one foithread reads, or the file is encrypted, broken or beyond
    :class:`~foithread.limits.Limits`); ``warnings`` says which. ``scanned`` marks a PDF made
    only of page images (no text layer; foithread does no OCR). See :mod:`foithread.attachments`.
    """

    name: str
    content_type: str | None = None
    size: int = 0
    sha256: str | None = None
    text: str | None = None
    pages: int | None = None  # pages of a PDF, sheets of a workbook, when known
    scanned: bool = False
    warnings: tuple[str, ...] = ()


@attrs.frozen
class Message(_Plain):
    """One message of a thread: what it is, who sent it, its text and the facts in it."""

    index: int
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    party: str = attrs.field(validator=attrs.validators.in_(PARTIES))
    raw: str
    span: Span = attrs.field(converter=_span)
    body: str
    removed: tuple[Removed, ...] = ()
    sent_on: str | None = None
    subject: str | None = None
    sender: Sender = Sender()
    outcome: str | None = None
    exemptions: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    dates: tuple[DateMention, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    addresses: tuple[Address, ...] = ()
    confidence: float = 1.0
    attachments: tuple[str, ...] = ()
    bounce: Bounce | None = None  # what a bounce says (foithread.stages.bounces), on bounces only
    #: the attached files themselves, when the input carries them (eml, mbox, zip): see :class:`Attachment`
    attachment_details: tuple[Attachment, ...] = ()
    #: the e-mail envelope (eml, mbox; zip exports give ``to`` as a name): see :mod:`foithread.stages.envelope`
    message_id: str | None = None
    in_reply_to: str | None = None
    email_references: tuple[str, ...] = ()  # the References header's message ids, oldest first
    to: tuple[Sender, ...] = ()
    cc: tuple[Sender, ...] = ()
    #: set only on a message rebuilt from quoted history (:func:`foithread.recover_quoted`): the
    #: index of the thread's own message whose text quotes it (``None``: the input's own message)
    recovered_from: int | None = None

    @property
    def sent_date(self) -> datetime.date | None:
        """:attr:`sent_on` as a :class:`datetime.date` (``None`` when the date is unknown).

        ``sent_on`` itself stays ISO text: it is exactly what :meth:`to_dict`, the JSON and the
        CSV carry, and a date that the input never gave is never invented.
        """
        return datetime.date.fromisoformat(self.sent_on) if self.sent_on else None

    zones: tuple[Zone, ...] = ()

    #: the keys of :meth:`to_dict`, in order (``reply_text`` is a property)
    _KEYS = (
        "index",
        "kind",
        "party",
        "sent_on",
        "subject",
        "sender",
        "raw",
        "span",
        "body",
        "removed",
        "outcome",
        "exemptions",
        "references",
        "dates",
        "signatories",
        "addresses",
        "confidence",
        "attachments",
        "bounce",
        "zones",
        "reply_text",
        "attachment_details",
        "message_id",
        "in_reply_to",
        "email_references",
        "to",
        "cc",
        "recovered_from",
    )
    _OPTIONAL = frozenset({"recovered_from"})  # only on recovered messages

    def zone_text(self, zone: Zone) -> str:
        """The raw text of one of this message's zones."""
        base = self.span[0]
        return self.raw[zone.span[0] - base : zone.span[1] - base]

    @property
    def reply_text(self) -> str:
        """What the author wrote, and only that: the ``content`` zones without greeting,
        closing, signature, quotes, forwarded messages or boilerplate (stripped of
        surrounding blank lines)."""
        return "".join(self.zone_text(z) for z in self.zones if z.kind == "content").strip()


@attrs.frozen
class Thread(_Plain):
    """A whole FOI thread: its messages, oldest first, and thread-level facts."""

    format: str
    messages: tuple[Message, ...] = ()
    authority: str | None = None
    title: str | None = None
    references: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    source: str | None = None
    status: str | None = None
    regime: str | None = None

    #: the keys of :meth:`to_dict`, in order (``state`` is a property)
    _KEYS = (
        "format",
        "source",
        "title",
        "authority",
        "regime",
        "status",
        "state",
        "references",
        "warnings",
        "messages",
    )

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per message, oldest first: the rows of CSV, DataFrame and Parquet output.

        Keys are :data:`foithread.exporters.RECORD_FIELDS` in order; thread facts repeat on
        every row and list-valued facts are joined with ``"; "``. The same as
        :func:`foithread.exporters.to_records`, which documents every column.

        :returns: a list of dicts, one per message (empty for a thread without messages).
        """
        from foithread.exporters import to_records  # exporters imports this module

        return to_records(self)

    @property
    def state(self) -> str | None:
        """The request's state as of its last message (:func:`foithread.request_state`, no ``today``)."""
        from foithread.state import request_state  # state imports this module

        return request_state(self).state


BOUNCE_REASONS = ("mailbox_full", "recipient_unknown", "domain_unknown", "blocked", "message_too_large", "other")


@attrs.frozen
class Bounce(_Plain):
    """What a delivery report says: permanent or transient, why, for whom (see :mod:`foithread.stages.bounces`)."""

    permanent: bool | None  # 5.x.x or failure wording; False: 4.x.x or delay wording; None: not said
    reason: str = attrs.field(default="other", validator=attrs.validators.in_(BOUNCE_REASONS))
    status: str | None = None  # the RFC 3463 enhanced status code, e.g. "5.1.1"
    recipients: tuple[str, ...] = ()  # the addresses delivery failed for
