"""Bad input never loses what a person typed, never stores half a reply, and never ends in a 500."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django import forms
from django.core import mail
from django.core.validators import EmailValidator
from django.db import OperationalError, connection, connections
from django.test import Client
from django.utils import translation

from membership.models import NotificationSettings, Submission
from tests.member_data import form_page, reply

pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


def error_beside(html, field_name):
    """The text of the error shown beside one field (its element with id id_<name>_error)."""
    start = html.index(f'id="id_{field_name}_error"')
    return html[start : html.index("</div>", start)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_each_invalid_field_shows_a_translated_error_beside_it_and_everything_typed_is_kept(client, language):
    page = form_page("membership", language)
    data = reply(page, chosen_name="Zoë Ünïcode", contact="", languages=["fr", "en"])
    del data["consent"]
    response = client.post(page.url, data)

    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        required = str(forms.Field.default_error_messages["required"])
    assert language == "en" or required != "This field is required."
    assert required in error_beside(html, "contact")
    assert required in error_beside(html, "consent")
    assert 'id="id_chosen_name_error"' not in html
    assert 'value="Zoë Ünïcode"' in html
    assert 'value="fr" id="id_languages_1" checked' in html or 'value="fr" checked' in html
    assert 'value="supporting" id="id_membership_type_0" required checked' in html or (
        'value="supporting"' in html and "checked" in html
    )
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_wrong_email_and_an_unknown_choice_are_explained_in_french(client):
    page = form_page("training", "fr")
    response = client.post(page.url, reply(page, email="pas-une-adresse", organisation_type="pirates"))
    html = response.content.decode()
    with translation.override("fr"):
        invalid_email = str(EmailValidator.message)
        invalid_choice = str(forms.ChoiceField.default_error_messages["invalid_choice"]) % {"value": "pirates"}
    assert "Saisissez" in invalid_email
    assert invalid_email in error_beside(html, "email")
    assert invalid_choice in error_beside(html, "organisation_type")
    assert 'value="pas-une-adresse"' in html
    assert not Submission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"chosen_name": "json"}', "application/json"),
        (b"chosen_name=%FF%FE%FD&contact=x", "application/x-www-form-urlencoded"),
        (b"chosen_name=\xff\xfe\xfd&contact=x", "application/x-www-form-urlencoded"),
        (b"chosen_name=" + b"x" * (3 * 1024 * 1024), "application/x-www-form-urlencoded"),
        (b"&".join(b"f%d=1" % index for index in range(10_001)), "application/x-www-form-urlencoded"),
        (b"--nothing\r\ngarbage", "multipart/form-data"),
        (b"\x00\x01\x02\xff", "text/plain"),
    ],
    ids=[
        "json",
        "invalid-utf8",
        "raw-invalid-utf8",
        "oversized",
        "too-many-fields",
        "multipart-without-boundary",
        "binary",
    ],
)
def test_garbled_oversized_or_wrongly_encoded_posts_get_the_400_page(client, body, content_type):
    page = form_page("membership", "fr")
    response = client.generic("POST", page.url, body, content_type=content_type)
    assert response.status_code == 400
    assert "<!doctype html>" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_null_character_is_refused_as_an_error_not_a_crash(client):
    page = form_page("volunteer", "en")
    response = client.post(page.url, reply(page, chosen_name="Sam\x00", message="\x00"))
    assert response.status_code == 200
    assert 'id="id_chosen_name_error"' in response.content.decode()
    assert not Submission.objects.exists()


def failing(statements):
    """A database that fails (as when it is down) for the statements `statements` picks out."""

    def execute(execute, sql, params, many, context):
        if statements(sql):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    return execute


@pytest.mark.django_db
@pytest.mark.parametrize(
    "statements",
    [lambda sql: sql.lstrip().upper().startswith("INSERT"), lambda sql: True],
    ids=["down-when-saving", "down-altogether"],
)
def test_a_database_failure_at_submit_says_not_sent_and_keeps_nothing(
    client, django_capture_on_commit_callbacks, statements
):
    notifications = NotificationSettings.load()
    notifications.recipients = "officer@utsopi.example"
    notifications.save()
    page = form_page("membership", "en")
    data = reply(page)
    client.get(page.url)

    with django_capture_on_commit_callbacks(execute=True), connection.execute_wrapper(failing(statements)):
        response = client.post(page.url, data)

    assert response.status_code == 503
    assert "Your form was not sent" in response.content.decode()
    assert not Submission.objects.exists()
    assert mail.outbox == []


def test_twenty_replies_sent_at_once_are_twenty_submissions_with_their_own_reference(committed):
    page = form_page("volunteer", "nl")
    replies = [reply(page, chosen_name=f"Person {index}") for index in range(20)]
    start = threading.Barrier(len(replies))

    def send(data):
        try:
            client = Client()
            start.wait()
            return client.post(page.url, data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(replies)) as pool:
        statuses = list(pool.map(send, replies))

    assert statuses == [200] * 20
    submissions = Submission.objects.filter(page=page)
    assert sorted(submission.form_data["chosen_name"] for submission in submissions) == sorted(
        data["chosen_name"] for data in replies
    )
    assert len({submission.reference for submission in submissions}) == 20
