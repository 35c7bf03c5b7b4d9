"""Each app owns its domain: no app imports the project package (utsopi_site assembles the apps, not the other
way round), home is the shared base the other apps build on and imports none of them, and no two apps import
each other. Read from the source with ast, so a lazy import inside a function counts too."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["home", "history", "membership", "events", "search", "accounts", "statements", "operations"]
PROJECT_PACKAGES = {*APPS, "utsopi_site"}


def imported_packages(path):
    """The top-level packages a module imports, at any depth of its code; relative imports stay in the app."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0]


def project_imports():
    """{(module path, imported project package)} for every module of every app."""
    found = set()
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            found |= {(module, package) for package in imported_packages(path) if package in PROJECT_PACKAGES}
    return found


def test_no_app_imports_the_project_package():
    assert sorted(module for module, package in project_imports() if package == "utsopi_site") == []


def test_home_imports_no_other_app():
    imports = {(module, package) for module, package in project_imports() if module.startswith("home/")}
    other_apps = {(module, package) for module, package in imports if package in APPS and package != "home"}
    assert sorted(other_apps) == []


def test_no_two_apps_import_each_other():
    importers = defaultdict(set)
    for module, package in project_imports():
        app = module.partition("/")[0]
        if package in APPS and package != app:
            importers[package].add(app)
    both_ways = {
        tuple(sorted((app, other)))
        for other, apps in importers.items()
        for app in apps
        if other in importers.get(app, set())
    }
    assert sorted(both_ways) == []
