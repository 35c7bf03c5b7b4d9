"""The member's reference: random, unambiguous, shown once; officers find it, export it and erase it."""

import re
from unittest import mock

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from membership import references
from membership.models import Submission
from tests.member_data import answers_for, form_page, reply, staff_member

REFERENCE = re.compile(r"^UTS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


@pytest.fixture
def submission(db):
    page = form_page("membership", "fr")
    return Submission.objects.record(
        page=page, answers=answers_for(page, chosen_name="Camille"), consent_text=page.consent_text()
    )


def test_references_are_random_and_unambiguous():
    made = {references.new_reference() for _ in range(500)}
    assert len(made) == 500
    assert all(REFERENCE.match(reference) for reference in made)
    assert not set("ILOU") & set("".join(made).replace("UTS", ""))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("UTS-7K2M-9QXD", "UTS-7K2M-9QXD"),
        (" uts 7k2m 9qxd ", "UTS-7K2M-9QXD"),
        ("7K2M9QXD", "UTS-7K2M-9QXD"),
        ("UTS-7K2M-9QXO", "UTS-7K2M-9QX0"),
        ("UTS-IK2M-LQXD", "UTS-1K2M-1QXD"),
        ("UTS-7K2M", None),
        ("UTS-7K2M-9QX!", None),
        ("", None),
    ],
)
def test_a_reference_read_aloud_or_typed_on_a_phone_is_still_found(typed, found):
    assert references.normalise_reference(typed) == found


@pytest.mark.django_db
def test_a_reference_already_taken_is_drawn_again(submission):
    page = form_page("volunteer", "nl")
    with mock.patch.object(references, "new_reference", side_effect=[submission.reference, "UTS-AAAA-BBBB"]):
        other = Submission.objects.record(page=page, answers=answers_for(page), consent_text="")
    assert other.reference == "UTS-AAAA-BBBB"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_thank_you_page_gives_the_reference_and_how_to_ask_for_a_copy_or_deletion(client, language):
    page = form_page("membership", language)
    html = client.post(page.url, reply(page)).content.decode()
    reference = Submission.objects.get(page=page).reference
    assert f'<strong translate="no">{reference}</strong>' in html
    assert 'href="mailto:info@utsopi.be"' in html  # the contact address the initial content sets


@pytest.mark.django_db
def test_an_officer_finds_a_reference_exports_it_as_json_and_erases_it_in_one_action(client, submission):
    officer = staff_member("Membership officers")
    client.force_login(officer)
    typed = submission.reference.lower().replace("-", " ")
    found = client.get(reverse("membership_find_reference"), {"reference": typed})
    assert found.status_code == 302
    assert found.url == reverse("membership_submission", args=[submission.pk])
    assert "Camille" in client.get(found.url).content.decode()

    copy = client.get(reverse("membership_submission_json", args=[submission.pk]))
    assert copy["Content-Disposition"] == f'attachment; filename="{submission.reference}.json"'
    assert copy.json() == {
        "reference": submission.reference,
        "form": "Devenir membre",
        "language": "fr",
        "submitted_at": submission.submit_time.isoformat(),
        "consent_text": submission.consent_text,
        "consented_at": submission.consented_at.isoformat(),
        "answers": answers_for(form_page("membership", "fr"), chosen_name="Camille"),
    }

    erased = client.post(reverse("membership_submission_erase", args=[submission.pk]))
    assert erased.status_code == 302
    assert not Submission.objects.filter(pk=submission.pk).exists()
    entry = ModelLogEntry.objects.get(action="membership.submissions.erase")
    assert entry.user == officer
    assert entry.data == {"form": "Devenir membre", "form_page_id": submission.page_id, "rows": 1}


@pytest.mark.django_db
def test_an_unknown_reference_says_so(client):
    client.force_login(staff_member("Membership officers"))
    response = client.get(reverse("membership_find_reference"), {"reference": "UTS-0000-0000"}, follow=True)
    assert response.status_code == 200
    assert not Submission.objects.filter(reference="UTS-0000-0000").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Editors", "Translators"])
def test_other_staff_cannot_look_up_a_reference(client, submission, group):
    client.force_login(staff_member(group))
    response = client.get(reverse("membership_find_reference"), {"reference": submission.reference})
    assert response.status_code in {302, 403}
    assert response.status_code == 403 or response.url != reverse("membership_submission", args=[submission.pk])
