"""Need to know: only membership officers and superusers reach submissions, of every form in every language.

Editors, moderators, translators and reviewers are refused everywhere, even on pages they may edit;
every look at member data is in the audit log, which holds no personal data and which only officers see.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from membership.models import FormRetention, NotificationSettings, Submission
from tests.member_data import STAFF_GROUPS, all_form_pages, answers_for, form_page, staff_member

MARKER = "Marker-7Q4Z-unique"
ROLES = [*STAFF_GROUPS, "Membership officers", "superuser"]
ACTIONS = ["list", "list_results", "csv", "xlsx", "detail", "json", "delete", "erase"]


pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


def user_in(role):
    if role == "superuser":
        return get_user_model().objects.create_superuser(username="root", password="not-used")
    return staff_member(role)


def refused(response):
    """Wagtail's admin answers a refusal with 403, or with a redirect to the dashboard or the login page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url.split("?")[0] in {"/admin/", "/admin/login/"}
    )


@pytest.fixture
def submissions(db):
    """One reply, carrying the marker, to each form page in each language."""
    return {
        page.pk: Submission.objects.record(
            page=page, answers=answers_for(page, chosen_name=MARKER, organisation=MARKER), consent_text="I agree."
        )
        for page in all_form_pages()
    }


def attempt(client, action, page, submission):
    if action == "list":
        return client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    if action == "list_results":
        return client.get(reverse("wagtailforms:list_submissions_results", args=[page.pk]))
    if action in {"csv", "xlsx"}:
        return client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": action})
    if action == "detail":
        return client.get(reverse("membership_submission", args=[submission.pk]))
    if action == "json":
        return client.get(reverse("membership_submission_json", args=[submission.pk]))
    if action == "delete":
        url = reverse("wagtailforms:delete_submissions", args=[page.pk])
        return client.post(f"{url}?selected-submissions={submission.pk}")
    return client.post(reverse("membership_submission_erase", args=[submission.pk]))


