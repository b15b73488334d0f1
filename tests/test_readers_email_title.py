"""HTML-only mail: a ``<title>`` that writes the first heading in full leads the text; other titles do not."""

from __future__ import annotations

import pytest

import foithread

_MAIL = """From: <records@kreis.example.de>
To: jo@example.org
Subject: Notice
Date: Wed, 30 May 2018 14:28:55 GMT
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><title>{title}</title></head><body><h1>{heading}</h1>
<p>records@kreis.example.de m&ouml;chte Ihnen eine verschl&uuml;sselte Nachricht zukommen lassen.</p>
</body></html>
"""


@pytest.mark.parametrize(
    ("title", "heading", "first"),
    [
        (  # a bilingual gateway notice: the title carries both languages, the heading one
            "Benachrichtigung &#252;ber verschl&#252;sselte Nachricht / Encrypted mail notification",
            "Benachrichtigung &uuml;ber verschl&uuml;sselte Nachricht",
            "Benachrichtigung über verschlüsselte Nachricht / Encrypted mail notification",
        ),
        ("RE: Freedom of Information request", "Dear Ms Shah", "Dear Ms Shah"),  # Outlook's copy of the Subject
        ("Untitled", "Benachrichtigung", "Benachrichtigung"),
        ("Benachrichtigung", "Benachrichtigung", "Benachrichtigung"),  # the same words: written once
    ],
)
def test_title_leads_only_when_it_is_the_heading_in_full(title: str, heading: str, first: str) -> None:
    thread = foithread.parse_text(_MAIL.format(title=title, heading=heading), format="eml")
    message = thread.messages[0]
    assert message.raw.splitlines()[0] == first
    assert [a.value for a in message.addresses if a.kind == "email"] == ["records@kreis.example.de"]
