"""A griffe extension for the documentation site: render foithread's reST-flavoured docstrings.

foithread's docstrings are written for ``help()`` and Sphinx-style readers: roles such as
``:func:`parse``` and ``:class:`~foithread.errors.ParseError```, ``::`` literal blocks and
``>>>`` examples. mkdocstrings renders docstrings as Markdown, where those would show as
literal colons and nested quotes. This extension rewrites them when the package is loaded
(statically: nothing is imported, so optional dependencies such as pandas or dask need not
be installed):

- a role becomes an *optional* autorefs cross-reference when its target is a foithread
  object (a link when that object is documented on some page, plain code otherwise, never a
  strict-mode warning); targets outside foithread become plain code;
- ``text::`` followed by an indented block becomes ``text:`` and a fenced Python block;
- a run of ``>>>`` lines becomes a fenced ``pycon`` block (``# doctest:`` directives dropped);
- an attribute without a docstring takes the ``#:`` comment lines just above it.

Used from ``mkdocs.yml`` (``plugins.mkdocstrings.handlers.python.options.extensions``); not part
of the foithread package.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(func|meth|class|exc|attr|data|const|obj|mod):`(~?)([^`<>]+?)`")
DOCTEST_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$")


def _lookup(pkg: griffe.Module, path: str, depth: int = 0) -> str | None:
    """The canonical path of ``path`` if it names an object of ``pkg``, else None."""
    parts = path.split(".")
    if parts[0] != pkg.name or depth > 10:
        return None
    obj: Any = pkg
    for index, part in enumerate(parts[1:], start=2):
        try:
            obj = obj.members[part]
        except (KeyError, AttributeError):
            return None
        if getattr(obj, "is_alias", False):  # imported or re-exported: follow it within the package
            return _lookup(pkg, ".".join([obj.target_path, *parts[index:]]), depth + 1)
    return obj.path


def _scopes(obj: Any) -> list[str]:
    """Where a bare name in ``obj``'s docstring may live, innermost first."""
    scopes = []
    current = obj if getattr(obj, "is_class", False) or getattr(obj, "is_module", False) else obj.parent
    while current is not None:
        scopes.append(current.path)
        current = current.parent
    return scopes


def _role(pkg: griffe.Module, obj: Any, match: re.Match[str]) -> str:
    kind, tilde, target = match.groups()
    target = target.strip().removesuffix("()")
    title = target.rsplit(".", 1)[-1] if tilde else target
    if kind in ("func", "meth"):
        title += "()"
    candidates = [target] if target.startswith(pkg.name + ".") or target == pkg.name else []
    candidates += [f"{scope}.{target}" for scope in _scopes(obj)]
    for candidate in candidates:
        path = _lookup(pkg, candidate) if candidate != pkg.name else pkg.name
        if path:
            return f'<autoref identifier="{html.escape(path)}" optional><code>{html.escape(title)}</code></autoref>'
    return f"`{title}`"


def _blocks(text: str) -> str:
    """``::`` literal blocks and ``>>>`` examples as fenced code blocks."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if in_fence:
            out.append(line)
            i += 1
            continue
        if line.rstrip().endswith("::") and i + 2 < len(lines) and not lines[i + 1].strip():
            indent = len(line) - len(line.lstrip())
            j = i + 2
            block: list[str] = []
            while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
                block.append(lines[j])
                j += 1
            while block and not block[-1].strip():
                block.pop()
                j -= 1
            if block:
                depth = min(len(b) - len(b.lstrip()) for b in block if b.strip())
                head = line.rstrip()[:-1]
                out.append(head if head.strip() else "")
                out += [
                    "",
                    " " * indent + "```python",
                    *(" " * indent + b[depth:] for b in block),
                    " " * indent + "```",
                ]
                i = j
                continue
        if line.lstrip().startswith(">>>"):
            indent = len(line) - len(line.lstrip())
            j = i
            block = []
            while j < len(lines) and lines[j].strip():
                block.append(DOCTEST_DIRECTIVE.sub("", lines[j][indent:]))
                j += 1
            if out and out[-1].strip():
                out.append("")
            out += [" " * indent + "```pycon", *(" " * indent + b for b in block), " " * indent + "```"]
            i = j
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def convert(pkg: griffe.Module, obj: Any, text: str) -> str:
    """One docstring, rewritten (idempotent)."""
    text = _blocks(text)
    parts = re.split(r"(```.*?```)", text, flags=re.S)  # leave code blocks alone
    return "".join(p if p.startswith("```") else ROLE.sub(lambda m: _role(pkg, obj, m), p) for p in parts)


def _walk(obj: Any, seen: set[int]) -> Any:
    if id(obj) in seen or getattr(obj, "is_alias", False):
        return
    seen.add(id(obj))
    yield obj
    for member in obj.members.values():
        yield from _walk(member, seen)


def _comment_docstring(obj: Any) -> None:
    """Give an attribute without a docstring the ``#:`` comment lines just above it (Sphinx style)."""
    if obj.docstring is not None or not getattr(obj, "is_attribute", False) or not obj.lineno:
        return
    try:
        lines = obj.lines_collection[obj.filepath]
    except (KeyError, AttributeError, TypeError):
        return
    comment: list[str] = []
    index = obj.lineno - 2
    while index >= 0 and lines[index].lstrip().startswith("#:"):
        comment.insert(0, lines[index].lstrip()[2:].removeprefix(" "))
        index -= 1
    if comment:
        obj.docstring = griffe.Docstring("\n".join(comment), lineno=index + 2, parent=obj)


class RstDocstrings(griffe.Extension):
    """Rewrite reST roles, literal blocks and doctests once the whole package is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:  # griffe >= 1.14
        for obj in _walk(pkg, set()):
            _comment_docstring(obj)
            if obj.docstring is not None:
                obj.docstring.value = convert(pkg, obj, obj.docstring.value)

    def on_package_loaded(self, *, pkg: griffe.Module, **kwargs: Any) -> None:  # older griffe
        self.on_package(pkg=pkg)
