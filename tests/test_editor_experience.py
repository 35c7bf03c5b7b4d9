"""What editors get while they work: a help text on every field and block, a preview of each block in the
block picker, and Wagtail's userbar with its accessibility checker on public pages, loaded from this site only."""

import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

from events.models import EventPage

APPS_WITH_HELP_TEXTS = ["home", "history", "events", "search"]
NOT_EDITED_BY_STAFF = {"sort_order", "translation_key", "locale", "site"}


def fields_staff_edit():
    for app_label in APPS_WITH_HELP_TEXTS:
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.local_fields + model._meta.local_many_to_many:
                if (
                    field.auto_created
                    or field.primary_key
                    or isinstance(field, ParentalKey)
                    or (isinstance(field, models.OneToOneField) and field.remote_field.parent_link)
                    or field.name in NOT_EDITED_BY_STAFF
                ):
                    continue
                yield model, field


def blocks_staff_choose():
    """Every block offered in the StreamFields of these apps, with the blocks inside it."""
    seen = {}

    def visit(block):
        if id(block) in seen:
            return
        seen[id(block)] = block
        for child in getattr(block, "child_blocks", {}).values():
            visit(child)
        if isinstance(block, blocks.ListBlock):
            visit(block.child_block)

    for _model, field in fields_staff_edit():
        if isinstance(field, StreamField):
            visit(field.stream_block)
    return list(seen.values())


def test_every_field_staff_edit_has_a_help_text():
    missing = [f"{model.__name__}.{field.name}" for model, field in fields_staff_edit() if not field.help_text]
    assert missing == []


def test_every_block_has_a_help_text_or_a_description():
    for block in blocks_staff_choose():
        if isinstance(block, blocks.StreamBlock):
            continue  # the StreamField itself carries the help text
        text = getattr(block.meta, "help_text", None) or block.get_description()
        assert text, f"{block.name or block.__class__.__name__} has no help text"


@pytest.mark.django_db
def test_every_block_in_a_picker_has_a_preview_that_renders(admin_client):
    in_pickers = [
        child
        for block in blocks_staff_choose()
        if isinstance(block, blocks.StreamBlock)
        for child in block.child_blocks.values()
    ]
    assert {block.name for block in in_pickers} >= {"section", "paragraph", "figure", "quote", "call_to_action"}
    for block in in_pickers:
        assert block.is_previewable, block.name
        response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, block.name
        assert "/static/css/site.css" in response.content.decode(), block.name


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(username="editor", password="not-used")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def userbar(html):
    start = html.find("<!-- Wagtail user bar embed code -->")
    end = html.find("<!-- end Wagtail user bar embed code -->")
    return html[start:end] if start >= 0 else ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_signed_in_staff_get_the_userbar_with_the_accessibility_checker_on_public_pages(client, editor, language):
    client.force_login(editor)
    pages = [Page.objects.get(depth=2, locale__language_code=language), EventPage.objects.filter(live=True).first()]
    for page in pages:
        bar = userbar(client.get(page.url).content.decode())
        assert bar, page.url
        assert 'id="checker-trigger"' in bar
        assert reverse("wagtailadmin_pages:edit", args=[page.id]) in bar


@pytest.mark.django_db
def test_the_userbar_loads_only_files_of_this_site_and_runs_no_inline_script(client, editor):
    client.force_login(editor)
    bar = BeautifulSoup(userbar(client.get("/nl/").content.decode()), "html.parser")
    for script in bar.find_all("script"):
        if script.get("src"):
            assert re.fullmatch(r"//testserver/static/wagtailadmin/js/[\w.-]+\.js(\?v=\w+)?", script["src"])
        else:
            assert script.get("type") == "application/json", script  # data, which the CSP's script-src allows
    addresses = [tag.get("href") or tag.get("src") for tag in bar.find_all(["link", "script", "img", "a"])]
    assert all(address.startswith(("//testserver/", "#")) for address in addresses if address)
    assert not bar.find(style=True)


@pytest.mark.django_db
def test_visitors_get_no_userbar(client):
    assert userbar(client.get("/nl/").content.decode()) == ""
