"""The package's shape: no import cycle among modules at import time, and no module past
~400 lines (the layout shows the pipeline; a module that grows past that is split)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "foithread"
MAX_LINES = 420


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_at_import_time(path: Path) -> set[str]:
    """The package modules ``path`` imports when it is imported: module-level statements, not
    function bodies (deferred on purpose) nor ``if TYPE_CHECKING:`` blocks."""
    out: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for n in ast.walk(node):
            if isinstance(n, ast.Import):
                out.update(a.name for a in n.names if a.name in MODULES)
            elif isinstance(n, ast.ImportFrom) and n.module in MODULES:
                subs = [f"{n.module}.{a.name}" for a in n.names if f"{n.module}.{a.name}" in MODULES]
                out.update(subs)
                if len(subs) < len(n.names):
                    out.add(n.module)
    return out - {module_name(path)}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_at_import_time() -> None:
    graph = {name: imports_at_import_time(path) for name, path in MODULES.items()}
    assert cycles(graph) == []


def test_no_module_is_too_long() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_stages_are_where_the_tree_says() -> None:
    stages = {name.removeprefix("foithread.stages.") for name in MODULES if name.startswith("foithread.stages.")}
    for stage in ("drafts", "zoner", "segmenter", "cleaner", "message", "classifier", "extract", "thread_facts"):
        assert stage in stages
