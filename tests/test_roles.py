"""Staff roles: what editors, translators, reviewers and membership officers can and cannot do in the admin."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from home.blocks import TEXT_FEATURES
from home.models import ContentPage, FaqPage, FooterText, Menu, MissionPage
from membership.models import MembershipFormPage
from tests.conftest import snippet_edit_url, type_translation

LANGUAGES = ["nl", "fr", "en"]
TRANSLATIONS = ["fr", "en"]
roles_migration = importlib.import_module("home.migrations.0002_roles_and_review_workflow")


@pytest.fixture
def member_of(db):
    """A staff account in the named group: `member_of("Editors")`."""
    made = []

    def make(group_name):
        user = get_user_model().objects.create_user(
            username=f"{group_name.lower().replace(' ', '-')}-{len(made)}", password="not-used"
        )
        user.groups.add(Group.objects.get(name=group_name))
        made.append(user)
        return user

    return make


@pytest.fixture
def client_for(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def mission(db):
    return {language: MissionPage.objects.get(locale__language_code=language) for language in LANGUAGES}


@pytest.fixture
def review_workflow(db):
    """The migration, run again now that the pages exist, gives them the review workflow (as on a live site)."""
    roles_migration.create_roles_and_review_workflow(django_apps, None)
    return Workflow.objects.get(name="Review by active members")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.id])


def refused(response):
    """Wagtail's admin answers a refusal with 403, or with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url in {"/admin/", "/admin/login/"})


