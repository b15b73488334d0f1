"""Redaction of the message fields beyond the texts: attached files' names and text, To and Cc.

Used by :func:`foithread.redaction.redact` and :func:`~foithread.redaction.unredact`; the masks
are the same :class:`~foithread.redaction.Mask` records, with fields such as
``attachment_details.0.text`` and ``to.1.email``.
"""

from __future__ import annotations

import attrs

from foithread.model import Attachment, Message, Sender
from foithread.redaction import Mask, _apply, _field, _Finder, _undo

__all__ = ["extras", "restored"]


def _people(m: Message, key: str, finder: _Finder) -> tuple[tuple[Sender, ...], list[Mask]]:
    """The ``to`` or ``cc`` addressees of ``m`` with names and (when masked) addresses redacted."""
    out: list[Sender] = []
    masks: list[Mask] = []
    for i, person in enumerate(getattr(m, key)):
        name, name_masks = _field(m.index, f"{key}.{i}.name", person.name, finder)
        masks += name_masks
        email = person.email
        if email and "emails" in finder.what:
            masks.append(Mask(m.index, f"{key}.{i}.email", (0, len(email)), email, "", (0, 0), "emails"))
            email = None
        out.append(Sender(name, email))
    return tuple(out), masks


def extras(
    m: Message, finder: _Finder
) -> tuple[tuple[Attachment, ...], tuple[Sender, ...], tuple[Sender, ...], list[Mask]]:
    """Attached files' names and text, and the To/Cc addressees, redacted like the rest."""
    files: list[Attachment] = []
    masks: list[Mask] = []
    for i, file in enumerate(m.attachment_details):
        name, name_masks = _field(m.index, f"attachment_details.{i}.name", file.name, finder)
        text, text_masks = _field(m.index, f"attachment_details.{i}.text", file.text, finder)
        masks += name_masks + text_masks
        files.append(attrs.evolve(file, name=name or file.name, text=text))
    to, to_masks = _people(m, "to", finder)
    cc, cc_masks = _people(m, "cc", finder)
    return tuple(files), to, cc, masks + to_masks + cc_masks


def restored(m: Message, mine: list[Mask]) -> tuple[tuple[Attachment, ...], tuple[Sender, ...], tuple[Sender, ...]]:
    """What :func:`extras` masked, put back."""

    def back(value: str | None, field: str) -> str | None:
        return _apply(value, _undo(mine, field))[0] if value else value

    files = tuple(
        attrs.evolve(
            f,
            name=back(f.name, f"attachment_details.{i}.name") or f.name,
            text=back(f.text, f"attachment_details.{i}.text"),
        )
        for i, f in enumerate(m.attachment_details)
    )

    def people(key: str) -> tuple[Sender, ...]:
        return tuple(
            Sender(
                back(p.name, f"{key}.{i}.name"), next((k.text for k in mine if k.field == f"{key}.{i}.email"), p.email)
            )
            for i, p in enumerate(getattr(m, key))
        )

    return files, people("to"), people("cc")
