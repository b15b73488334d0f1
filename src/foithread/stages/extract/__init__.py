"""The extractors stage: typed facts pulled out of a cleaned message body.

Each extractor is a pure function of text, built from tables of compiled :mod:`regex`
patterns matched with a timeout (see :mod:`.patterns`):

* :func:`extract_references` - case reference numbers (DOMAIN 4.1)
* :func:`extract_dates` - full calendar dates (DOMAIN 4.4)
* :func:`extract_addresses` - postal addresses, e-mails, URLs and phones (DOMAIN 4.5)
* :func:`extract_signatories` - who signs the message (DOMAIN 4.6)
* :func:`extract_exemptions` - FOIA/FOISA sections and EIR regulations relied on (DOMAIN 4.2)

:func:`extract_all` runs the first four on one body, scanning for references once
(:func:`scan_references`) and passing their spans on so that dates and phones never read them;
exemptions depend on the message kind and regime, so the pipeline calls
:func:`extract_exemptions` itself.
"""

from __future__ import annotations

import attrs

from foithread.model import Address, DateMention, Reference, Signatory
from foithread.stages.extract.addresses import extract_addresses
from foithread.stages.extract.dates import extract_dates
from foithread.stages.extract.exemptions import extract_exemptions, is_exemption_context
from foithread.stages.extract.placeholders import (
    PLACEHOLDER_PATTERNS,
    is_placeholder,
    placeholder_spans,
)
from foithread.stages.extract.postal import normalise_postcode
from foithread.stages.extract.references import (
    REFERENCE_LABELS,
    REFERENCE_SHAPES,
    extract_references,
    mask_spans,
    scan_references,
)
from foithread.stages.extract.scans import Scans
from foithread.stages.extract.signatories import extract_signatories
from foithread.stages.extract.signatory_rules import CLOSINGS

__all__ = [
    "CLOSINGS",
    "PLACEHOLDER_PATTERNS",
    "REFERENCE_LABELS",
    "REFERENCE_SHAPES",
    "Extracted",
    "extract_addresses",
    "extract_all",
    "extract_dates",
    "extract_exemptions",
    "extract_references",
    "extract_signatories",
    "is_exemption_context",
    "is_placeholder",
    "mask_spans",
    "normalise_postcode",
    "placeholder_spans",
    "scan_references",
]


@attrs.frozen
class Extracted:
    """Everything :func:`extract_all` found in one message body."""

    references: tuple[Reference, ...] = ()
    dates: tuple[DateMention, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    addresses: tuple[Address, ...] = ()


def extract_all(body: str, subject: str | None = None) -> Extracted:
    """Run the reference, date, signatory and address extractors on ``body``.

    ``subject`` (an e-mail's Subject header) is searched for references only; reference spans
    found in the body are masked before dates are read.
    """
    body = body or ""
    scans = Scans.of(body)  # e-mails, URLs, phones, postcodes, placeholders: scanned once for all
    references, spans = scan_references(body, subject, scans)
    return Extracted(
        references=tuple(references),
        dates=tuple(extract_dates(body, skip=spans, scans=scans)),
        signatories=tuple(extract_signatories(body)),
        addresses=tuple(extract_addresses(body, references=spans, scans=scans)),
    )