def dutch_mission_form(page, **changes):
    """The admin edit form of the Dutch mission page as a browser posts it, with `changes` applied."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text(page.intro, features=TEXT_FEATURES),
        "body": streamfield(
            [
                (
                    "section",
                    {
                        "heading": block.value["heading"],
                        "anchor": block.value["anchor"],
                        "body": rich_text(block.value["body"].source, features=TEXT_FEATURES),
                    },
                )
                for block in page.body
            ]
        ),
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        **changes,
    }
    return nested_form_data(fields)


def test_the_staff_groups_exist_by_name(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators", "Reviewers", "Membership officers"} <= names
    assert Group.objects.filter(name="Editors").count() == 1


# Editors


def test_an_editor_opens_the_admin(member_of, client_for):
    response = client_for(member_of("Editors")).get("/admin/")
    assert response.status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_editor_may_edit_and_publish_pages_in_every_language(member_of, mission, language):
    permissions = mission[language].permissions_for_user(member_of("Editors"))
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_an_editor_publishes_a_change_to_the_dutch_page_from_the_admin(member_of, client_for, mission):
    editor = member_of("Editors")
    page = mission["nl"]
    form = dutch_mission_form(page, title="Missie en visie van UTSOPI", **{"action-publish": "Publish"})

    response = client_for(editor).post(edit_url(page), form)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page.refresh_from_db()
    assert page.title == "Missie en visie van UTSOPI"
    assert page.live
    assert page.live_revision.user == editor


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_an_editor_publishes_a_translation_from_the_translation_editor(
    member_of, client_for, mission, language, django_capture_on_commit_callbacks
):
    editor = member_of("Editors")
    page = mission[language]

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once the change is saved
        response = client_for(editor).post(edit_url(page), {"action": "publish"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.live_revision.user == editor


@pytest.mark.parametrize("model", [Menu, FooterText])
def test_an_editor_adds_changes_and_deletes_menus_and_the_footer_text(member_of, model):
    editor = member_of("Editors")
    policy = ModelPermissionPolicy(model)
    assert all(policy.user_has_permission(editor, action) for action in ["add", "change", "delete"])


def test_an_editor_opens_the_footer_text_in_the_admin(member_of, client_for):
    footer = FooterText.objects.get(locale__language_code="nl")
    url = snippet_edit_url(footer)
    assert client_for(member_of("Editors")).get(url).status_code == 200


def test_an_editor_changes_the_organisation_settings(member_of, client_for):
    response = client_for(member_of("Editors")).get(
        reverse("wagtailsettings:edit", args=["home", "organisationsettings"]), follow=True
    )
    assert response.status_code == 200
    assert "contact_email" in response.context["form"].fields


def test_editors_do_not_manage_languages(member_of, client_for):
    assert refused(client_for(member_of("Editors")).get(reverse("wagtaillocales:index")))


# Translators


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translator_may_edit_but_not_publish(member_of, mission, language):
    permissions = mission[language].permissions_for_user(member_of("Translators"))
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_a_translator_translates_in_the_translation_editor_but_cannot_publish(
    member_of, client_for, mission, django_capture_on_commit_callbacks
):
    translator = member_of("Translators")
    browser = client_for(translator)
    page = mission["fr"]
    live_revision = page.live_revision_id

    response = browser.get(edit_url(page))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in response.templates]

    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    response = type_translation(browser, translation, segment, "Notre mission, revue")
    assert response.status_code in {200, 201}

    with django_capture_on_commit_callbacks(execute=True):
        assert refused(browser.post(edit_url(page), {"action": "publish"}))
    page.refresh_from_db()
    assert page.live_revision_id == live_revision


def test_a_translator_may_ask_for_a_translation(member_of, client_for, mission):
    response = client_for(member_of("Translators")).get(
        reverse("wagtail_localize:submit_page_translation", args=[mission["nl"].id])
    )
    assert response.status_code == 200


@pytest.mark.parametrize("model", [Menu, FooterText])
def test_a_translator_may_change_menus_and_the_footer_text_but_not_delete_them(member_of, model):
    translator = member_of("Translators")
    policy = ModelPermissionPolicy(model)
    assert policy.user_has_permission(translator, "change")
    assert not policy.user_has_permission(translator, "delete")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translator_opens_the_footer_text_translation(member_of, client_for, language):
    url = snippet_edit_url(FooterText.objects.get(locale__language_code=language))
    assert client_for(member_of("Translators")).get(url).status_code == 200


@pytest.mark.parametrize("group_name", ["Editors", "Translators", "Reviewers"])
def test_content_staff_see_no_membership_submissions(member_of, client_for, group_name):
    browser = client_for(member_of(group_name))
    form_page = MembershipFormPage.objects.get(locale__language_code="nl")

    assert refused(browser.get(reverse("wagtailforms:list_submissions", args=[form_page.id])))
    forms_index = browser.get(reverse("wagtailforms:index"))
    assert refused(forms_index) or form_page.title not in forms_index.content.decode()


# Reviewers


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reviewer_cannot_publish_on_their_own(member_of, mission, language):
    assert not mission[language].permissions_for_user(member_of("Reviewers")).can_publish()


def pages_reviewed_by_active_members():
    what_we_do = ContentPage.objects.get(locale__language_code="nl", slug="wat-we-doen")
    return [
        *MissionPage.objects.all(),
        *FaqPage.objects.all(),
        *ContentPage.objects.filter(translation_key=what_we_do.translation_key),
    ]


def test_mission_faq_and_what_we_do_are_reviewed_by_active_members_in_every_language(review_workflow):
    pages = pages_reviewed_by_active_members()
    assert sorted((page.specific_class.__name__, page.locale.language_code) for page in pages) == sorted(
        (kind, language) for kind in ["ContentPage", "FaqPage", "MissionPage"] for language in LANGUAGES
    )
    assert all(page.get_workflow() == review_workflow for page in pages)
    assert [task.name for task in review_workflow.tasks] == ["Approval by reviewers"]
    assert [group.name for group in review_workflow.tasks[0].specific.groups.all()] == ["Reviewers"]


def test_a_reviewer_approves_the_submitted_mission_page_and_it_goes_live(
    member_of, client_for, mission, review_workflow
):
    editor, reviewer = member_of("Editors"), member_of("Reviewers")
    page = mission["nl"]
    page.title = "Missie en visie, herzien"
    revision = page.save_revision(user=editor)
    task_state = page.get_workflow().start(page, editor).current_task_state

    page.refresh_from_db()
    assert page.title != "Missie en visie, herzien"  # visitors still see the approved text
    assert task_state.task.name == "Approval by reviewers"

    response = client_for(reviewer).post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id])
    )

    assert not refused(response)
    page.refresh_from_db()
    assert page.live
    assert page.title == "Missie en visie, herzien"
    assert page.live_revision == revision


def test_an_editor_cannot_approve_in_the_reviewers_place(member_of, mission, review_workflow):
    editor = member_of("Editors")
    page = mission["fr"]
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    task = state.current_task_state.task.specific
    assert task.get_actions(page, editor) == []


# Membership officers


def test_a_membership_officer_opens_the_admin_but_cannot_edit_pages(member_of, client_for, mission):
    officer = member_of("Membership officers")
    browser = client_for(officer)
    assert browser.get("/admin/").status_code == 200
    for page in [*mission.values(), Page.objects.get(depth=2, locale__language_code="nl")]:
        assert not page.permissions_for_user(officer).can_edit()
    assert refused(browser.get(edit_url(mission["nl"])))


# The migration


def everything_the_migration_makes():
    return {
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow tasks": WorkflowTask.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
        "reviewer groups on the task": Task.objects.get(name="Approval by reviewers").specific.groups.count(),
    }


def test_running_the_migration_again_duplicates_nothing(db):
    roles_migration.create_roles_and_review_workflow(django_apps, None)
    once = everything_the_migration_makes()
    roles_migration.create_roles_and_review_workflow(django_apps, None)
    assert everything_the_migration_makes() == once
    assert once["workflow pages"] >= 1 + 9  # Wagtail's root workflow, and three pages in three languages
