"""Rules as data.

Each family of line patterns (greetings, closings, disclaimers, quote headers, footers…) is a
:class:`RuleTable`: an ordered tuple of named :class:`Rule` objects. Tables are immutable;
``table.disable("name")``, ``table.enable("name")`` and ``table.add(rule)`` return new tables, and a
:class:`Rules` bundle of tables is handed to :func:`foithread.parse` through ``rules=``::

    import foithread
    from foithread.rules import DEFAULT_RULES, Rule

    mine = DEFAULT_RULES.add("disclaimer_start", Rule("acme", r"^ACME Ltd accepts no liability"))
    thread = foithread.parse(path, rules=mine.disable("marking", "official"))

Patterns use the ``regex`` module and are matched with a timeout, so no rule can hang; a rule
that times out counts as not matching and the timeout becomes a warning of the thread (see
:mod:`foithread.discipline`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs
import regex

from foithread import discipline
from foithread.rules.literals import fold, required_literals

#: seconds any single rule may spend on one line before it is taken as not matching
MATCH_TIMEOUT = discipline.LINE_TIMEOUT

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


def _lines(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class Rule:
    """One named pattern. ``pattern`` is searched in a single line (without its newline)."""

    name: str
    pattern: str
    case_sensitive: bool = False
    enabled: bool = True
    #: how much a match counts where matches are weighed (the classifier's cue tables); 1 elsewhere
    weight: float = 1.0
    #: lines the rule must match and lines it must not (checked by :meth:`RuleTable.check`)
    examples: tuple[str, ...] = attrs.field(default=(), converter=_lines, repr=False, eq=False)
    counterexamples: tuple[str, ...] = attrs.field(default=(), converter=_lines, repr=False, eq=False)
    compiled: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    anchored: bool = attrs.field(init=False, repr=False, eq=False)
    #: lower-case words one of which every match contains (None: not known); see :mod:`.literals`
    literals: tuple[str, ...] | None = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        flags = regex.VERSION1 if self.case_sensitive else _FLAGS
        object.__setattr__(self, "compiled", _compile(self.pattern, flags))
        # ``regex`` tries a ``^…`` pattern at every position under search(); match() does not
        object.__setattr__(self, "anchored", self.pattern.startswith("^") and "|" not in _top_level(self.pattern))
        object.__setattr__(self, "literals", required_literals(self.pattern))

    def possible(self, folded: str) -> bool:
        """False when ``folded`` (the text through :func:`.literals.fold`) lacks every required word."""
        return self.literals is None or any(word in folded for word in self.literals)

    def search(self, line: str) -> regex.Match[str] | None:
        """The match in ``line`` (None, also on timeout: recorded in the current parse)."""
        timeout = discipline.current().timeout(MATCH_TIMEOUT)
        try:
            if self.anchored:
                return self.compiled.match(line, timeout=timeout)
            return self.compiled.search(line, timeout=timeout)
        except TimeoutError:
            discipline.timed_out(f"rule {self.name!r}")
            return None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match's span (an empty list on timeout, recorded)."""
        try:
            found = self.compiled.finditer(text, timeout=discipline.current().timeout(MATCH_TIMEOUT))
            return [m.span() for m in found if m.end() > m.start()]
        except TimeoutError:
            discipline.timed_out(f"rule {self.name!r}")
            return []


