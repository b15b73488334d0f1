"""The one error type foithread raises for input it cannot handle."""

from __future__ import annotations


class ParseError(ValueError):
    """Input that foithread cannot parse.

    The message names the problem, the source (a path or ``<bytes>``/``<text>``), the format
    that was tried and, where known, the position (line or byte offset).

    ``limit`` names the :class:`~foithread.limits.Limits` field when the input exceeded one;
    ``internal`` is true when the error stands in for an unexpected failure inside foithread
    (a bug: please report it with the input), never for ordinary bad input.
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str | None = None,
        format: str | None = None,
        where: str | None = None,
        limit: str | None = None,
        internal: bool = False,
    ) -> None:
        self.problem = problem
        self.source = source
        self.format = format
        self.where = where
        self.limit = limit
        self.internal = internal
        bits = [problem]
        if source:
            bits.append(f"source: {source}")
        if format:
            bits.append(f"format: {format}")
        if where:
            bits.append(f"at {where}")
        super().__init__("; ".join(bits))

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keyword-only arguments: pickling (process pools) must rebuild through them
        return (_rebuild, (self.problem, self.source, self.format, self.where, self.limit, self.internal))

    def with_context(self, *, source: str | None = None, format: str | None = None) -> ParseError:
        """A copy with the source and format filled in where they were missing."""
        return ParseError(
            self.problem,
            source=self.source or source,
            format=self.format or format,
            where=self.where,
            limit=self.limit,
            internal=self.internal,
        )


class ParseWarning(UserWarning):
    """Recoverable damage met by :func:`foithread.iter_parse`, which has no thread to hold it.

    Each is one string that :func:`foithread.parse` would put in ``thread.warnings`` (an
    unreadable mbox entry skipped, a bad charset, ...). Record them with
    ``warnings.catch_warnings(record=True)`` or turn them into exceptions with
    ``warnings.simplefilter("error", foithread.ParseWarning)``.
    """


def _rebuild(
    problem: str, source: str | None, format: str | None, where: str | None, limit: str | None, internal: bool
) -> ParseError:
    return ParseError(problem, source=source, format=format, where=where, limit=limit, internal=internal)


def limit_exceeded(
    name: str,
    found: object,
    allowed: object,
    *,
    what: str,
    source: str | None = None,
    format: str | None = None,
    where: str | None = None,
) -> ParseError:
    """A :class:`ParseError` for input beyond ``Limits.<name>``, saying how to raise the limit."""
    return ParseError(
        f"{what} ({found}) exceeds the limit {name}={allowed}; to accept it pass a larger value: "
        f"limits=foithread.Limits({name}=...) in Python, --limit {name}=... on the command line",
        source=source,
        format=format,
        where=where,
        limit=name,
    )