def content_of(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.django_db
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_only_officers_and_superusers_get_through(client, submissions, role, action):
    client.force_login(user_in(role))
    allowed = role in {"Membership officers", "superuser"}
    for page in all_form_pages():
        submission = submissions[page.pk]
        response = attempt(client, action, page, submission)
        if not allowed:
            assert refused(response), (role, action, page.url, response.status_code)
            assert Submission.objects.filter(pk=submission.pk).exists()
        elif action in {"delete", "erase"}:
            assert response.status_code == 302, (action, page.url)
            assert not Submission.objects.filter(pk=submission.pk).exists()
        else:
            assert response.status_code == 200, (role, action, page.url)
            if action != "xlsx":
                assert submission.reference.encode() in content_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize("role", STAFF_GROUPS)
def test_staff_who_edit_pages_see_no_form_in_the_forms_menu(client, role):
    user = user_in(role)
    client.force_login(user)
    assert refused(client.get(reverse("wagtailforms:index")))
    sidebar = client.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert reverse("wagtailforms:index") not in sidebar
    assert reverse("membership_find_reference") not in sidebar


@pytest.mark.django_db
def test_an_officer_sees_each_form_once_without_any_page_right(client):
    officer = user_in("Membership officers")
    client.force_login(officer)
    html = client.get(reverse("wagtailforms:index")).content.decode()
    for form in ["membership", "volunteer", "training"]:
        dutch = form_page(form, "nl")
        assert reverse("wagtailforms:list_submissions", args=[dutch.pk]) in html
        for language in ["fr", "en"]:
            translated = form_page(form, language)
            assert reverse("wagtailforms:list_submissions", args=[translated.pk]) not in html
    assert not form_page("membership", "nl").permissions_for_user(officer).can_edit()


@pytest.mark.django_db
def test_the_list_shows_every_language_with_a_language_column(client, submissions):
    client.force_login(user_in("Membership officers"))
    page = form_page("membership", "nl")
    html = client.get(reverse("wagtailforms:list_submissions", args=[page.pk])).content.decode()
    for language in ["nl", "fr", "en"]:
        submission = submissions[form_page("membership", language).pk]
        assert f'href="/admin/member-data/submissions/{submission.pk}/">{submission.reference}</a>' in html
    assert '<th id="language"' in html
    csv = content_of(client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"}))
    lines = csv.decode().splitlines()
    assert lines[0].startswith("Referentie,") or lines[0].startswith("Reference,")
    assert len(lines) == 4
    assert {line.split(",")[2] for line in lines[1:]} == {"nl", "fr", "en"}


@pytest.mark.django_db
def test_every_look_at_member_data_is_logged_without_personal_data(client, submissions):
    officer = user_in("Membership officers")
    client.force_login(officer)
    page = form_page("volunteer", "fr")
    submission = submissions[page.pk]
    for action in ["list", "csv", "xlsx", "detail", "json", "erase"]:
        attempt(client, action, page, submission)

    entries = ModelLogEntry.objects.filter(action__startswith="membership.submissions.", user=officer)
    rows_by_action = {
        (entry.action.rsplit(".", 1)[1], entry.data.get("format")): entry.data["rows"] for entry in entries
    }
    assert rows_by_action == {
        ("list", None): 3,
        ("export", "csv"): 3,
        ("export", "xlsx"): 3,
        ("view", None): 1,
        ("export", "json"): 1,
        ("erase", None): 1,
    }
    retention = FormRetention.objects.get(form_key=page.translation_key)
    for entry in entries:
        assert entry.object_id == str(retention.pk)
        assert entry.data["form"] == page.title
        text = f"{entry.label} {entry.data} {entry.message}"
        assert MARKER not in text
        assert submission.reference not in text


@pytest.mark.django_db
def test_deleting_from_the_list_is_logged_with_the_number_of_rows(client, submissions):
    officer = user_in("Membership officers")
    client.force_login(officer)
    page = form_page("membership", "nl")
    chosen = [submissions[form_page("membership", language).pk].pk for language in ["nl", "fr"]]
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    client.post(url + "?" + "&".join(f"selected-submissions={pk}" for pk in chosen))

    assert not Submission.objects.filter(pk__in=chosen).exists()
    entry = ModelLogEntry.objects.get(action="membership.submissions.delete")
    assert entry.user == officer
    assert entry.data["rows"] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("role", STAFF_GROUPS)
def test_the_audit_log_of_member_data_is_hidden_from_other_staff(client, submissions, role):
    client.force_login(user_in("Membership officers"))
    attempt(client, "list", form_page("membership", "nl"), None)
    assert ModelLogEntry.objects.filter(action="membership.submissions.list").exists()
    assert not ModelLogEntry.objects.viewable_by_user(user_in(role)).filter(action__startswith="membership.").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*STAFF_GROUPS, "Membership officers"])
def test_only_superusers_change_who_is_notified(client, role):
    url = reverse("wagtailsettings:edit", args=["membership", "notificationsettings", NotificationSettings.load().pk])
    client.force_login(user_in(role))
    assert refused(client.get(url))
    client.force_login(user_in("superuser"))
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_officers_change_a_forms_retention_but_cannot_add_or_remove_one(client):
    retention = FormRetention.objects.get(form_key=form_page("training", "nl").translation_key)
    edit_url = reverse("wagtailsnippets_membership_formretention:edit", args=[retention.pk])
    client.force_login(user_in("Editors"))
    assert refused(client.get(edit_url))

    client.force_login(user_in("Membership officers"))
    response = client.post(edit_url, {"retention_days": "90"})
    assert response.status_code == 302
    retention.refresh_from_db()
    assert retention.retention_days == 90
    assert refused(client.get(reverse("wagtailsnippets_membership_formretention:add")))
    assert refused(client.get(reverse("wagtailsnippets_membership_formretention:delete", args=[retention.pk])))


@pytest.mark.django_db
def test_a_formula_typed_into_a_form_is_exported_as_text(client):
    page = form_page("volunteer", "en")
    Submission.objects.record(
        page=page, answers=answers_for(page, chosen_name='=HYPERLINK("http://x.example")'), consent_text=""
    )
    client.force_login(user_in("Membership officers"))
    csv = content_of(client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"})).decode()
    assert "'=HYPERLINK(" in csv
