"""A person sends a form in Dutch, French or English: one dataset, a reference, officers told without the answers."""

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import strip_tags

from membership.models import NotificationSettings, Submission
from tests.member_data import LANGUAGES, answers_for, form_page, reply

FORMS = ["membership", "volunteer", "training"]


pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


@pytest.fixture
def officers_notified(db):
    notifications = NotificationSettings.load()
    notifications.recipients = "officer@utsopi.example, second@utsopi.example"
    notifications.save()
    return notifications


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_the_form_is_shown_uncached_with_its_traps_out_of_sight(client, form, language):
    response = client.get(form_page(form, language).url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'aria-hidden="true"><label for="id_website-address"' in html
    assert 'name="form-token"' in html
    assert 'type="hidden"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_a_reply_is_stored_with_its_language_and_consent_and_thanked_with_a_reference(
    client, django_capture_on_commit_callbacks, officers_notified, form, language
):
    page = form_page(form, language)
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, reply(page, chosen_name="Zoë"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    submission = Submission.objects.get(page=page)
    assert submission.language == language
    assert submission.consent_text == next(
        field.label for field in page.get_form_fields() if field.field_type == "checkbox"
    )
    assert submission.consented_at >= before
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert strip_tags(page.thank_you_text)[:30] in html
    assert f'<strong translate="no">{submission.reference}</strong>' in html


@pytest.mark.django_db
def test_officers_are_told_a_reply_arrived_with_a_link_and_never_the_answers(
    client, django_capture_on_commit_callbacks, officers_notified
):
    page = form_page("membership", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.url, reply(page, chosen_name="Marqueur-Unique-4242", contact="+32 470 00 00 00"))

    submission = Submission.objects.get(page=page)
    [message] = mail.outbox
    assert message.to == ["officer@utsopi.example", "second@utsopi.example"]
    text = message.subject + message.body
    assert f"/admin/member-data/submissions/{submission.pk}/" in message.body
    assert "Marqueur-Unique-4242" not in text
    assert "+32 470" not in text
    assert submission.reference not in text


@pytest.mark.django_db
def test_answers_in_every_language_land_in_one_dataset_with_the_same_keys_and_values(client):
    for language in LANGUAGES:
        page = form_page("membership", language)
        client.post(page.url, reply(page, membership_type="active", languages=["fr", "other"]))

    dutch = form_page("membership", "nl")
    submissions = list(dutch.get_submissions().order_by("language"))
    assert [submission.language for submission in submissions] == ["en", "fr", "nl"]
    assert {tuple(sorted(submission.form_data)) for submission in submissions} == {
        ("chosen_name", "consent", "contact", "contact_channel", "languages", "membership_type")
    }
    assert {submission.form_data["membership_type"] for submission in submissions} == {"active"}
    assert {tuple(submission.form_data["languages"]) for submission in submissions} == {("fr", "other")}
    assert list(form_page("membership", "fr").get_submissions()) == list(dutch.get_submissions())


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_choices_are_offered_in_the_visitors_language_under_stable_keys(client, language):
    page = form_page("membership", language)
    html = client.get(page.url).content.decode()
    assert 'value="supporting"' in html
    assert 'value="active"' in html
    labels = dict(
        next(field for field in page.get_form_fields() if field.clean_name == "membership_type").choice_options()
    )
    assert labels["active"] == {"nl": "Actief lid", "fr": "Membre actif", "en": "Active member"}[language]


@pytest.mark.django_db
def test_no_mail_is_sent_when_no_recipient_is_set(client, django_capture_on_commit_callbacks):
    page = form_page("volunteer", "en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.url, reply(page))
    assert Submission.objects.filter(page=page).count() == 1
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_training_form_asks_for_an_organisation_and_its_kind(client):
    page = form_page("training", "fr")
    client.post(page.url, reply(page, organisation="École Test", organisation_type="school"))
    assert Submission.objects.get(page=page).form_data == {
        **answers_for(page, organisation="École Test", organisation_type="school"),
        "consent": True,
    }
