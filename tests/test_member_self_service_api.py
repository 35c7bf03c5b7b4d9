"""The same self-service through the API: a front end opens, corrects and withdraws a sign-up for its member.

Every refusal is a problem document (application/problem+json), never cached; the protections are those
of the "my sign-up" pages.
"""

import json
import time

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from membership.models import NotificationSettings, Submission
from membership.spam import form_started_token
from tests.member_data import answers_for, form_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]

ACCESS = "/api/v2/sign-ups/access/"
ANSWERS = "/api/v2/sign-ups/answers/"
WITHDRAWAL = "/api/v2/sign-ups/withdrawal/"


def send(client, path, body, method="post", **extra):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json", **extra)


def api_answers(page, **overrides):
    """Answers as JSON: booleans for checkboxes, lists for multiple choices."""
    answers = answers_for(page, **overrides)
    return {key: True if value == "on" else value for key, value in answers.items()}


def sign_up(client, page, **overrides):
    body = {
        "answers": api_answers(page, **overrides),
        "form_token": form_started_token(page, issued_at=time.time() - 60),  # as if shown a minute ago
    }
    created = send(client, f"/api/v2/forms/{page.pk}/", body)
    assert created.status_code == 201
    return created.json()["reference"], created.json()["secret"]


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert "no-store" in response["Cache-Control"]
    problem = response.json()
    assert {"type", "title", "status", "detail"} <= problem.keys()
    assert problem["status"] == status
    return problem


def test_a_front_end_opens_corrects_and_withdraws_a_sign_up(client, django_capture_on_commit_callbacks):
    notifications = NotificationSettings.load()
    notifications.recipients = "officer@utsopi.example"
    notifications.save()
    page = form_page("membership", "fr")
    reference, secret = sign_up(client, page, contact="avant@example.org")

    opened = send(client, ACCESS, {"reference": reference, "secret": secret})
    assert opened.status_code == 200
    assert "no-store" in opened["Cache-Control"]
    sign_up_data = opened.json()
    assert sign_up_data["answers"]["contact"] == "avant@example.org"
    assert (sign_up_data["reference"], sign_up_data["revision"], sign_up_data["form_id"]) == (reference, 0, page.pk)

    correction = {
        "reference": reference,
        "secret": secret,
        "revision": 0,
        "answers": api_answers(page, contact="après@example.org"),
        "form_token": form_started_token(page, issued_at=time.time() - 60),
    }
    with django_capture_on_commit_callbacks(execute=True):
        corrected = send(client, ANSWERS, correction, method="put")
    assert corrected.status_code == 200
    assert corrected.json()["answers"]["contact"] == "après@example.org"
    assert corrected.json()["revision"] == 1

    replayed = assert_problem(send(client, ANSWERS, correction, method="put"), 409)
    assert "révision" in replayed["detail"], "in the language of the form"

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = send(client, WITHDRAWAL, {"reference": reference, "secret": secret})
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn"] is True
    assert not Submission.objects.filter(reference=reference).exists()
    assert_problem(send(client, ACCESS, {"reference": reference, "secret": secret}), 403)

    actions = list(
        ModelLogEntry.objects.filter(action__startswith="membership.submissions.").order_by("pk").values_list("action")
    )
    assert actions == [("membership.submissions.correct",), ("membership.submissions.withdraw",)]
    assert [message.subject for message in mail.outbox] == [
        "Een inschrijving werd verbeterd op de UTSOPI-website",
        "Een inschrijving werd ingetrokken op de UTSOPI-website",
    ]
    assert all(reference not in message.body for message in mail.outbox)


def test_a_wrong_secret_and_a_wrong_reference_get_the_same_problem(client):
    reference, secret = sign_up(client, form_page("membership", "en"))
    wrong_secret = assert_problem(send(client, ACCESS, {"reference": reference, "secret": "A" * 20}), 403)
    wrong_reference = assert_problem(send(client, ACCESS, {"reference": "UTS-0000-0000", "secret": secret}), 403)
    assert wrong_secret == wrong_reference
    assert secret not in json.dumps(wrong_reference)


def test_references_and_secrets_are_accepted_however_they_are_typed(client):
    reference, secret = sign_up(client, form_page("membership", "en"))
    typed = {"reference": f"  {reference.lower()} ", "secret": secret.replace("-", " ").lower()}
    assert send(client, ACCESS, typed).status_code == 200


