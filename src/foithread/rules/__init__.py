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
from foithread.rules.dispatch import MATCH_TIMEOUT, _Index, _Prefilter
from foithread.rules.literals import fold, required_literals

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
    """One named pattern. ``pattern`` is searched in a single line (without its newline).

    The pattern is compiled, and its required literals read, on first use (so that importing
    foithread compiles nothing); :meth:`RuleTable.add` compiles a rule it is given at once, so a
    bad pattern is reported where it is added. A rule whose pattern is one of the built-in rules'
    (each growth-tested on worst cases by ``tests/test_reliability_patterns.py``) is matched
    without a timeout (passing one costs more than most matches), unless ``Limits.regex_timeout``
    is set below :data:`MATCH_TIMEOUT`; any other rule is always matched with one.
    """

    name: str
    pattern: str
    case_sensitive: bool = False
    enabled: bool = True
    #: how much a match counts where matches are weighed (the classifier's cue tables); 1 elsewhere
    weight: float = 1.0
    #: lines the rule must match and lines it must not (checked by :meth:`RuleTable.check`)
    examples: tuple[str, ...] = attrs.field(default=(), converter=_lines, repr=False, eq=False)
    counterexamples: tuple[str, ...] = attrs.field(default=(), converter=_lines, repr=False, eq=False)

    anchored: bool = attrs.field(init=False, repr=False, eq=False)
    _compiled: regex.Pattern[str] | None = attrs.field(init=False, default=None, repr=False, eq=False)
    #: matched with a timeout (not one of the growth-tested built-in patterns); set on compiling
    _timed: bool = attrs.field(init=False, default=True, repr=False, eq=False)
    _literals: tuple[tuple[str, ...] | None] | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # ``regex`` tries a ``^…`` pattern at every position under search(); match() does not
        object.__setattr__(self, "anchored", self.pattern.startswith("^") and "|" not in _top_level(self.pattern))

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled on first use)."""
        return self._compiled or self._compile()

    def _compile(self) -> regex.Pattern[str]:
        flags = regex.VERSION1 if self.case_sensitive else _FLAGS
        compiled = _compile(self.pattern, flags)
        object.__setattr__(self, "_timed", (self.pattern, self.case_sensitive) not in _built_in())
        object.__setattr__(self, "_compiled", compiled)
        return compiled

    @property
    def literals(self) -> tuple[str, ...] | None:
        """Lower-case words one of which every match contains (None: not known); see :mod:`.literals`."""
        known = self._literals
        if known is None:
            known = (required_literals(self.pattern),)
            object.__setattr__(self, "_literals", known)
        return known[0]

    def possible(self, folded: str) -> bool:
        """False when ``folded`` (the text through :func:`.literals.fold`) lacks every required word."""
        words = self.literals
        return words is None or any(word in folded for word in words)

    def search(self, line: str) -> regex.Match[str] | None:
        """The match in ``line`` (None, also on timeout: recorded in the current parse)."""
        compiled = self._compiled or self._compile()
        context = discipline.current()
        if not self._timed and context.regex_timeout >= MATCH_TIMEOUT:
            return compiled.match(line) if self.anchored else compiled.search(line)
        timeout = context.timeout(MATCH_TIMEOUT)
        try:
            if self.anchored:
                return compiled.match(line, timeout=timeout)
            return compiled.search(line, timeout=timeout)
        except TimeoutError:
            discipline.timed_out(f"rule {self.name!r}")
            return None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match's span (an empty list on timeout, recorded)."""
        compiled = self._compiled or self._compile()
        context = discipline.current()
        if not self._timed and context.regex_timeout >= MATCH_TIMEOUT:
            return [m.span() for m in compiled.finditer(text) if m.end() > m.start()]
        try:
            found = compiled.finditer(text, timeout=context.timeout(MATCH_TIMEOUT))
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
    _index: _Index | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_enabled", tuple(r for r in self.rules if r.enabled))

    def _build(self) -> _Index:
        """The table's literals and combined pattern, made on first use (never at import)."""
        index = _Index.build(self._enabled, self.combine, _built_in())
        object.__setattr__(self, "_index", index)
        return index

    @property
    def _any(self) -> _Prefilter | None:
        return (self._index or self._build()).prefilter

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._enabled)

    def compile(self) -> None:
        """Compile every enabled rule and the table's shortcuts now (they are made on first use)."""
        self._index or self._build()
        for rule in self._enabled:
            rule.compiled  # noqa: B018 - compiles it

    def candidates(self, line: str, folded: str | None = None, *, combined: bool = True) -> list[Rule]:
        """The enabled rules that could match ``line``, in order; rules left out cannot match.

        Cheapest first: the table's gate, each rule's required words (substring tests on the
        case-folded line), then, when several rules remain, one combined pattern for them all.
        """
        if folded is None:
            folded = fold(line)
        if self.gate is not None and not self.gate.passes_folded(folded):
            return []
        index = self._index or self._build()
        present = {word for word in index.words if word in folded}  # one pass for the whole table
        if present:
            chosen = [rule for rule, words in index.needs if words is None or not present.isdisjoint(words)]
        else:
            chosen = list(index.unknown)
        prefilter = index.prefilter
        if combined and len(chosen) > 2 and prefilter is not None and not prefilter.may_match(line):
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
        rule.compiled  # noqa: B018 - a bad pattern is reported here, not at the first parse
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

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "prefixes", tuple(fold(p) for p in self.prefixes))
        object.__setattr__(self, "words", tuple(fold(w) for w in self.words))

    def passes(self, line: str) -> bool:
        return self.passes_folded(fold(line))

    def passes_folded(self, folded: str) -> bool:
        """:meth:`passes` for a line already through :func:`.literals.fold`."""
        if self.prefixes and folded.lstrip().startswith(self.prefixes):
            return True
        for word in self.words:  # noqa: SIM110 - a loop, not any(): this runs for every line of every table
            if word in folded:
                return True
        return False


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

    def compile(self) -> None:
        """Compile every table now (e.g. before forking workers, which then inherit the patterns)."""
        for t in self.tables:
            t.compile()

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


#: (pattern, case_sensitive) of every built-in rule: each is growth-tested, so matched without a timeout
_BUILT_IN: frozenset[tuple[str, bool]] = frozenset(
    (rule.pattern, rule.case_sensitive) for t in DEFAULT_RULES.tables for rule in t.rules
)


def _built_in() -> frozenset[tuple[str, bool]]:
    """:data:`_BUILT_IN` (empty while the built-in tables are being made: timed until then)."""
    known: frozenset[tuple[str, bool]] = globals().get("_BUILT_IN", frozenset())
    return known


__all__ = ["DEFAULT_RULES", "MATCH_TIMEOUT", "Gate", "Rule", "RuleTable", "Rules", "rules_or_default", "table"]
