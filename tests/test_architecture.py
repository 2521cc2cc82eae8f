"""The house's rules, checked: one namespace, imports that run one way, no circles, one reader of the environment.

Rooms are the folders that pyproject's package-dir maps into ``ocwatch.*``;
the floors below are the layer order docs/ARCHITECTURE.md draws. A module may
import from its own room and from any room on a lower floor; rooms on one
floor never import each other. Imports inside functions count: they run too.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Top floor first. The front door is the `ocwatch` package's own modules (cli,
# settings, stages, airflow glue): everything else is a room of its own.
FLOORS: list[set[str]] = [
    {"ocwatch"},
    {"ocwatch.web", "ocwatch.demo"},
    {"ocwatch.report", "ocwatch.feedback"},
    {"ocwatch.trade"},
    {"ocwatch.spiders", "ocwatch.nlp", "ocwatch.warehouse"},
    {"ocwatch.lake", "ocwatch.reference"},
]
FLOOR = {room: i for i, rooms in enumerate(FLOORS) for room in rooms}
# The one module that reads the environment; everything else is handed values.
ENV_READER = "ocwatch.settings"
OLD_TOP_LEVEL = ("spiders", "nlp", "warehouse")


def package_dirs() -> dict[str, Path]:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())
    mapping = conf.get("tool", {}).get("setuptools", {}).get("package-dir", {})
    return {pkg: ROOT / folder for pkg, folder in mapping.items()}


def shipped_modules() -> dict[str, Path]:
    """Every shipped module's dotted name and file, through the package-dir mapping."""
    dirs = package_dirs()
    mapped = set(dirs.values())
    found: dict[str, Path] = {}
    for pkg, folder in dirs.items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder)
            # A folder mapped as a room of its own is not part of its parent's tree.
            if any((folder / p) in mapped and (folder / p) != folder for p in rel.parents if str(p) != "."):
                continue
            parts = [*rel.parent.parts, path.stem] if path.stem != "__init__" else list(rel.parent.parts)
            found[".".join([pkg, *parts]).rstrip(".")] = path
    return found


def room_of(module: str) -> str:
    rooms = sorted(FLOOR, key=len, reverse=True)
    return next(r for r in rooms if module == r or module.startswith(r + "."))


def imports(path: Path, module: str) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import in the file, at any depth, relative ones resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]).rstrip(".")
            yield node.lineno, base
            for alias in node.names:  # `from ocwatch.lake import partitions` imports a module too
                yield node.lineno, f"{base}.{alias.name}"


def project_edges() -> list[tuple[str, str, int]]:
    modules = shipped_modules()
    edges = []
    for module, path in modules.items():
        for line, target in imports(path, module):
            if target in modules:
                edges.append((module, target, line))
    return edges


def test_every_room_is_under_the_ocwatch_namespace() -> None:
    dirs = package_dirs()
    assert dirs, "pyproject.toml maps no folder into the ocwatch package"
    assert all(pkg == "ocwatch" or pkg.startswith("ocwatch.") for pkg in dirs)
    assert set(dirs) <= set(FLOOR), f"rooms without a floor: {sorted(set(dirs) - set(FLOOR))}"


def test_no_code_imports_the_old_top_level_packages() -> None:
    offenders = []
    for folder in ("ocwatch", "lake", "reference", "spiders", "trade", "nlp", "warehouse", "report",
                   "demo", "web", "feedback", "dags", "tests", "bench", "docker"):
        for path in (ROOT / folder).rglob("*.py") if (ROOT / folder).is_dir() else []:
            for line, target in imports(path, "x.y"):
                if target.split(".")[0] in OLD_TOP_LEVEL:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not offenders, "\n".join(offenders)


def test_no_folder_inside_the_front_door_shadows_a_room() -> None:
    # An empty ocwatch/demo/ left behind is a namespace package that wins over the mapped demo/.
    shadows = [f"ocwatch/{pkg.split('.', 1)[1]}" for pkg in package_dirs() if pkg != "ocwatch"
               and (ROOT / "ocwatch" / pkg.split(".", 1)[1]).exists()]
    assert not shadows


def test_imports_run_down_the_floors() -> None:
    wrong = []
    for source, target, line in project_edges():
        a, b = room_of(source), room_of(target)
        if a != b and FLOOR[b] <= FLOOR[a]:
            side = "a room on the same floor" if FLOOR[a] == FLOOR[b] else "a higher floor"
            wrong.append(f"{source}:{line} imports {target} ({b}, {side})")
    assert not wrong, "\n".join(sorted(wrong))


def _cycles(edges: list[tuple[str, str, int]]) -> list[list[str]]:
    graph: dict[str, set[str]] = {}
    for a, b, _ in edges:
        # A package's __init__ may re-export its own submodules; that is not a circle of rooms.
        if not b.startswith(a + "."):
            graph.setdefault(a, set()).add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_circles() -> None:
    assert _cycles(project_edges()) == []


def _reads_environment(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb", "putenv") \
                and isinstance(node.value, ast.Name) and node.value.id == "os") or (isinstance(node, ast.ImportFrom) and node.module == "os" \
                and any(a.name in ("environ", "getenv", "environb") for a in node.names)):
            lines.append(node.lineno)
    return lines


def test_only_settings_reads_the_environment() -> None:
    readers = []
    for module, path in shipped_modules().items():
        if module == ENV_READER:
            continue
        readers += [f"{module}:{line}" for line in _reads_environment(ast.parse(path.read_text()))]
    assert not readers, "environment read outside ocwatch.settings: " + ", ".join(readers)


def _task_bodies(tree: ast.AST) -> Iterator[ast.FunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
                "task" in ast.unparse(d) for d in node.decorator_list):
            yield node


@pytest.mark.parametrize("dag_file", sorted((ROOT / "dags").glob("*.py")), ids=lambda p: p.name)
def test_dag_task_bodies_are_one_line(dag_file: Path) -> None:
    long = []
    for fn in _task_bodies(ast.parse(dag_file.read_text())):
        body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        if len(body) != 1:
            long.append(f"{fn.name} ({len(body)} statements)")
    assert not long, f"{dag_file.name}: task bodies that do more than wire: {', '.join(long)}"
