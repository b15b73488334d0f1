"""The one error type foithread raises for input it cannot handle."""

from __future__ import annotations

from typing import Optional


class ParseError(ValueError):
    """Input that foithread cannot parse.

    The message names the problem, the source (a path or ``<bytes>``/``<text>``), the format
    that was tried and, where known, the position (line or byte offset).
    """

    def __init__(
        self,
        problem: str,
        *,
        source: Optional[str] = None,
        format: Optional[str] = None,
        where: Optional[str] = None,
    ) -> None:
        self.problem = problem
        self.source = source
        self.format = format
        self.where = where
        bits = [problem]
        if source:
            bits.append(f"source: {source}")
        if format:
            bits.append(f"format: {format}")
        if where:
            bits.append(f"at {where}")
        super().__init__("; ".join(bits))

    def with_context(self, *, source: Optional[str] = None, format: Optional[str] = None) -> "ParseError":
        """A copy with the source and format filled in where they were missing."""
        return ParseError(
            self.problem,
            source=self.source or source,
            format=self.format or format,
            where=self.where,
        )