@attrs.frozen
class RuleTable:
    """An ordered, named, immutable list of rules."""

    name: str
    rules: tuple[Rule, ...]
    #: an optional cheap pre-check: a line the gate does not pass cannot match any rule of
    #: the table (a speed-up only; adding a rule drops the gate unless a new one is given)
    gate: Gate | None = None
    #: try all enabled rules at once with one combined pattern before trying them one by one
    #: (a speed-up only, never a change of result; off for tables where it measured slower)
    combine: bool = True
    _enabled: tuple[Rule, ...] = attrs.field(init=False, repr=False, eq=False)
    _any: _Prefilter | None = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        enabled = tuple(r for r in self.rules if r.enabled)
        object.__setattr__(self, "_enabled", enabled)
        object.__setattr__(self, "_any", _Prefilter.build(enabled) if self.combine else None)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._enabled)

    def candidates(self, line: str, folded: str | None = None, *, combined: bool = True) -> list[Rule]:
        """The enabled rules that could match ``line``, in order; rules left out cannot match.

        Cheapest first: the table's gate, each rule's required words (substring tests on the
        case-folded line), then, when several rules remain, one combined pattern for them all.
        """
        if folded is None:
            folded = fold(line)
        if self.gate is not None and not self.gate.passes_folded(folded):
            return []
        chosen = [rule for rule in self._enabled if rule.possible(folded)]
        if combined and len(chosen) > 2 and self._any is not None and not self._any.may_match(line):
            return []
        return chosen

    def passes(self, line: str) -> bool:
        return self.gate is None or self.gate.passes(line)

    def __len__(self) -> int:
        return len(self.rules)

    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def first(self, line: str, folded: str | None = None) -> Rule | None:
        """The first enabled rule that matches ``line`` (``folded``: ``fold(line)`` if known)."""
        for rule in self.candidates(line, folded):
            if rule.search(line):
                return rule
        return None

    def matches(self, line: str) -> bool:
        return self.first(line) is not None

    def count(self, line: str) -> int:
        """How many enabled rules match ``line``."""
        return sum(1 for rule in self.candidates(line) if rule.search(line))

    def hits(self, text: str, folded: str | None = None) -> set[str]:
        """The names of the enabled rules that match ``text`` (every candidate is tried anyway,
        so the combined pattern would only add a pass)."""
        return {rule.name for rule in self.candidates(text, folded, combined=False) if rule.search(text)}

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

    def check(self) -> list[str]:
        """What is wrong with the rules' own ``examples`` and ``counterexamples``: an example
        the rule does not match (or that the table's gate turns away before the rule is tried),
        a counterexample it matches. Empty when every rule keeps its word."""
        problems = []
        for rule in self.rules:
            for line in rule.examples:
                if not self.passes(line):
                    problems.append(f"{self.name}.{rule.name}: the gate turns away its example {line!r}")
                elif not rule.search(line):
                    problems.append(f"{self.name}.{rule.name}: does not match its example {line!r}")
            problems.extend(
                f"{self.name}.{rule.name}: matches its counterexample {line!r}"
                for line in rule.counterexamples
                if rule.search(line)
            )
        return problems

    def add(self, rule: Rule, *, before: str | None = None, gate: Gate | None = None) -> RuleTable:
        """A new table with ``rule`` added (the old gate is dropped unless ``gate`` is given)."""
        rules = list(self.rules)
        index = self.names().index(before) if before else len(rules)
        rules.insert(index, rule)
        return attrs.evolve(self, rules=tuple(rules), gate=gate)


_BACKREFERENCE = discipline.compile(r"\\(?:[1-9]|g<)")


@attrs.frozen
class _Prefilter:
    """All rules of a table as (at most) two combined patterns: one C-level call says whether
    any rule could match. Rules the combination cannot express (backreferences) are kept
    apart and tried one by one; a combined pattern that times out answers "maybe"."""

    anchored: regex.Pattern[str] | None
    floating: regex.Pattern[str] | None
    apart: tuple[Rule, ...]

    @classmethod
    def build(cls, rules: tuple[Rule, ...]) -> _Prefilter | None:
        apart = tuple(r for r in rules if _BACKREFERENCE.search(r.pattern))
        joined = [r for r in rules if r not in apart]

        def combined(chosen: list[Rule], strip: bool) -> regex.Pattern[str] | None:
            if not chosen:
                return None
            branches = (
                ("(?-i:{})" if r.case_sensitive else "(?i:{})").format(r.pattern[1:] if strip else r.pattern)
                for r in chosen
            )
            return regex.compile("|".join(branches), regex.VERSION1)

        try:
            return cls(
                combined([r for r in joined if r.anchored], True),
                combined([r for r in joined if not r.anchored], False),
                apart,
            )
        except regex.error:
            return None  # a rule the combination cannot hold: every rule is tried on its own

    #: longer lines are not pre-checked (the rules are tried one by one, each linear): a combined
    #: pattern of many ``\s*…`` branches re-scans a long white-space run once per branch
    MAX_LINE = 1_000

    def may_match(self, line: str) -> bool:
        if len(line) > self.MAX_LINE:
            return True
        timeout = discipline.current().timeout(MATCH_TIMEOUT)
        try:
            if self.anchored is not None and self.anchored.match(line, timeout=timeout):
                return True
            if self.floating is not None and self.floating.search(line, timeout=timeout):
                return True
        except TimeoutError:
            return True  # a speed-up only: the rules are then tried one by one (nothing is lost)
        return any(rule.search(line) for rule in self.apart)


