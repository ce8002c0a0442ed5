"""The package's shape: stages import only downward, no import cycles, no module hiding a
public function of the same name."""

import ast
import importlib
from pathlib import Path

import pytest

import tcdlcl_parse

PACKAGE = Path(tcdlcl_parse.__file__).parent
# Lower layers first; a module may import its own layer or a lower one.
LAYERS = ("base", "reading", "parsing", "checking", "running", "output", "nlp", "cli")
BASE_MODULES = {"models", "errors", "normalize", "messages", "vocabulary"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["tcdlcl_parse", *parts])


def _layer(module: str) -> str | None:
    parts = module.split(".")[1:]
    if not parts:
        return None  # the package's lazy front door may name anything
    if parts[0] in BASE_MODULES:
        return "base"
    if parts[0] == "spacy_component":
        return "nlp"
    return parts[0] if parts[0] in LAYERS else None


def _imports(path: Path) -> set[str]:
    """Package modules imported by ``path``, at run time (not under TYPE_CHECKING)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text("utf-8"))
    skipped = {
        id(node)
        for guard in ast.walk(tree)
        if isinstance(guard, ast.If) and "TYPE_CHECKING" in ast.unparse(guard.test)
        for node in ast.walk(guard)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join([*base, *([node.module] if node.module else [])])
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tcdlcl_parse"):
            found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tcdlcl_parse"))
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    return {name for name in found if name in modules and name != module}


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: _imports(path) for name, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down_the_stages(module):
    here = _layer(module)
    if here is None:
        return
    upward = [
        target
        for target in GRAPH[module]
        if (there := _layer(target)) is not None and LAYERS.index(there) > LAYERS.index(here)
    ]
    assert upward == [], f"{module} ({here}) imports a later stage: {upward}"


def test_no_import_cycles():
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in visiting:
            cycle = visiting[visiting.index(module) :] + [module]
            pytest.fail("import cycle: " + " → ".join(cycle))
        if module in done:
            return
        visiting.append(module)
        for target in sorted(GRAPH[module]):
            # A package's __init__ that re-exports its submodules is not a cycle with them.
            if not target.startswith(module + "."):
                visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


def test_no_module_is_named_like_a_public_function():
    public = {name for name in tcdlcl_parse.__all__ if name[0].islower()}
    clashes = sorted(m for m in MODULES if m.rsplit(".", 1)[-1] in public)
    assert clashes == []


def test_public_functions_stay_callable_after_every_module_is_imported():
    """Importing a module named like a lazily exported function used to replace it
    (``tcdlcl_parse.check`` became the module after ``check_file`` had run)."""
    for module in MODULES:
        if module.endswith(("spacy_component", "__main__")):
            continue  # the optional spacy extra; the command itself
        importlib.import_module(module)
    for name in tcdlcl_parse.__all__:
        value = getattr(tcdlcl_parse, name)
        assert not isinstance(value, type(importlib)), f"tcdlcl_parse.{name} is a module"
