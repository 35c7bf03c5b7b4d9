"""The admin dashboard tells staff, in numbers only, how many pages wait for review and how many translations
are out of date, with links to the lists and to the staff guides."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from home.models import FaqPage, MissionPage


@pytest.fixture
def staff(db):
    def make(group_name, username):
        user = get_user_model().objects.create_user(
            username=username, first_name="Ada", last_name="Lovelace", email="ada@example.org", password="not-used"
        )
        user.groups.add(Group.objects.get(name=group_name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        return user

    return make


def staff_panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="staff-overview-section")


def submit_for_review(page, user):
    page.title = f"{page.title} (revised)"
    page.save_revision(user=user)
    Workflow.objects.get(name="Review by active members").start(page, user)


@pytest.mark.django_db
def test_the_panel_counts_pages_waiting_for_review_and_translations_out_of_date(client, staff):
    editor = staff("Editors", "ada")
    panel = staff_panel(client, editor)
    assert "0 pages are waiting for review" in panel.get_text()
    assert "0 translations are out of date" in panel.get_text()

    # Both Dutch pages change, so their French and English translations lag behind: four translations.
    submit_for_review(MissionPage.objects.get(locale__language_code="nl"), editor)
    FaqPage.objects.get(locale__language_code="nl").save_revision(user=editor)

    panel = staff_panel(client, editor)
    review = panel.find("a", string=lambda text: text and "waiting for review" in text)
    assert review.get_text(strip=True) == "1 page is waiting for review"
    assert review["href"] == "/admin/reports/workflow/?status=in_progress"
    translations = panel.find("a", string=lambda text: text and "out of date" in text)
    assert translations.get_text(strip=True) == "4 translations are out of date"
    assert translations["href"] == "/admin/reports/translations-to-update/"
    assert client.get(review["href"]).status_code == 200
    assert client.get(translations["href"]).status_code == 200


@pytest.mark.django_db
def test_the_panel_names_nobody(client, staff):
    editor = staff("Editors", "ada")
    submit_for_review(MissionPage.objects.get(locale__language_code="fr"), editor)
    reviewer = staff("Reviewers", "grace")
    text = staff_panel(client, reviewer).get_text()
    assert "1 page is waiting for review" in text
    for personal in ["ada", "Ada", "Lovelace", "ada@example.org"]:
        assert personal not in text


@pytest.mark.django_db
def test_membership_officers_get_the_guides_but_no_page_counts(client, staff):
    panel = staff_panel(client, staff("Membership officers", "officer"))
    assert "waiting for review" not in panel.get_text()
    assert panel.find("a", href="/admin/guides/membership-officers/")


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", ["Editors", "Translators", "Reviewers", "Membership officers"])
def test_every_member_of_staff_reaches_the_guides_from_the_dashboard(client, staff, group_name):
    panel = staff_panel(client, staff(group_name, "someone"))
    links = {link["href"]: link.get_text(strip=True) for link in panel.select(".staff-overview__guides a")}
    assert links == {
        "/admin/guides/editors/": "Editors' guide",
        "/admin/guides/editors-nl/": "Handleiding voor redacteurs",
        "/admin/guides/editors-fr/": "Guide des éditeurs",
        "/admin/guides/translators/": "Translators' guide",
        "/admin/guides/reviewers/": "Reviewers' guide",
        "/admin/guides/membership-officers/": "Membership officers' guide",
    }
    for href in links:
        assert client.get(href).status_code == 200