@attrs.frozen
class Gate:
    """Literal words a line must start with or contain for a table to be worth trying.

    Checked on the lower-cased line with plain string operations (no pattern), so that the
    common content line costs almost nothing. Matching is loose on purpose: a gate only has
    to let through every line that any rule of its table could match.
    """

    prefixes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "prefixes", tuple(fold(p) for p in self.prefixes))
        object.__setattr__(self, "words", tuple(fold(w) for w in self.words))

    def passes(self, line: str) -> bool:
        return self.passes_folded(fold(line))

    def passes_folded(self, folded: str) -> bool:
        """:meth:`passes` for a line already through :func:`.literals.fold`."""
        if self.prefixes and folded.lstrip().startswith(self.prefixes):
            return True
        return any(w in folded for w in self.words)


def table(
    name: str,
    entries: Iterable[tuple[str, str] | tuple[str, str, float]],
    *,
    case_sensitive: bool = False,
    prefixes: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
    combine: bool = True,
    examples: Mapping[str, Iterable[str]] | None = None,
    counterexamples: Mapping[str, Iterable[str]] | None = None,
) -> RuleTable:
    """Build a table from ``(name, pattern)`` pairs or ``(name, pattern, weight)`` triples, with an
    optional gate (prefixes/words) and, by rule name, lines each rule must match (``examples``) and
    must not (``counterexamples``)."""
    rows = [(n, p, float(w[0]) if w else 1.0) for n, p, *w in entries]
    good = {rule: tuple(lines) for rule, lines in (examples or {}).items()}
    bad = {rule: tuple(lines) for rule, lines in (counterexamples or {}).items()}
    unknown = (set(good) | set(bad)) - {n for n, _, _ in rows}
    if unknown:
        raise KeyError(f"examples for no rule of table {name!r}: {sorted(unknown)}")
    return RuleTable(
        name,
        tuple(
            Rule(
                n,
                p,
                case_sensitive=case_sensitive,
                weight=w,
                examples=good.get(n, ()),
                counterexamples=bad.get(n, ()),
            )
            for n, p, w in rows
        ),
        gate=Gate(prefixes, words) if (prefixes or words) else None,
        combine=combine,
    )


@attrs.frozen(repr=False)
class Rules:
    """All rule tables the pipeline uses, by table name."""

    tables: tuple[RuleTable, ...]
    _by_name: dict[str, RuleTable] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {t.name: t for t in self.tables})

    def __getitem__(self, name: str) -> RuleTable:
        return self._by_name[name]

    def names(self) -> list[str]:
        return [t.name for t in self.tables]

    def check(self) -> list[str]:
        """Every rule's examples and counterexamples checked (:meth:`RuleTable.check`), for
        the tables here and the rules a user added to them; empty when all hold."""
        return [problem for t in self.tables for problem in t.check()]

    def __repr__(self) -> str:  # short: the tables hold hundreds of patterns
        return f"<Rules: {len(self.tables)} tables, {sum(len(t.rules) for t in self.tables)} rules>"

    def _replace(self, new: RuleTable) -> Rules:
        return Rules(tuple(new if t.name == new.name else t for t in self.tables))

    def disable(self, table_name: str, *rule_names: str) -> Rules:
        return self._replace(self[table_name].disable(*rule_names))

    def add(self, table_name: str, rule: Rule, *, before: str | None = None) -> Rules:
        return self._replace(self[table_name].add(rule, before=before))


def _default() -> Rules:
    from foithread.rules import attachments, cues, lines, pagetext, structure

    return Rules(lines.TABLES + cues.TABLES + structure.TABLES + pagetext.TABLES + attachments.TABLES)


#: every built-in table (line, phrase and structure rules): what ``parse`` uses unless given ``rules=``
DEFAULT_RULES: Rules = _default()


def rules_or_default(rules: Rules | None) -> Rules:
    """``rules``, or :data:`DEFAULT_RULES` for ``None`` (what every public ``rules=`` means by it)."""
    return DEFAULT_RULES if rules is None else rules


__all__ = ["DEFAULT_RULES", "MATCH_TIMEOUT", "Gate", "Rule", "RuleTable", "Rules", "rules_or_default", "table"]
