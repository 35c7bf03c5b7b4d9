"""Forms, headless: a front end renders a form from the API alone and sends it as JSON, with the HTML form's checks."""

import json
import re
import time

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from membership.models import Submission
from membership.spam import form_started_token
from tests.conftest import conforms
from tests.member_data import LANGUAGES, all_form_pages, form_page
from tests.test_api_safety import every_api_response

MARKER = "Api-Reply-Marker-3W8"
FORMS = ["membership", "volunteer", "training"]


pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


def send(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def old_token(page, seconds_ago=60):
    return form_started_token(page, issued_at=time.time() - seconds_ago)


def answer_from_schema(question, text):
    """What a front end sends for a question, using nothing but the question's description."""
    if question["type"] == "checkbox":
        return True
    if question["type"] in {"checkboxes", "multiselect"}:
        return [question["choices"][0]["key"]]
    if question["type"] in {"radio", "dropdown"}:
        return question["choices"][0]["key"]
    if question["type"] == "email":
        return "sam@example.org"
    return text


def questions(client, page):
    return client.get(f"/api/v2/pages/{page.id}/").json()["form"]["questions"]


@pytest.mark.django_db
def test_a_script_lists_the_french_pages_renders_the_membership_form_and_sends_it(client, settings, openapi):
    settings.MEMBER_FORMS_MIN_FILL_SECONDS = 1
    listing = client.get("/api/v2/pages/", {"locale": "fr", "type": "membership.MembershipFormPage"}).json()
    [item] = listing["items"]
    detail = client.get(item["meta"]["detail_url"]).json()
    form = detail["form"]
    assert detail["meta"]["locale"] == "fr"
    assert detail["submit_label"]
    assert form["questions"]

    token = client.get(form["submission_url"])
    conforms(openapi, "/forms/{id}/", "get", token)
    assert "no-store" in token["Cache-Control"]
    time.sleep(form["send_after_seconds"])
    reply = {
        "answers": {question["key"]: answer_from_schema(question, MARKER) for question in form["questions"]},
        "form_token": token.json()["form_token"],
        "website_address": "",
    }
    response = send(client, form["submission_url"], reply)

    assert response.status_code == 201, response.json()
    conforms(openapi, "/forms/{id}/", "post", response)
    assert "no-store" in response["Cache-Control"]
    reference = response.json()["reference"]
    assert re.fullmatch(r"UTS-[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    assert MARKER not in response.content.decode()
    submission = Submission.objects.get(reference=reference)
    assert submission.language == "fr"
    assert MARKER in submission.form_data.values()
    with connection.cursor() as cursor:
        cursor.execute("SELECT form_data FROM membership_submission WHERE id = %s", [submission.id])
        assert MARKER not in str(cursor.fetchone()[0])
    assert MARKER not in every_api_response(client)


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS)
def test_every_language_asks_the_same_questions_under_the_same_keys_in_its_own_words(client, form):
    described = {language: questions(client, form_page(form, language)) for language in LANGUAGES}
    shapes = {
        language: [(q["key"], q["type"], q["required"], [c["key"] for c in q["choices"]]) for q in items]
        for language, items in described.items()
    }
    assert shapes["nl"] == shapes["fr"] == shapes["en"]
    assert [q["label"] for q in described["nl"]] != [q["label"] for q in described["fr"]]


@pytest.mark.django_db
def test_the_questions_are_those_of_the_html_form(client):
    for page in all_form_pages():
        html = client.get(page.url).content.decode()
        for question in questions(client, page):
            assert f'name="{question["key"]}"' in html
            for choice in question["choices"]:
                assert f'value="{choice["key"]}"' in html
                assert choice["label"] in html
            if question["type"] in {"singleline", "multiline"}:
                assert question["max_length"] in {255, 5000}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "required_message"),
    [("nl", "Dit is een verplicht veld."), ("fr", "Champ requis."), ("en", "This field is required.")],
)
def test_missing_answers_come_back_per_question_in_the_forms_language(client, openapi, language, required_message):
    page = form_page("membership", language)
    response = send(client, f"/api/v2/forms/{page.id}/", {"answers": {}, "form_token": old_token(page)})

    assert response.status_code == 400
    conforms(openapi, "/forms/{id}/", "post", response)
    errors = response.json()["errors"]
    required = [field.clean_name for field in page.get_form_fields() if field.required]
    assert required
    assert sorted(errors) == sorted(required)
    assert all(messages == [required_message] for messages in errors.values())
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_answers_of_the_wrong_kind_are_named_per_question_and_nothing_is_kept(client, openapi):
    page = form_page("membership", "fr")
    by_type = {field.field_type: field.clean_name for field in page.get_form_fields()}
    answers = {by_type["checkbox"]: "oui", by_type["singleline"]: ["a", "b"], "no_such_question": "x"}
    response = send(client, f"/api/v2/forms/{page.id}/", {"answers": answers, "form_token": old_token(page)})

    assert response.status_code == 400
    conforms(openapi, "/forms/{id}/", "post", response)
    errors = response.json()["errors"]
    assert errors[by_type["checkbox"]] == ["Répondez par true ou false."]
    assert errors[by_type["singleline"]] == ["Répondez par un texte."]
    assert errors["no_such_question"] == ["Ce formulaire n’a pas de question avec cette clé."]  # noqa: RUF001 (French typography)
    assert not Submission.objects.exists()