def test_after_the_limit_of_tries_the_api_says_how_long_to_wait(client, settings):
    settings.MEMBER_ACCESS_RATE_LIMIT_PER_REFERENCE = (2, 600)
    reference, secret = sign_up(client, form_page("membership", "fr"))
    for _try in range(2):
        assert_problem(send(client, ACCESS, {"reference": reference, "secret": "WRONG"}), 403)
    problem = assert_problem(
        send(client, ACCESS, {"reference": reference, "secret": secret}, HTTP_ACCEPT_LANGUAGE="fr"), 429
    )
    assert "veuillez attendre" in problem["detail"]
    assert 0 < problem["retry_after"] <= 601


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 400),
        ("[1, 2]", 400),
        (json.dumps({"reference": "UTS-0000-0000"}), 400),
        (json.dumps({"reference": 12, "secret": "x"}), 400),
        (json.dumps({"reference": "x", "secret": "y", "extra": 1}), 400),
        (json.dumps({"reference": "\ud800", "secret": "y"}), 400),
        (json.dumps({"reference": "UTS-" + "A" * 10_000, "secret": "B" * 10_000}), 403),
    ],
)
def test_malformed_requests_get_a_problem_never_an_error(client, body, status):
    assert_problem(client.post(ACCESS, body, content_type="application/json"), status)


def test_other_content_types_and_methods_are_refused_as_problems(client):
    assert_problem(client.post(ACCESS, {"reference": "x", "secret": "y"}), 415)
    refused = assert_problem(client.get(ACCESS), 405)
    assert refused["status"] == 405
    assert client.get(ACCESS)["Allow"] == "POST"
    assert client.delete(ANSWERS)["Allow"] == "PUT"


def test_a_correction_that_fails_validation_changes_nothing(client):
    page = form_page("membership", "nl")
    reference, secret = sign_up(client, page, contact="blijft@example.org")
    base = {"reference": reference, "secret": secret, "revision": 0}
    token = form_started_token(page, issued_at=time.time() - 60)
    wrong_type = {**base, "answers": {**api_answers(page), "consent": "yes"}, "form_token": token}
    assert "consent" in assert_problem(send(client, ANSWERS, wrong_type, method="put"), 400)["errors"]
    missing_consent = {**base, "answers": {**api_answers(page), "consent": False}, "form_token": token}
    assert "consent" in assert_problem(send(client, ANSWERS, missing_consent, method="put"), 400)["errors"]
    too_soon = {**base, "answers": api_answers(page), "form_token": form_started_token(page)}
    assert "__all__" in assert_problem(send(client, ANSWERS, too_soon, method="put"), 400)["errors"]
    no_revision = {**base, "revision": "0", "answers": api_answers(page), "form_token": token}
    assert_problem(send(client, ANSWERS, no_revision, method="put"), 400)
    assert Submission.objects.get(reference=reference).form_data["contact"] == "blijft@example.org"


def test_a_correction_or_withdrawal_with_a_wrong_secret_is_refused(client):
    page = form_page("membership", "en")
    reference, _secret = sign_up(client, page)
    correction = {
        "reference": reference,
        "secret": "A" * 20,
        "revision": 0,
        "answers": api_answers(page),
        "form_token": form_started_token(page, issued_at=time.time() - 60),
    }
    assert_problem(send(client, ANSWERS, correction, method="put"), 403)
    assert_problem(send(client, WITHDRAWAL, {"reference": reference, "secret": "A" * 20}), 403)
    assert Submission.objects.filter(reference=reference).exists()


def test_the_operations_are_in_the_openapi_document(client):
    document = client.get("/api/v2/openapi.json").json()
    assert document["paths"]["/sign-ups/access/"]["post"]["operationId"] == "openSignUp"
    assert document["paths"]["/sign-ups/answers/"]["put"]["operationId"] == "correctSignUp"
    assert document["paths"]["/sign-ups/withdrawal/"]["post"]["operationId"] == "withdrawSignUp"
    assert {"Problem", "SignUp", "SignUpAccess", "SignUpCorrection"} <= document["components"]["schemas"].keys()
    assert "secret" in document["components"]["schemas"]["FormReceived"]["required"]


def test_a_submission_sent_before_secrets_existed_opens_with_no_secret(client):
    """Older submissions have no secret hash: nothing typed, not even nothing, opens them."""
    reference, _secret = sign_up(client, form_page("membership", "en"))
    Submission.objects.filter(reference=reference).update(secret_hash="")
    for typed in ["", "0000-0000-0000-0000-0000"]:
        assert_problem(send(client, ACCESS, {"reference": reference, "secret": typed}), 403)
