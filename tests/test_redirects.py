"""Editors manage redirects in the admin, one by one or by importing a file; a redirect that would send visitors
round in a loop is refused with a message and nothing is saved."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from home.models import MissionPage

LOOP_MESSAGE = "This redirect would send visitors round in a loop"
redirects_migration = importlib.import_module("home.migrations.0003_editors_manage_redirects")


def add_redirect(browser, old_path, redirect_link="", redirect_page=None):
    return browser.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": old_path,
            "site": "",
            "is_permanent": "on",
            "redirect_link": redirect_link,
            "redirect_page": redirect_page.pk if redirect_page else "",
        },
    )


def everything_saved():
    """Every redirect, including those Wagtail made by itself when the initial content was loaded."""
    return sorted(Redirect.objects.values_list("old_path", "redirect_link", "redirect_page_id"))


@pytest.mark.django_db
def test_an_editor_adds_a_redirect_and_visitors_follow_it(client, editor_client):
    mission = MissionPage.objects.get(locale__language_code="nl")
    assert editor_client.get(reverse("wagtailredirects:index")).status_code == 200

    response = add_redirect(editor_client, "/flyer", redirect_page=mission)

    assert response.status_code == 302
    client.logout()
    response = client.get("/flyer")
    assert response.status_code == 301
    assert response["Location"] == mission.url


@pytest.mark.django_db
def test_an_editor_changes_and_deletes_a_redirect(editor_client):
    redirect = Redirect.add_redirect("/oud", "https://example.org/nieuw")
    response = editor_client.post(
        reverse("wagtailredirects:edit", args=[redirect.pk]),
        {"old_path": "/oud", "site": "", "is_permanent": "on", "redirect_link": "https://example.org/ander"},
    )
    assert response.status_code == 302
    redirect.refresh_from_db()
    assert redirect.redirect_link == "https://example.org/ander"

    response = editor_client.post(reverse("wagtailredirects:delete", args=[redirect.pk]))
    assert response.status_code == 302
    assert not Redirect.objects.filter(pk=redirect.pk).exists()


@pytest.mark.django_db
def test_an_editor_imports_redirects_from_a_file(client, editor_client):
    before = everything_saved()
    csv = b"from,to\n/campagne-2024,https://utsopi.example/nl/wat-we-doen/\n/pers,https://utsopi.example/nl/faq/\n"
    response = editor_client.post(
        reverse("wagtailredirects:start_import"),
        {"import_file": SimpleUploadedFile("redirects.csv", csv, content_type="text/csv")},
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    confirm = soup.find("form", action=reverse("wagtailredirects:process_import"))
    hidden = {field["name"]: field["value"] for field in confirm.find_all("input", type="hidden")}

    response = editor_client.post(
        reverse("wagtailredirects:process_import"),
        {**hidden, "from_index": "0", "to_index": "1", "permanent": "on", "site": ""},
    )

    assert response.status_code == 302
    assert set(everything_saved()) - set(before) == {
        ("/campagne-2024", "https://utsopi.example/nl/wat-we-doen/", None),
        ("/pers", "https://utsopi.example/nl/faq/", None),
    }
    client.logout()
    assert client.get("/pers")["Location"] == "https://utsopi.example/nl/faq/"


@pytest.mark.django_db
def test_a_redirect_to_its_own_address_is_refused_and_nothing_is_saved(editor_client):
    before = everything_saved()
    response = add_redirect(editor_client, "/flyer", redirect_link="http://localhost/flyer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "The redirect could not be created due to errors." in html
    assert f"{LOOP_MESSAGE} (/flyer → /flyer)" in html
    assert everything_saved() == before


@pytest.mark.django_db
def test_a_redirect_that_closes_a_loop_with_another_is_refused_and_nothing_is_saved(editor_client):
    Redirect.add_redirect("/a", "http://localhost/b")
    before = everything_saved()

    response = add_redirect(editor_client, "/b", redirect_link="http://localhost/a")

    assert response.status_code == 200
    assert f"{LOOP_MESSAGE} (/b → /a → /b)" in response.content.decode()
    assert everything_saved() == before


@pytest.mark.django_db
def test_a_redirect_from_a_pages_own_address_to_that_page_is_refused(editor_client):
    mission = MissionPage.objects.get(locale__language_code="nl")
    before = everything_saved()
    response = add_redirect(editor_client, mission.url, redirect_page=mission)
    assert response.status_code == 200
    assert LOOP_MESSAGE in response.content.decode()
    assert everything_saved() == before


@pytest.mark.django_db
def test_changing_a_redirect_into_a_loop_is_refused_and_it_stays_as_it_was(editor_client):
    Redirect.add_redirect("/a", "http://localhost/b")
    second = Redirect.add_redirect("/b", "https://example.org/")
    before = everything_saved()

    response = editor_client.post(
        reverse("wagtailredirects:edit", args=[second.pk]),
        {"old_path": "/b", "site": "", "is_permanent": "on", "redirect_link": "http://localhost/a"},
    )

    assert response.status_code == 200
    assert "The redirect could not be saved due to errors." in response.content.decode()
    assert LOOP_MESSAGE in response.content.decode()
    assert everything_saved() == before


@pytest.mark.django_db
def test_a_redirect_to_another_site_or_along_a_chain_that_ends_is_accepted(editor_client):
    Redirect.add_redirect("/a", "http://localhost/b")
    assert add_redirect(editor_client, "/c", redirect_link="http://localhost/a").status_code == 302
    assert add_redirect(editor_client, "/d", redirect_link="https://example.org/d").status_code == 302


@pytest.mark.django_db
def test_an_imported_row_that_makes_a_loop_is_reported_and_not_saved(editor_client):
    before = everything_saved()
    csv = b"from,to\n/x,http://localhost/y\n/y,http://localhost/x\n"
    response = editor_client.post(
        reverse("wagtailredirects:start_import"),
        {"import_file": SimpleUploadedFile("redirects.csv", csv, content_type="text/csv")},
    )
    confirm = BeautifulSoup(response.content, "html.parser").find(
        "form", action=reverse("wagtailredirects:process_import")
    )
    hidden = {field["name"]: field["value"] for field in confirm.find_all("input", type="hidden")}

    response = editor_client.post(
        reverse("wagtailredirects:process_import"),
        {**hidden, "from_index": "0", "to_index": "1", "permanent": "on", "site": ""},
    )

    assert response.status_code == 200
    assert LOOP_MESSAGE in response.content.decode()
    assert set(everything_saved()) - set(before) == {("/x", "http://localhost/y", None)}


@pytest.mark.django_db
def test_editors_hold_the_redirect_permissions_and_the_migration_adds_them_once(db):
    editors = Group.objects.get(name="Editors")
    redirect_permissions = Permission.objects.filter(content_type__app_label="wagtailredirects")
    expected = {"add_redirect", "change_redirect", "delete_redirect"}
    assert set(editors.permissions.filter(pk__in=redirect_permissions).values_list("codename", flat=True)) == expected

    editors.permissions.remove(*redirect_permissions)
    redirects_migration.let_editors_manage_redirects(django_apps, None)
    redirects_migration.let_editors_manage_redirects(django_apps, None)
    assert editors.permissions.filter(pk__in=redirect_permissions).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", ["Translators", "Reviewers", "Membership officers"])
def test_other_staff_do_not_manage_redirects(client, group_name):
    user = get_user_model().objects.create_user(username="someone", password="not-used")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    for name in ["wagtailredirects:index", "wagtailredirects:add", "wagtailredirects:start_import"]:
        url = reverse(name)
        response = client.get(url)
        assert response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/"), url
    assert add_redirect(client, "/x", redirect_link="https://example.org/").status_code in {302, 403}
    assert not Redirect.objects.filter(old_path="/x").exists()
