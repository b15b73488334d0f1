"""Required literals: words without which a pattern cannot match.

``required_literals(r"^\\s*(?:Dear|Hello)\\s+\\w+")`` is ``("dear", "hello")``: every match of the
pattern contains one of them. Rule tables check these with plain substring tests on the
case-folded text before running a pattern, the way grep tools pick a literal to scan for: a
text with none of the words is skipped without touching the regex engine.

The analysis is conservative. It reads the pattern with the standard library's parser (the
syntax the ``regex`` module shares with :mod:`re`), keeps printable ASCII and the letters beyond
ASCII whose case folding is one such letter (Cyrillic, ``ł``, CJK; so that folding both sides is a
safe way to ignore case), and returns ``None`` — "no shortcut, always run the pattern" — for
anything it cannot read or where no literal of at least :data:`MIN_LENGTH` characters is required
(a character beyond ASCII counts twice: ``写道`` is selective, ``to`` is not). Checked against
:func:`fold` of the text (full case folding, so that ``ß`` is found by ``ss`` as the ``regex``
module's case-insensitive match does). It can only ever make matching faster, never change a
result; the tests check that over every line of the corpus.
"""

from __future__ import annotations

from typing import Any

from foithread import discipline

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

#: literals shorter than this are too common to be worth checking
MIN_LENGTH = 3

Need = frozenset[str] | None  # one of these strings must occur; None: nothing known

_SET_OPERATIONS = ("[", "--", "&&", "||", "~~")


def _classes(pattern: str) -> list[str]:
    """The insides of the character classes of ``pattern`` (escapes kept)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            start = j
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[start:j])
            i = j + 1
            continue
        i += 1
    return out


def fold(text: str) -> str:
    """The text as literals are checked against: full case folding, as ``regex`` ignores case."""
    return text.casefold()


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one, or None."""
    if any(op in inside for inside in _classes(pattern) for op in _SET_OPERATIONS):
        return None  # set operations and POSIX classes the standard parser would misread
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # syntax only the regex module knows (\\K, \\p{..}, (?V1)…): no shortcut
        return None
    need = _sequence(list(parsed))
    if not need or min(_weight(s) for s in need) < MIN_LENGTH:
        return None
    return tuple(sorted(need))


def _literal_char(code: int) -> bool:
    """A character a literal may hold: printable ASCII, or a letter beyond ASCII whose case folding
    is one character beyond ASCII (Cyrillic, Polish ``ł``, CJK: ``写道``), so that a substring test
    of the folded text is implied by any case-insensitive match of the ``regex`` module."""
    char = chr(code)
    if code < 128:
        return char.isprintable()
    folded = char.casefold()
    return char.isalpha() and len(folded) == 1 and ord(folded) >= 128


def _weight(word: str) -> int:
    """How selective ``word`` is: its length, a character beyond ASCII counting twice (``写道`` is 4)."""
    return sum(1 if ord(c) < 128 else 2 for c in word)


def _better(a: Need, b: Need) -> Need:
    """The more selective of two requirements (longest shortest word, then fewest words)."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(_weight(s) for s in a), -len(a))
    kb = (min(_weight(s) for s in b), -len(b))
    return a if ka >= kb else b


def _sequence(items: list[tuple[Any, Any]]) -> Need:
    best: Need = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        name = str(op)
        if name == "LITERAL" and _literal_char(av):
            run.append(chr(av).casefold())
            continue
        close_run()
        best = _better(best, _item(name, av))
    close_run()
    return best


def _item(name: str, av: Any) -> Need:
    if name == "SUBPATTERN":
        return _sequence(list(av[-1]))
    if name == "ATOMIC_GROUP":
        return _sequence(list(av))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if name == "BRANCH":
        union: set[str] = set()
        for alternative in av[1]:
            need = _sequence(list(alternative))
            if need is None:
                return None  # one branch needs nothing: the whole alternation needs nothing
            union |= need
        return frozenset(union)
    return None  # classes, anchors, look-arounds, back-references: no literal required


#: a run of white space holding a line break, tried at a run's start only (linear on long runs):
#: ``WRAPPED.sub(" ", text)`` joins wrapped lines, so a phrase broken over two lines still matches
WRAPPED = discipline.compile(r"(?<!\s)[^\S\n]*+\n\s*+")
