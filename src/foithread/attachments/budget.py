"""The budget one attachment is read within: a deadline and a page (or row) count.

Readers call :meth:`Budget.page` before each page, sheet row or paragraph group; once time or
pages run out it raises :class:`OutOfBudget`, and the text read so far is kept with a warning.
Nothing runs in another thread or process, so nothing outlives the call.
"""

from __future__ import annotations

import time

import attrs

from foithread.limits import Limits

__all__ = ["Budget", "OutOfBudget", "Unreadable"]


class OutOfBudget(Exception):
    """Time or pages ran out; ``args[0]`` says which."""


class Unreadable(Exception):
    """The file cannot be read (encrypted, too large, not of its claimed type); ``args[0]`` says why."""


@attrs.define
class Budget:
    """Pages and seconds left for one attachment."""

    limits: Limits
    pages: int = 0
    started: float = attrs.field(factory=lambda: time.monotonic())

    def page(self) -> None:
        """Count one page (row, paragraph group); raise :class:`OutOfBudget` when none is left."""
        if self.pages >= self.limits.max_attachment_pages:
            raise OutOfBudget(f"only the first {self.pages} pages or rows read (Limits.max_attachment_pages)")
        if time.monotonic() - self.started > self.limits.attachment_seconds:
            raise OutOfBudget(f"reading stopped after {self.limits.attachment_seconds}s (Limits.attachment_seconds)")
        self.pages += 1
