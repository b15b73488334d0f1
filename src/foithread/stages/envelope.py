"""The envelope of an e-mail: Message-ID, In-Reply-To, References, To and Cc.

Read from the headers a reader kept (``Part.headers``): eml and mbox give all five, the
WhatDoTheyKnow zip its ``To:`` line (a name), other inputs none. Message ids are kept as written
between angle brackets, without them; addresses as :class:`~foithread.model.Sender`.
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping

import attrs

from foithread import discipline
from foithread.model import Sender

__all__ = ["Envelope", "envelope_of", "message_ids", "recipients"]

_ID = discipline.compile(r"<([^<>\s]{1,998})>")


@attrs.frozen
class Envelope:
    message_id: str | None = None
    in_reply_to: str | None = None
    email_references: tuple[str, ...] = ()
    to: tuple[Sender, ...] = ()
    cc: tuple[Sender, ...] = ()


_SPACE = discipline.compile(r"\s")


def message_ids(value: str | None) -> tuple[str, ...]:
    """The ids in a Message-ID, In-Reply-To or References header, in order, without brackets;
    a bare id without brackets counts when it is the whole value."""
    if not value:
        return ()
    found = tuple(dict.fromkeys(m.group(1) for m in _ID.finditer(value[:100_000])))
    if found:
        return found
    bare = value.strip()
    return (bare,) if bare and not _SPACE.search(bare) else ()


def recipients(value: str | None) -> tuple[Sender, ...]:
    """The people in a To or Cc header; a header without any ``@`` is one name (zip exports)."""
    if not value or not value.strip():
        return ()
    if "@" not in value:  # a name alone, as a zip export's "To:" line gives it
        name = value.strip(" ,;\t\n")
        return (Sender(name=name),) if name else ()
    out: list[Sender] = []
    for name, address in email.utils.getaddresses([value[:100_000]]):
        name, address = name.strip(), address.strip()
        if name or address:
            out.append(Sender(name=name or None, email=address or None))
    return tuple(dict.fromkeys(out))


def envelope_of(headers: Mapping[str, str]) -> Envelope:
    ids = message_ids(headers.get("message-id"))
    reply = message_ids(headers.get("in-reply-to"))
    return Envelope(
        message_id=ids[0] if ids else None,
        in_reply_to=reply[0] if reply else None,
        email_references=message_ids(headers.get("references")),
        to=recipients(headers.get("to")),
        cc=recipients(headers.get("cc")),
    )