def valid_reply(client, page, **extra):
    answers = {question["key"]: answer_from_schema(question, "Sam") for question in questions(client, page)}
    return {"answers": answers, "form_token": old_token(page), "website_address": "", **extra}


@pytest.mark.django_db
def test_a_filled_in_honeypot_is_refused_and_nothing_is_kept(client, openapi):
    page = form_page("volunteer", "nl")
    response = send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page, website_address="http://spam"))

    assert response.status_code == 400
    conforms(openapi, "/forms/{id}/", "post", response)
    assert response.json()["errors"]["__all__"]
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_refusal_before_the_token_is_checked_offers_no_token(client):
    page = form_page("volunteer", "nl")
    reply = valid_reply(client, page, website_address="http://spam")
    del reply["form_token"]
    response = send(client, f"/api/v2/forms/{page.id}/", reply)

    assert response.status_code == 400
    assert "form_token" not in response.json()


@pytest.mark.django_db
def test_a_reply_sent_too_fast_is_refused_and_the_same_token_works_a_little_later(client):
    page = form_page("training", "en")
    fresh = form_started_token(page)
    response = send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page, form_token=fresh))

    assert response.status_code == 400
    assert response.json()["errors"]["__all__"] == [
        "Your form could not be sent yet. Please check your answers and send it again."
    ]
    assert "form_token" not in response.json()
    assert not Submission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "forged-token"])
def test_a_missing_or_forged_token_is_refused_with_a_fresh_one_to_send_again(client, token):
    page = form_page("training", "nl")
    response = send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page, form_token=token))

    assert response.status_code == 400
    assert response.json()["form_token"] not in {"", token}
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_token_of_another_form_does_not_count(client):
    page, other = form_page("training", "nl"), form_page("volunteer", "nl")
    response = send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page, form_token=old_token(other)))
    assert response.status_code == 400
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_the_rate_limit_is_shared_with_the_html_form(client, settings, openapi):
    settings.MEMBER_FORMS_RATE_LIMIT = (2, 600)
    page = form_page("volunteer", "fr")
    client.post(page.url, {})  # one attempt through the HTML form
    assert send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page)).status_code == 201
    response = send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page))

    assert response.status_code == 429
    conforms(openapi, "/forms/{id}/", "post", response)
    assert "trop" in response.json()["message"]
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_a_reply_never_shows_in_the_logs(client, caplog):
    page = form_page("membership", "nl")
    with caplog.at_level("DEBUG"):
        send(client, f"/api/v2/forms/{page.id}/", valid_reply(client, page, website_address=MARKER))
        reply = valid_reply(client, page)
        reply["answers"] = {key: MARKER if isinstance(value, str) else value for key, value in reply["answers"].items()}
        send(client, f"/api/v2/forms/{page.id}/", reply)
    assert MARKER not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("answers=1", "application/x-www-form-urlencoded", 415),
        ("{not json", "application/json", 400),
        ("[]", "application/json", 400),
        ('{"answers": [], "form_token": "x"}', "application/json", 400),
        ('{"answers": {}, "form_token": 5}', "application/json", 400),
        ('{"answers": {}, "form_token": "x", "extra": 1}', "application/json", 400),
        ('{"answers": {"chosen_name": "\\ud800"}, "form_token": "x"}', "application/json", 400),
        (b'{"answers": {"chosen_name": "\xff"}}', "application/json", 400),
    ],
)
def test_malformed_replies_get_a_json_reason(client, openapi, body, content_type, status):
    page = form_page("membership", "fr")
    response = client.post(f"/api/v2/forms/{page.id}/", body, content_type=content_type)

    assert response.status_code == status
    conforms(openapi, "/forms/{id}/", "post", response)
    assert response.json()["message"]
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_only_live_public_form_pages_take_replies(client):
    private = form_page("volunteer", "nl")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret-pass")
    unpublished = form_page("training", "fr")
    unpublished.unpublish()
    faq = client.get("/api/v2/pages/", {"type": "home.FaqPage", "locale": "nl"}).json()["items"][0]

    for page_id in (private.id, unpublished.id, faq["id"], 999999):
        assert client.get(f"/api/v2/forms/{page_id}/").status_code == 404
        assert send(client, f"/api/v2/forms/{page_id}/", {"answers": {}}).status_code == 404
    assert client.get("/api/v2/forms/abc/").status_code == 400
    page = form_page("membership", "nl")
    assert client.put(f"/api/v2/forms/{page.id}/", "{}", content_type="application/json").status_code == 405


@pytest.mark.django_db
def test_a_listed_front_end_may_send_replies_from_the_browser(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.utsopi.example"]
    page = form_page("membership", "nl")
    preflight = client.options(
        f"/api/v2/forms/{page.id}/",
        HTTP_ORIGIN="https://app.utsopi.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://app.utsopi.example"
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    elsewhere = client.options(
        f"/api/v2/forms/{page.id}/", HTTP_ORIGIN="https://elsewhere.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "Access-Control-Allow-Origin" not in elsewhere
