"""The classification phrase tables, kept under their old module name: see :mod:`foithread.rules.cues`."""

from __future__ import annotations

from foithread.rules.cues import TABLES

__all__ = ["TABLES"]
