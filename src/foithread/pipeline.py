"""The pipeline, in one screen: reader parts → drafts → message stages → thread facts.

1. :func:`~foithread.stages.pagehead.without_page_head` takes a request page's head off.
2. :func:`~foithread.stages.drafts.drafts` zones each part (:mod:`~foithread.stages.zoner`),
   labels its structure and splits page text into messages (:mod:`~foithread.stages.segmenter`).
3. The regime the message speaks of is carried forward (:mod:`~foithread.stages.regime`).
4. :data:`MESSAGE_STAGES` turn each draft into a :class:`~foithread.model.Message`.
5. :func:`~foithread.stages.thread_facts.thread_of` folds the messages into the thread.

Every stage is a pure function of its inputs; the per-input time budget is checked after each.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator

import attrs

from foithread import discipline
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Message, Thread
from foithread.readers.base import Document, Part
from foithread.rules import Rules
from foithread.stages.drafts import drafts
from foithread.stages.message import (
    Context,
    Work,
    assemble,
    classify,
    clean,
    decide_outcome,
    extract_facts,
    name_after_closing,
    read_notices,
    strip_bounce_diagnostics,
)
from foithread.stages.pagehead import without_page_head
from foithread.stages.regime import detect_regime
from foithread.stages.thread_facts import thread_of
from foithread.stages.zoner import Zoned

Stage = Callable[[Work], Work]

#: what each message goes through, in order: (name, stage); the time budget is checked after each
MESSAGE_STAGES: tuple[tuple[str, Stage], ...] = (
    ("cleaning", clean),
    ("extraction", extract_facts),
    ("classification", classify),
    ("bounce diagnostics", strip_bounce_diagnostics),
    ("outcome", decide_outcome),
    ("assembly", assemble),
    ("notices", read_notices),
)


def run_stages(work: Work, budget: discipline.ParseContext) -> Message:
    """``work`` through :data:`MESSAGE_STAGES`."""
    for name, stage in MESSAGE_STAGES:
        work = stage(work)
        budget.check(name, work.index)
    assert work.message is not None
    return work.message


def iter_messages(
    parts: Iterable[Part],
    rules: Rules,
    requester: str | None = None,
    initial_regime: str | None = None,
    *,
    authority: str | None = None,
    paged: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    warnings: list[str] | None = None,
    budget_each: bool = False,
    source: str | None = None,
    format: str | None = None,
) -> Iterator[Message]:
    """Messages one by one from reader parts (which may be a lazy stream).

    ``authority``: the authority the request went to, when the input names it; ``paged``: the
    parts are a request page whose head (title, status) was taken off.

    The work on each message runs under a :class:`~foithread.discipline.ParseContext` made
    from ``limits`` (regex timeout, ``max_seconds_per_input`` for the whole stream, or for each
    message when ``budget_each``); a pattern timeout is appended to ``warnings``.
    """
    context = Context(rules, requester_name=requester, regime=initial_regime, authority=authority, paged=paged)
    budget = _budget(limits, source, format)
    pending = drafts(parts, rules)
    for index in itertools.count():
        if budget_each:
            budget = _budget(limits, source, format)
        with discipline.active(budget):  # only while working on this message, never across a yield
            draft = next(pending, None)
            if draft is None:
                return
            budget.check("segmentation", index)
            context = attrs.evolve(context, regime=detect_regime(draft.text, context.regime))
            msg = run_stages(Work(draft, index, context), budget)
        timed_out = budget.take()
        if timed_out and warnings is not None:
            warnings.append(_timeout_warning(timed_out, index))
        context = _after(context, msg, draft.part, draft.zoned)
        yield msg


def _after(context: Context, msg: Message, part: Part, zoned: Zoned) -> Context:
    """What the next message's stages know once ``msg`` is read: the requester's name and
    address (from the request) and the (kind, party) pairs seen so far (bounded, however long
    the mbox)."""
    name, email = context.requester_name, context.requester_email
    if msg.kind == "request":
        if name is None:
            name = msg.signatories[0].name if msg.signatories else name_after_closing(zoned)
        if email is None and part.sender and part.sender.email:
            email = part.sender.email
    earlier = context.earlier | {(msg.kind, msg.party)}
    return attrs.evolve(context, requester_name=name, requester_email=email, earlier=earlier)


def _timeout_warning(timed_out: list[str], index: int) -> str:
    names = ", ".join(timed_out[:5]) + (f" and {len(timed_out) - 5} more" if len(timed_out) > 5 else "")
    return f"regex timeout at message {index} in {names}: result may be incomplete"


def _budget(limits: Limits, source: str | None, format: str | None) -> discipline.ParseContext:
    return discipline.ParseContext.starting_now(limits.regex_timeout, limits.max_seconds_per_input, source, format)


def build_thread(
    doc: Document,
    rules: Rules,
    wrap: Callable[[Iterator[Message]], Iterable[Message]] = iter,
    limits: Limits = DEFAULT_LIMITS,
) -> Thread:
    """The thread of ``doc``; ``wrap`` sees the message stream first (the API caps its length)."""
    paged = without_page_head(doc, rules)
    warnings: list[str] = []
    messages = iter_messages(
        paged.parts,
        rules,
        paged.requester,
        authority=paged.authority,
        paged=paged is not doc,
        limits=limits,
        warnings=warnings,
        source=doc.source,
        format=doc.format,
    )
    return thread_of(paged, list(wrap(messages)), tuple(warnings))
