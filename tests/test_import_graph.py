"""The plugin's import graph: no cycles, and every arrow points down.

buero is the shared core; angebote, events and opendata build on it, the host project
(buero_site, formerly home) on all of them. Where buero must reach into an app, it offers a
Wagtail hook that the app registers in its wagtail_hooks.py (see buero/sections.py).

Every ``.py`` file of the four apps is parsed (migrations aside) and every import counts,
also one inside a function: moved into a function body, an import is still a dependency,
only a hidden one. So does a dotted path in a string (``import_string``, a class attribute
naming a class to load). Imports under ``if TYPE_CHECKING:`` never run and are left out.

An import names one module: ``from a.b import c`` is the module a.b.c where there is one,
else a.b (a package's ``__init__``, a module of its own, which depends on what it imports).
"""

import ast
import re
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The plugin's import packages, core first.
PACKAGES = ("buero", "angebote", "events", "opendata", "impact")
APPS = ("angebote", "events", "opendata", "impact")
#: The host project; the plugin's apps never import it (home is its old name).
HOST = ("buero_site", "home")
#: A string that is nothing but a dotted path into one of these packages.
DOTTED_PATH = re.compile(rf"^(?:{'|'.join(PACKAGES + HOST)})(?:\.[A-Za-z_]\w*)+$")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield path


def is_type_checking(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def is_urlconf(node):
    """``request.urlconf = "x.urls"``: the URLconf that Django resolves this request's
    addresses with, named like a URL name in ``reverse()``, not code the module uses."""
    return isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Attribute) and target.attr == "urlconf" for target in node.targets
    )


def walk(node):
    """Every node below ``node``, minus the bodies of ``if TYPE_CHECKING:`` (not their else)
    and URLconf assignments."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and is_type_checking(child.test):
            for other in child.orelse:
                yield other
                yield from walk(other)
            continue
        if is_urlconf(child):
            continue
        yield child
        yield from walk(child)


def references(path, module):
    """(line, origin, name) of everything the file imports: ``from x import y`` gives
    (x, y), ``import x`` gives (x, None), a dotted path in a string (x, "")."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            origin = node.module
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                yield node.lineno, origin, alias.name
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and DOTTED_PATH.match(node.value)
        ):
            # import_module("x.y"), import_string("x.y.Class"), include("x.urls") ...
            yield node.lineno, node.value, ""


def resolve(origin, name, files):
    """The module that an import names (see the module docstring), None for a string that
    names no module below a top-level package ("buero.OfficePage": an app and a model)."""
    if name:
        return f"{origin}.{name}" if f"{origin}.{name}" in files else origin
    if name is None or top(origin) in HOST:
        return origin
    parts = origin.split(".")
    prefixes = (".".join(parts[:size]) for size in range(len(parts), 1, -1))
    return next((prefix for prefix in prefixes if prefix in files), None)


def build_graph():
    """The modules, {module: {imported module: line}} among them, and every import as
    (module, line, imported module), also of modules outside the four packages."""
    files = {module_name(path): path for path in source_files()}
    graph, imports = {}, []
    for module, path in files.items():
        edges = graph.setdefault(module, {})
        for line, origin, name in references(path, module):
            target = resolve(origin, name, files)
            if target is None:
                continue
            imports.append((module, line, target))
            if target in files and target != module:
                edges.setdefault(target, line)
    return files, graph, imports


def strongly_connected(graph):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def shortest_cycle(graph, component):
    """One cycle through the component's first module, as "a:12 -> b:3 -> a" (the line of
    each import)."""
    start, members = component[0], set(component)
    paths, queue = {start: [start]}, [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target == start:
                path = [*paths[node], start]
                steps = [f"{a}:{graph[a][b]}" for a, b in pairwise(path)]
                return " -> ".join([*steps, start])
            if target in members and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(component)


def top(name):
    return name.split(".")[0]


def test_the_parser_sees_hidden_imports_and_skips_type_checking(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import os.path\n"
        "if TYPE_CHECKING:\n"
        "    from angebote.models import Offer\n"
        "else:\n"
        "    import json\n"
        "def later():\n"
        "    from .printing import qr_svg\n"
        "    importlib.import_module('events.feeds')\n"
        "    request.urlconf = 'opendata.urls'\n"
        "filter_class = 'angebote.filters.OfferFilter'\n"
        "label = 'buero_angebote.topic'\n",
        encoding="utf-8",
    )
    found = {(origin, name) for _line, origin, name in references(source, "buero.sample")}
    assert found == {
        ("typing", "TYPE_CHECKING"),
        ("os.path", None),
        ("json", None),
        ("buero.printing", "qr_svg"),
        ("events.feeds", ""),
        ("angebote.filters.OfferFilter", ""),
    }


def test_no_import_cycles():
    _files, graph, _imports = build_graph()
    cycles = [
        f"{shortest_cycle(graph, component)}  (all of: {', '.join(component)})"
        for component in strongly_connected(graph)
    ]
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


@pytest.mark.parametrize(
    ("importers", "forbidden"),
    [(("buero",), (*APPS, *HOST)), (APPS, HOST)],
    ids=["buero imports no app and no host project", "the apps import no host project"],
)
def test_imports_point_down(importers, forbidden):
    _files, _graph, imports = build_graph()
    upward = [
        f"{module}:{line} imports {target}"
        for module, line, target in imports
        if top(module) in importers and top(target) in forbidden
    ]
    assert not upward, "imports against the layering:\n" + "\n".join(upward)


def test_only_templates_load_template_tags():
    """Template tags import models and helpers, never the other way round: what a tag and
    a model both need lives in a module of its own (buero.formats, buero.page_tree)."""
    _files, _graph, imports = build_graph()
    offenders = [
        f"{module}:{line} imports {target}"
        for module, line, target in imports
        if top(target) in PACKAGES and ".templatetags." in target and ".templatetags." not in module
    ]
    assert not offenders, "\n".join(offenders)


def test_imports_are_at_the_top():
    """An import inside a function hides a dependency from the reader and from this graph's
    reader alike; only ``AppConfig.ready()`` imports late, as Django asks (signal handlers,
    checks), and ``if TYPE_CHECKING:`` blocks never run."""
    hidden = []
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if function.name == "ready" and path.name == "apps.py":
                continue
            hidden += [
                f"{module_name(path)}:{node.lineno} in {function.name}()"
                for node in walk(function)
                if isinstance(node, ast.Import | ast.ImportFrom)
            ]
    assert not hidden, "imports inside functions:\n" + "\n".join(sorted(set(hidden)))
