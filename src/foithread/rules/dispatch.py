"""How a rule table finds the rules worth trying on a line, quickly (speed-ups only).

:class:`_Index` holds every required word of a table (tested once per line, see
:mod:`foithread.rules.literals`) and :class:`_Prefilter` the table's rules as one or two combined
patterns. Both are built on a table's first use, never at import. ``built_in`` is the set of
``(pattern, case_sensitive)`` of the built-in rules: a combined pattern made of those only (each
growth-tested, as are the combined patterns of the built-in tables) is matched without a timeout
unless ``Limits.regex_timeout`` is below :data:`MATCH_TIMEOUT`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from foithread import discipline

if TYPE_CHECKING:
    from foithread.rules import Rule

#: seconds any single rule may spend on one line before it is taken as not matching
MATCH_TIMEOUT = discipline.LINE_TIMEOUT

_BACKREFERENCE = discipline.compile(r"\\(?:[1-9]|g<)")


@attrs.frozen
class _Prefilter:
    """All rules of a table as (at most) two combined patterns: one C-level call says whether
    any rule could match. Rules the combination cannot express (backreferences) are kept
    apart and tried one by one; a combined pattern that times out answers "maybe"."""

    anchored: regex.Pattern[str] | None
    floating: regex.Pattern[str] | None
    apart: tuple[Rule, ...]
    #: matched with a timeout (the table holds a rule that is not a growth-tested built-in one)
    timed: bool = True

    @classmethod
    def build(cls, rules: tuple[Rule, ...], built_in: frozenset[tuple[str, bool]]) -> _Prefilter | None:
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
                any((r.pattern, r.case_sensitive) not in built_in for r in rules),
            )
        except regex.error:
            return None  # a rule the combination cannot hold: every rule is tried on its own

    #: longer lines are not pre-checked (the rules are tried one by one, each linear): a combined
    #: pattern of many ``\s*…`` branches re-scans a long white-space run once per branch
    MAX_LINE = 1_000

    def may_match(self, line: str) -> bool:
        if len(line) > self.MAX_LINE:
            return True
        context = discipline.current()
        if not self.timed and context.regex_timeout >= MATCH_TIMEOUT:
            if self.anchored is not None and self.anchored.match(line):
                return True
            if self.floating is not None and self.floating.search(line):
                return True
            return any(rule.search(line) for rule in self.apart)
        timeout = context.timeout(MATCH_TIMEOUT)
        try:
            if self.anchored is not None and self.anchored.match(line, timeout=timeout):
                return True
            if self.floating is not None and self.floating.search(line, timeout=timeout):
                return True
        except TimeoutError:
            return True  # a speed-up only: the rules are then tried one by one (nothing is lost)
        return any(rule.search(line) for rule in self.apart)


@attrs.frozen
class _Index:
    """What :meth:`RuleTable.candidates` reads: every required word of the table (tested once
    per line), each rule with its words, the rules without any (always candidates) and the
    combined pattern."""

    words: tuple[str, ...]
    needs: tuple[tuple[Rule, frozenset[str] | None], ...]
    unknown: tuple[Rule, ...]
    prefilter: _Prefilter | None

    @classmethod
    def build(cls, rules: tuple[Rule, ...], combine: bool, built_in: frozenset[tuple[str, bool]]) -> _Index:
        needs = tuple((r, None if r.literals is None else frozenset(r.literals)) for r in rules)
        words = tuple(dict.fromkeys(w for _, need in needs for w in sorted(need or ())))
        unknown = tuple(r for r, need in needs if need is None)
        return cls(words, needs, unknown, _Prefilter.build(rules, built_in) if combine else None)
