"""One call for people who only want reply stripping: :func:`clean_reply`.

>>> import foithread
>>> foithread.clean_reply("Yes, Friday works.\\n\\nOn Mon, 4 Oct 2021 at 09:12, Jane <jane@example.org> wrote:\\n> Can we meet?\\n")
'Yes, Friday works.'

The text is zoned and cleaned as one message, with the same rules as :func:`foithread.parse`
(no FOI thread segmentation): quoted history, quote headers, forwarding headers, disclaimers,
platform footers and ``Sent from my iPhone`` go; the author's new text stays, wherever it stands
(above, below or between the quotes), and so does a forwarded message (it is the content).
"""

from __future__ import annotations

from foithread.errors import ParseError
from foithread.model import Zone
from foithread.rules import Rules, rules_or_default
from foithread.stages import cleaner
from foithread.stages.zoner import zone
from foithread.stages.zones import zones_of

__all__ = ["clean_reply", "reply_zones"]


def _checked(text: object) -> str:
    if not isinstance(text, str):
        raise ParseError(f"clean_reply needs text (str), not {type(text).__name__}", source="<text>")
    return text


def reply_zones(text: str, *, rules: Rules | None = None) -> tuple[Zone, ...]:
    """The zones of ``text`` read as one e-mail (spans are offsets into ``text``); ``rules`` as for :func:`clean_reply`."""
    text = _checked(text)
    rules = rules_or_default(rules)
    z = zone(text, 0, rules)
    labels = cleaner.message_labels(z, rules, cleaner.structural_labels(z, rules))
    return zones_of(z, labels)


def clean_reply(text: str, *, signature: bool = True, rules: Rules | None = None) -> str:
    """The new text of one e-mail, without its quoted history and boilerplate.

    :param text: the e-mail's text (a plain-text body).
    :param signature: keep the sign-off block under the closing (``False`` drops it, and the
        greeting and closing stay).
    :param rules: rule tables to use instead of :data:`foithread.DEFAULT_RULES` (``None``: those).
    :returns: the kept text, surrounding blank lines stripped.
    :raises ParseError: when ``text`` is not a string.
    """
    text = _checked(text)
    rules = rules_or_default(rules)
    z = zone(text, 0, rules)
    labels = cleaner.message_labels(z, rules, cleaner.structural_labels(z, rules))
    if not signature:
        for zn in zones_of(z, labels):
            if zn.kind == "signature":
                for i, line in enumerate(z.lines):
                    if zn.span[0] <= line.start < zn.span[1] and labels[i] is None:
                        labels[i] = ("other", "signature")
    body, _ = cleaner.build(z.lines, labels, text, 0)
    return body.strip()
