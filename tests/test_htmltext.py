"""Tests for foithread.readers.htmltext.html_to_text: plain text from HTML mail and pages."""

from __future__ import annotations

import time

import pytest

from foithread.readers.htmltext import html_to_text, link_text

CASES = [
    pytest.param(
        "<p>Dear Sir,</p>\n\n<p>Please send me   the\n report.</p>",
        "Dear Sir,\n\nPlease send me the report.",
        id="paragraphs-blank-line-and-collapsed-whitespace",
    ),
    pytest.param(
        "<p>Freedom of Information Team<br />\nEssex Police</p>",
        "Freedom of Information Team\nEssex Police",
        id="br-new-line-without-leading-space",
    ),
    pytest.param(
        "<p>First<br><br>Second<br><br><br><br>Third</p>",
        "First\n\nSecond\n\nThird",
        id="double-br-blank-line-capped",
    ),
    pytest.param(
        "<div>Ref:&nbsp;&nbsp;FOI/123</div><div>Date:\u00a0 1 May 2024</div>",
        "Ref: FOI/123\nDate: 1 May 2024",
        id="nbsp-collapsed-and-divs-are-lines",
    ),
    pytest.param(
        "<html><head><title>Mail</title><style>p{color:red}</style></head>"
        "<body><script>alert(1)</script><p>Body text</p><noscript>enable js</noscript></body></html>",
        "Body text",
        id="head-script-style-removed",
    ),
    pytest.param(
        "<p>Hello <!-- a comment --><b>there</b><!--[if mso]>Outlook only<![endif]--></p>",
        "Hello there",
        id="comments-and-conditional-comments-ignored",
    ),
    pytest.param(
        '<p>See <a href="https://www.example.gov.uk/foi">our FOI page</a>.</p>',
        "See our FOI page <https://www.example.gov.uk/foi>.",
        id="link-text-differs-from-url",
    ),
    pytest.param(
        "<p>Report at <a href='https://www.nottinghamcity.gov.uk/media/3412/aqasr-2022.pdf'"
        " rel='nofollow'>https://www.nottinghamcity.gov.uk/media/...</a></p>",
        "Report at https://www.nottinghamcity.gov.uk/media/3412/aqasr-2022.pdf",
        id="truncated-link-text-becomes-full-url",
    ),
    pytest.param(
        '<p><a href="https://ico.org.uk/">https://ico.org.uk/</a></p>',
        "https://ico.org.uk/",
        id="link-equal-to-url-written-once",
    ),
    pytest.param(
        '<p>Visit <a href="http://www.met.police.uk/">www.met.police.uk</a></p>',
        "Visit www.met.police.uk",
        id="link-text-is-url-without-scheme",
    ),
    pytest.param(
        '<p>Email <a href="mailto:foi@essex.police.uk">foi@essex.police.uk</a> or '
        '<a href="mailto:foi@essex.police.uk?subject=FOI">the FOI team</a>.</p>',
        "Email foi@essex.police.uk or the FOI team <foi@essex.police.uk>.",
        id="mailto-address-and-named-mailto",
    ),
    pytest.param(
        '<p>Write to <a href="mailto:[email address]">[email address]</a></p>',
        "Write to [email address]",
        id="masked-mailto-keeps-placeholder-only",
    ),
    pytest.param(
        '<p><a href="?unfold=1#incoming-1">show quoted sections</a> <a href="/help/officers">help</a>'
        ' <a href="javascript:void(0)">menu</a></p>',
        "show quoted sections help menu",
        id="relative-and-script-links-text-only",
    ),
    pytest.param(
        "<p>Questions:</p><ul><li>one</li><li>two<ul><li>two a</li></ul></li></ul><p>After</p>",
        "Questions:\n\n- one\n- two\n  - two a\n\nAfter",
        id="bullets-and-nested-indent",
    ),
    pytest.param(
        "<ol><li><p>How many?</p></li><li>How much?</li></ol>",
        "1. How many?\n2. How much?",
        id="ordered-list-numbers-tight-items",
    ),
    pytest.param(
        "<table><tr><th>Year</th><th>Claims</th></tr><tr><td>2021</td><td>14</td></tr></table>",
        "Year Claims\n2021 14",
        id="table-rows-are-lines",
    ),
    pytest.param(
        "<p>Before</p><pre>  col1  col2\n  1     2</pre><p>After</p>",
        "Before\n\n  col1  col2\n  1     2\n\nAfter",
        id="pre-kept-verbatim",
    ),
    pytest.param(
        "<h2>Decision</h2><blockquote>Quoted text</blockquote>Tail",
        "Decision\n\nQuoted text\n\nTail",
        id="headings-and-blockquote-are-paragraphs",
    ),
    pytest.param(
        "<div><p>Unclosed paragraph<div>nested <b>bold <i>both</div></span>Trailing</p>",
        "Unclosed paragraph\nnested bold both\nTrailing",
        id="broken-html",
    ),
    pytest.param("", "", id="empty"),
    pytest.param("   \n  ", "", id="whitespace-only"),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


LINKS = [
    ("our website", "https://example.gov.uk/", "our website <https://example.gov.uk/>"),
    ("https://example.gov.uk/a/...", "https://example.gov.uk/a/b/c.pdf", "https://example.gov.uk/a/b/c.pdf"),
    ("https://example.gov.uk/a/\u2026", "https://example.gov.uk/a/b.pdf", "https://example.gov.uk/a/b.pdf"),
    (
        "https://other.org/...",
        "https://example.gov.uk/a/b.pdf",
        "https://other.org/... <https://example.gov.uk/a/b.pdf>",
    ),
    ("", "https://example.gov.uk/", "https://example.gov.uk/"),
    ("FOI@Example.gov.uk", "mailto:foi@example.gov.uk", "FOI@Example.gov.uk"),
    ("", "mailto:foi@example.gov.uk", "foi@example.gov.uk"),
    ("Click", "/relative/path", "Click"),
]


@pytest.mark.parametrize(("text", "href", "expected"), LINKS)
def test_link_text(text: str, href: str, expected: str) -> None:
    assert link_text(text, href) == expected


def test_bytes_are_decoded_with_cp1252_fallback() -> None:
    assert html_to_text("<p>Cost: \u00a3250</p>".encode("cp1252")) == "Cost: \u00a3250"
    assert html_to_text("<p>Cost: \u00a3250</p>".encode("utf-8")) == "Cost: \u00a3250"


def test_no_elinks_reference_list() -> None:
    text = html_to_text('<p><a href="https://a.gov.uk/x">A</a> and <a href="https://b.gov.uk/y">B</a></p>')
    assert text == "A <https://a.gov.uk/x> and B <https://b.gov.uk/y>"
    assert "References" not in text and "[1]" not in text


def test_deeply_nested_html_is_handled_without_recursion() -> None:
    html = "<div>" * 5000 + "deep text" + "</div>" * 5000
    assert html_to_text(html) == "deep text"


def test_large_input_is_fast_and_deterministic() -> None:
    html = "<p>Paragraph with <a href='https://example.gov.uk/page'>a link</a> and text.</p>\n" * 4000
    started = time.perf_counter()
    first = html_to_text(html)
    elapsed = time.perf_counter() - started
    assert first == html_to_text(html)
    assert first.count("\n\n") == 3999
    assert elapsed < 10
