"""Rules as data.

Each family of line patterns (greetings, closings, disclaimers, quote headers, footers…) is a
:class:`RuleTable`: an ordered tuple of named :class:`Rule` objects. Tables are immutable;
``table.disable("name")``, ``table.add(rule)`` and ``table.only(...)`` return new tables, and a
:class:`Rules` bundle of tables is handed to :func:`foithread.parse` through ``rules=``::

    import foithread
    from foithread.rules import DEFAULT_RULES, Rule

    mine = DEFAULT_RULES.add("disclaimer_start", Rule("acme", r"^ACME Ltd accepts no liability"))
    thread = foithread.parse(path, rules=mine.disable("marking", "official"))

Patterns use the ``regex`` module and are matched with a timeout, so no rule can hang.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs
import regex

#: seconds any single rule may spend on one line before it is taken as not matching
MATCH_TIMEOUT = 0.25

_FLAGS = regex.IGNORECASE | regex.VERSION1


def _compile(pattern: str, flags: int) -> regex.Pattern[str]:
    return regex.compile(pattern, flags)


def _top_level(pattern: str) -> str:
    """The pattern with bracketed groups and classes blanked out (to find top-level ``|``)."""
    out = []
    depth = 0
    in_class = False
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
            out.append("x")
            continue
        if ch == "\\":
            escaped = True
            out.append("x")
            continue
        if in_class:
            in_class = ch != "]"
            out.append("x")
            continue
        if ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        out.append(ch if depth == 0 and not in_class else "x")
    return "".join(out)


@attrs.frozen
class Rule:
    """One named pattern. ``pattern`` is searched in a single line (without its newline)."""

    name: str
    pattern: str
    case_sensitive: bool = False
    enabled: bool = True
    compiled: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    anchored: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        flags = regex.VERSION1 if self.case_sensitive else _FLAGS
        object.__setattr__(self, "compiled", _compile(self.pattern, flags))
        # ``regex`` tries a ``^…`` pattern at every position under search(); match() does not
        object.__setattr__(self, "anchored", self.pattern.startswith("^") and "|" not in _top_level(self.pattern))

    def search(self, line: str) -> regex.Match[str] | None:
        try:
            if self.anchored:
                return self.compiled.match(line, timeout=MATCH_TIMEOUT)
            return self.compiled.search(line, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match's span (an empty list if the pattern times out)."""
        try:
            return [m.span() for m in self.compiled.finditer(text, timeout=MATCH_TIMEOUT) if m.end() > m.start()]
        except TimeoutError:
            return []


@attrs.frozen
class RuleTable:
    """An ordered, named, immutable list of rules."""

    name: str
    rules: tuple[Rule, ...]
    #: an optional cheap pre-check: a line the gate does not pass cannot match any rule of
    #: the table (a speed-up only; adding a rule drops the gate unless a new one is given)
    gate: Gate | None = None

    def __iter__(self) -> Iterator[Rule]:
        return (r for r in self.rules if r.enabled)

    def passes(self, line: str) -> bool:
        return self.gate is None or self.gate.passes(line)

    def __len__(self) -> int:
        return len(self.rules)

    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def first(self, line: str) -> Rule | None:
        """The first enabled rule that matches ``line``."""
        if self.gate is not None and not self.gate.passes(line):
            return None
        for rule in self:
            if rule.search(line):
                return rule
        return None

    def matches(self, line: str) -> bool:
        return self.first(line) is not None

    def count(self, line: str) -> int:
        if self.gate is not None and not self.gate.passes(line):
            return 0
        return sum(1 for rule in self if rule.search(line))

    def disable(self, *names: str) -> RuleTable:
        unknown = set(names) - set(self.names())
        if unknown:
            raise KeyError(f"no rule named {sorted(unknown)} in table {self.name!r}")
        return attrs.evolve(
            self, rules=tuple(attrs.evolve(r, enabled=False) if r.name in names else r for r in self.rules)
        )

    def enable(self, *names: str) -> RuleTable:
        return attrs.evolve(
            self, rules=tuple(attrs.evolve(r, enabled=True) if r.name in names else r for r in self.rules)
        )

    def add(self, rule: Rule, *, before: str | None = None, gate: Gate | None = None) -> RuleTable:
        """A new table with ``rule`` added (the old gate is dropped unless ``gate`` is given)."""
        rules = list(self.rules)
        index = self.names().index(before) if before else len(rules)
        rules.insert(index, rule)
        return attrs.evolve(self, rules=tuple(rules), gate=gate)


@attrs.frozen
class Gate:
    """Literal words a line must start with or contain for a table to be worth trying.

    Checked on the lower-cased line with plain string operations (no pattern), so that the
    common content line costs almost nothing. Matching is loose on purpose: a gate only has
    to let through every line that any rule of its table could match.
    """

    prefixes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def passes(self, line: str) -> bool:
        low = line.lower()
        if self.prefixes and low.lstrip().startswith(self.prefixes):
            return True
        return any(w in low for w in self.words)


def table(
    name: str,
    entries: Iterable[tuple[str, str]],
    *,
    case_sensitive: bool = False,
    prefixes: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
) -> RuleTable:
    """Build a table from ``(name, pattern)`` pairs, with an optional gate (prefixes/words)."""
    return RuleTable(
        name,
        tuple(Rule(n, p, case_sensitive=case_sensitive) for n, p in entries),
        gate=Gate(prefixes, words) if (prefixes or words) else None,
    )


@attrs.frozen
class Rules:
    """All rule tables the pipeline uses, by table name."""

    tables: tuple[RuleTable, ...]

    def __getitem__(self, name: str) -> RuleTable:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def names(self) -> list[str]:
        return [t.name for t in self.tables]

    def _replace(self, new: RuleTable) -> Rules:
        return Rules(tuple(new if t.name == new.name else t for t in self.tables))

    def disable(self, table_name: str, *rule_names: str) -> Rules:
        return self._replace(self[table_name].disable(*rule_names))

    def add(self, table_name: str, rule: Rule, *, before: str | None = None) -> Rules:
        return self._replace(self[table_name].add(rule, before=before))


def _default() -> Rules:
    from foithread.rules import lines, phrases, structure

    return Rules(lines.TABLES + phrases.TABLES + structure.TABLES)


DEFAULT_RULES: Rules = _default()

__all__ = ["DEFAULT_RULES", "MATCH_TIMEOUT", "Gate", "Rule", "RuleTable", "Rules", "table"]
