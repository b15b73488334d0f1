"""Command-line values that stand for Python objects: ``--limit NAME=VALUE`` and ``--rules MODULE:ATTR``.

Each parser raises :class:`argparse.ArgumentTypeError` with a message that says what is
accepted, so a bad value is a usage error (exit status 2), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from foithread import discipline
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.rules import Rules

__all__ = ["LIMIT_NAMES", "limit_setting", "limits_from", "rules_from"]

#: every field of :class:`~foithread.limits.Limits`, the names ``--limit`` accepts
LIMIT_NAMES = tuple(field.name for field in attrs.fields(Limits))
_NUMBER = discipline.compile(
    r"(?P<number>[0-9][0-9_]*+(?:\.[0-9]++)?|\.[0-9]++)(?:[eE](?P<exp>[+-]?[0-9]{1,3}))?(?P<unit>[KMG]i?B?)?",
    anchored=True,
    why="fullmatch of one command-line value; possessive runs",
)
_UNITS = {"K": 1024, "M": 1024**2, "G": 1024**3}


def limit_setting(text: str) -> tuple[str, int | float]:
    """``NAME=VALUE`` as ``(name, value)``: ``NAME`` a field of Limits, ``VALUE`` a positive
    number (``_`` separators, an exponent, and ``K``/``M``/``G`` (KiB, MiB, GiB) allowed)."""
    name, sep, raw = text.partition("=")
    name = name.strip().replace("-", "_")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, not {text!r}; NAME is one of {', '.join(LIMIT_NAMES)}")
    if name not in LIMIT_NAMES:
        raise argparse.ArgumentTypeError(f"unknown limit {name!r}; valid names: {', '.join(LIMIT_NAMES)}")
    match = _NUMBER.fullmatch(raw.strip())
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{name}: {raw!r} is not a number (e.g. {name}={getattr(DEFAULT_LIMITS, name)})"
        )
    number = float(match["number"].replace("_", "")) * 10 ** int(match["exp"] or 0)
    if match["unit"]:
        number *= _UNITS[match["unit"][0]]
    whole = isinstance(getattr(DEFAULT_LIMITS, name), int)
    if whole and number != int(number):
        raise argparse.ArgumentTypeError(f"{name} takes a whole number, not {raw!r}")
    value = int(number) if whole else number
    try:
        attrs.evolve(DEFAULT_LIMITS, **{name: value})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return name, value


def limits_from(settings: Iterable[tuple[str, int | float]] | None) -> Limits | None:
    """The Limits that ``--limit`` settings make (later ones win), or ``None`` for none."""
    chosen: dict[str, Any] = dict(settings or ())
    return attrs.evolve(DEFAULT_LIMITS, **chosen) if chosen else None


def rules_from(spec: str) -> Rules:
    """The :class:`~foithread.rules.Rules` that ``MODULE:ATTR`` names (``ATTR`` may be dotted).

    ``MODULE`` is imported as Python would, with the current directory first on the path (as
    ``python -m`` has it), or is a ``.py`` file. ``ATTR`` is a Rules object, or a function
    taking no arguments that returns one.
    """
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise argparse.ArgumentTypeError(f"expected MODULE:ATTR (e.g. myrules:RULES), not {spec!r}")
    try:
        module = _import(module_name)
    except Exception as exc:
        raise argparse.ArgumentTypeError(f"cannot import {module_name!r}: {type(exc).__name__}: {exc}") from None
    found: object = module
    for part in attr.split("."):
        if not hasattr(found, part):
            raise argparse.ArgumentTypeError(f"{module_name!r} has no attribute {attr!r}")
        found = getattr(found, part)
    if callable(found) and not isinstance(found, Rules):
        try:
            found = found()
        except Exception as exc:
            raise argparse.ArgumentTypeError(f"{spec}() failed: {type(exc).__name__}: {exc}") from None
    if not isinstance(found, Rules):
        raise argparse.ArgumentTypeError(
            f"{spec} is a {type(found).__name__}, not foithread.Rules (build one from foithread.DEFAULT_RULES)"
        )
    return found


def _import(name: str) -> object:
    if name.endswith(".py"):
        path = Path(name)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None or not path.is_file():
            raise FileNotFoundError(f"no such file: {name}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    here = os.getcwd()
    if here not in sys.path:
        sys.path.insert(0, here)  # as `python -m foithread` has it: a rules module beside the data
    return importlib.import_module(name)
