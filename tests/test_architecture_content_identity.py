"""The live site never finds content by what the initial content happened to give it.

Pages that code must find are chosen in the organisation settings; so no UUID of the initial content, and
no slug or title from home/initial_content/*.toml, appears in the Python code outside the initial content
itself (home/initial_content/ and each app's initial_content.py) and the tests: a renamed or recreated
page would otherwise silently break the site.
"""

import re
import tomllib

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Revision, TranslatableMixin

from home.initial_content.content import CONTENT_NAMESPACE, stable_id

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
SKIPPED = ("home/initial_content/", "tests/", ".venv/", "node_modules/")
# The organisation's own name is its home page's title too: it is a fact of the settings, not an identity.
ORGANISATION_NAME = "UTSOPI"
CONTENT_DIR = settings.BASE_DIR / "home" / "initial_content"


def python_files():
    for path in sorted(settings.BASE_DIR.rglob("*.py")):
        relative = path.relative_to(settings.BASE_DIR).as_posix()
        if not relative.startswith(SKIPPED) and path.name != "initial_content.py":
            yield relative, path.read_text(encoding="utf-8")


def slugs_and_titles(data):
    """Every slug and title of the content, and the slugs the example events get from their keys."""
    if isinstance(data, list):
        for item in data:
            yield from slugs_and_titles(item)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in {"slug", "title"} and isinstance(value, str):
                yield value
            elif key == "examples":
                yield from (example["key"] for example in value)
            yield from slugs_and_titles(value)


def code_names():
    """Names of code that an English slug or title may share: the apps' labels and names, the content's sections."""
    names = {ORGANISATION_NAME}
    for config in apps.get_app_configs():
        names |= {config.label, str(config.verbose_name)}
    with open(CONTENT_DIR / "nl.toml", "rb") as file:
        return names | set(tomllib.load(file))


def content_names():
    names = set()
    for toml in CONTENT_DIR.glob("*.toml"):
        names |= set(slugs_and_titles(tomllib.loads(toml.read_text(encoding="utf-8"))))
    return names - code_names()


def content_uuids():
    """The translation keys and block ids the loader gave the content, and its namespace."""
    uuids = {str(CONTENT_NAMESPACE)}
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin):
            uuids |= {str(key) for key in model.objects.values_list("translation_key", flat=True)}
    for revision in Revision.objects.all().only("content"):
        uuids |= {match.lower() for match in UUID.findall(str(revision.content))}
    return uuids


@pytest.mark.django_db
def test_the_scan_reads_the_code_and_the_content():
    """Guards the two tests below against passing because they read nothing."""
    files = dict(python_files())
    assert "home/navigation.py" in files
    assert "home/templatetags/quick_exit.py" in files
    assert "home/migrations/0002_roles_and_review_workflow.py" in files
    assert {"wat-we-doen", "veiliger-surfen", "Quick exit and safer browsing"} <= content_names()
    assert stable_id("page", "safe_browsing") in content_uuids()


@pytest.mark.django_db
def test_no_uuid_of_the_initial_content_in_the_code():
    uuids = content_uuids()
    found = [(path, match) for path, text in python_files() for match in UUID.findall(text) if match.lower() in uuids]
    assert found == []


def test_no_slug_or_title_of_the_initial_content_in_the_code():
    names = content_names()
    found = [
        (path, literal)
        for path, text in python_files()
        for literal in re.findall(r"""["']([^"'\n]+)["']""", text)
        if literal in names
    ]
    assert found == []
