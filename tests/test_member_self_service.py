"""A member sees, corrects, downloads and withdraws their own sign-up with its reference and secret, no account.

The acceptance scenario of issue 17 in a browser-like client, and each refusal a person may meet.
"""

import json
import re
import time

import pytest
from django.contrib.auth.hashers import ScryptPasswordHasher
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from membership.member_keys import normalise_secret
from membership.member_views import SESSION_KEY
from membership.models import NotificationSettings, Submission
from tests.member_data import LANGUAGES, form_page, reply, staff_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]

SECRET_SHOWN = re.compile(r'class="member-key__secret" translate="no">([0-9A-Z-]+)</strong>')
REFERENCE_SHOWN = re.compile(r'<strong translate="no">(UTS-[0-9A-Z-]+)</strong>')
NO_MATCH = {
    "fr": "Aucune inscription ne correspond à cette référence et à ce secret.",
    "en": "No sign-up matches this reference and secret.",
}


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def sign_up(client, page, **answers):
    """Send the form as a person does; the reference and the secret read from the thank-you page."""
    response = client.post(page.url, reply(page, **answers))
    html = response.content.decode()
    return REFERENCE_SHOWN.search(html).group(1), SECRET_SHOWN.search(html).group(1)


def open_sign_up(client, language, reference, secret, **extra):
    return client.post(url("membership_my_sign_up", language), {"reference": reference, "secret": secret}, **extra)


@pytest.fixture
def officers_notified(db):
    notifications = NotificationSettings.load()
    notifications.recipients = "officer@utsopi.example"
    notifications.save()


def test_a_french_member_sees_corrects_downloads_and_withdraws_their_sign_up(
    client, django_capture_on_commit_callbacks, officers_notified, caplog
):
    caplog.set_level("DEBUG")
    page = form_page("membership", "fr")
    reference, secret = sign_up(client, page, chosen_name="Camille", contact="camille@example.org")
    mail.outbox.clear()

    opened = open_sign_up(client, "fr", reference, secret)
    assert opened.status_code == 302
    answers = client.get(opened["Location"])
    html = answers.content.decode()
    assert answers.request["PATH_INFO"].startswith("/fr/mon-inscription/")
    assert "camille@example.org" in html
    assert "Camille" in html
    assert "Moyen de contact" in html, "the questions are shown in French"
    assert client.session[SESSION_KEY].keys() == {"id", "seen"}, "the session holds only the id and a time"

    correct_url = url("membership_my_sign_up_correct", "fr")
    form = client.get(correct_url)
    assert 'value="camille@example.org"' in form.content.decode(), "the form starts from the stored answers"
    corrected = reply(page, chosen_name="Camille", contact="nouvelle@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(correct_url, {**corrected, "revision": "0"}, follow=True)
    assert "Vos réponses ont été corrigées." in response.content.decode()
    assert Submission.objects.get(reference=reference).form_data["contact"] == "nouvelle@example.org"

    text_file = client.get(url("membership_my_sign_up_download", "fr", "text"))
    assert text_file["Content-Disposition"] == f'attachment; filename="utsopi-{reference}.txt"'
    assert "nouvelle@example.org" in text_file.content.decode()
    assert "camille@" not in text_file.content.decode()
    json_file = client.get(url("membership_my_sign_up_download", "fr", "json"))
    assert json.loads(json_file.content)["answers"]["contact"] == "nouvelle@example.org"

    confirmation = client.get(url("membership_my_sign_up_withdraw", "fr"))
    assert "Cette action est irréversible." in confirmation.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = client.post(url("membership_my_sign_up_withdraw", "fr"))
    assert withdrawn.status_code == 200
    assert SESSION_KEY not in client.session
    assert not Submission.objects.filter(reference=reference).exists()

    officer = staff_member("Membership officers")
    client.force_login(officer)
    listing = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert reference not in listing.content.decode()

    entries = ModelLogEntry.objects.filter(
        action__in=["membership.submissions.correct", "membership.submissions.withdraw"]
    ).order_by("pk")
    assert [entry.action for entry in entries] == ["membership.submissions.correct", "membership.submissions.withdraw"]
    for entry in entries:
        logged = json.dumps(entry.data) + str(entry.user_id) + entry.label
        assert entry.user is None
        assert reference not in logged
        assert "Camille" not in logged
        assert "@example.org" not in logged

    assert [message.subject for message in mail.outbox] == [
        "Een inschrijving werd verbeterd op de UTSOPI-website",
        "Een inschrijving werd ingetrokken op de UTSOPI-website",
    ]
    for message in mail.outbox:
        assert reference not in message.body
        assert "Camille" not in message.body
        assert "example.org" not in message.body

    assert secret not in caplog.text
    assert reference not in caplog.text
    assert "nouvelle@" not in caplog.text


def test_the_thank_you_page_shows_the_secret_once_with_a_way_to_keep_it(client):
    page = form_page("membership", "nl")
    response = client.post(page.url, reply(page))
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    secret = SECRET_SHOWN.search(html).group(1)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}", secret), "100 bits, no look-alikes"
    assert "Bewaar ze nu" in html
    download = re.search(r'href="data:text/plain;charset=utf-8,([^"]+)" download="utsopi-UTS-', html).group(1)
    assert secret in download
    assert "mijn-inschrijving" in download
    assert "data-print hidden" in html
    assert "/static/js/print.js" in html
    assert f'href="{url("membership_my_sign_up", "nl")}"' in html

    again = client.get(page.url)
    assert secret not in again.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_my_sign_up_page_linked_from_the_footer_and_the_forms(client, language):
    address = url("membership_my_sign_up", language)
    assert address == {"nl": "/nl/mijn-inschrijving/", "fr": "/fr/mon-inscription/", "en": "/en/my-sign-up/"}[language]
    response = client.get(address)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    for page in [form_page("membership", language), form_page("volunteer", language)]:
        html = client.get(page.url).content.decode()
        assert html.count(f'href="{address}"') == 2, "in the form and in the footer"


def test_a_wrong_secret_and_a_wrong_reference_get_the_same_answer_after_the_same_hash_check(client, settings):
    settings.MEMBER_SECRET_HASHER = "tests.test_member_self_service.CountingHasher"
    page = form_page("membership", "fr")
    reference, secret = sign_up(client, page)
    CountingHasher.checks = 0

    wrong_secret = open_sign_up(client, "fr", reference, "AAAA-AAAA-AAAA-AAAA-AAAA")
    wrong_reference = open_sign_up(client, "fr", "UTS-0000-0000", secret)
    malformed = open_sign_up(client, "fr", "not a reference", secret)
    assert CountingHasher.checks == 3, "a hash is checked whether or not the reference exists"
    for response in [wrong_secret, wrong_reference, malformed]:
        assert response.status_code == 403
        assert NO_MATCH["fr"] in response.content.decode()
        assert secret not in response.content.decode(), "the secret typed is not sent back"
    assert SESSION_KEY not in client.session


class CountingHasher(ScryptPasswordHasher):
    checks = 0

    def verify(self, password, encoded):
        CountingHasher.checks += 1
        return super().verify(password, encoded)


def test_references_and_secrets_are_accepted_however_they_are_typed(client):
    page = form_page("membership", "en")
    reference, secret = sign_up(client, page)
    typed_reference = reference.lower().replace("-", " ")
    typed_secret = " ".join(secret.lower().split("-")).replace("0", "o").replace("1", "l")
    response = open_sign_up(client, "en", typed_reference, typed_secret)
    assert response.status_code == 302
    assert normalise_secret(typed_secret) == secret


@pytest.mark.parametrize(
    ("reference", "secret"),
    [("", ""), ("UTS-" + "A" * 500, "B" * 500), ("UTS-\x00", "\x00"), ("<script>", "' OR 1=1 --")],
)
def test_empty_oversized_or_strange_input_gets_a_clear_message_never_an_error(client, reference, secret):
    response = open_sign_up(client, "en", reference, secret)
    assert response.status_code in {200, 403}
    assert "error-summary" in response.content.decode()


def test_after_the_limit_of_tries_a_clear_wait_message(client, settings):
    settings.MEMBER_ACCESS_RATE_LIMIT_PER_ADDRESS = (3, 900)
    page = form_page("membership", "fr")
    reference, secret = sign_up(client, page)
    for _try in range(3):
        assert open_sign_up(client, "fr", reference, "WRONG-WRONG").status_code == 403
    refused = open_sign_up(client, "fr", reference, secret)
    assert refused.status_code == 429
    assert "Pour votre sécurité, veuillez attendre" in refused.content.decode()
    assert int(refused["Retry-After"]) <= 900


def test_the_limit_per_reference_holds_whatever_the_address(client, settings):
    settings.MEMBER_ACCESS_RATE_LIMIT_PER_REFERENCE = (2, 900)
    reference, secret = sign_up(client, form_page("membership", "en"))
    for address in ["192.0.2.1", "192.0.2.2"]:
        assert open_sign_up(client, "en", reference, "WRONG", REMOTE_ADDR=address).status_code == 403
    assert open_sign_up(client, "en", reference, secret, REMOTE_ADDR="192.0.2.3").status_code == 429


def test_successful_openings_do_not_use_up_the_limit(client, settings):
    settings.MEMBER_ACCESS_RATE_LIMIT_PER_REFERENCE = (2, 900)
    reference, secret = sign_up(client, form_page("membership", "en"))
    for _try in range(4):
        assert open_sign_up(client, "en", reference, secret).status_code == 302


def test_every_page_of_the_flow_is_no_store_and_its_quick_exit_ends_the_session(client):
    page = form_page("membership", "en")
    reference, secret = sign_up(client, page)
    pages = [url("membership_my_sign_up", "en")]
    assert "no-store" in open_sign_up(client, "en", reference, secret)["Cache-Control"]
    pages += [
        url(name, "en", *args)
        for name, args in [
            ("membership_my_sign_up_answers", ()),
            ("membership_my_sign_up_correct", ()),
            ("membership_my_sign_up_withdraw", ()),
            ("membership_my_sign_up_download", ("json",)),
            ("membership_my_sign_up_download", ("text",)),
        ]
    ]
    exit_url = url("membership_my_sign_up_exit", "en")
    for address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        assert "no-store" in response["Cache-Control"], address
        if response["Content-Type"].startswith("text/html"):
            assert f'class="quick-exit__button"\n           href="{exit_url}"' in response.content.decode()

    leaving = client.get(exit_url)
    assert leaving.status_code == 302
    assert leaving["Location"].startswith("https://")
    assert "no-store" in leaving["Cache-Control"]
    assert SESSION_KEY not in client.session
    assert client.get(url("membership_my_sign_up_answers", "en"))["Location"] == url("membership_my_sign_up", "en")


def test_signing_out_ends_the_session(client):
    reference, secret = sign_up(client, form_page("membership", "en"))
    open_sign_up(client, "en", reference, secret)
    client.post(url("membership_my_sign_up_sign_out", "en"))
    assert client.get(url("membership_my_sign_up_answers", "en")).status_code == 302


def test_the_session_ends_after_15_minutes_without_activity(client):
    reference, secret = sign_up(client, form_page("membership", "en"))
    open_sign_up(client, "en", reference, secret)
    assert client.get(url("membership_my_sign_up_answers", "en")).status_code == 200
    session = client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "seen": time.time() - 15 * 60 - 1}
    session.save()
    response = client.get(url("membership_my_sign_up_answers", "en"), follow=True)
    assert "You were signed out after 15 minutes without activity." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_correction_that_fails_validation_keeps_what_was_typed(client):
    page = form_page("membership", "fr")
    reference, secret = sign_up(client, page, contact="avant@example.org")
    open_sign_up(client, "fr", reference, secret)
    typed = {**reply(page, chosen_name="Nouveau nom", contact="après@example.org"), "revision": "0"}
    del typed["consent"]
    response = client.post(url("membership_my_sign_up_correct", "fr"), typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html
    assert 'value="Nouveau nom"' in html
    assert 'value="après@example.org"' in html
    assert Submission.objects.get(reference=reference).form_data["contact"] == "avant@example.org"


def test_a_replayed_correction_is_refused_and_keeps_what_was_typed(client):
    page = form_page("membership", "en")
    reference, secret = sign_up(client, page)
    open_sign_up(client, "en", reference, secret)
    first = {**reply(page, contact="first@example.org"), "revision": "0"}
    second = {**reply(page, contact="second@example.org"), "revision": "0"}
    assert client.post(url("membership_my_sign_up_correct", "en"), first).status_code == 302
    replayed = client.post(url("membership_my_sign_up_correct", "en"), second)
    assert replayed.status_code == 409
    assert "changed in another window or tab" in replayed.content.decode()
    assert 'value="second@example.org"' in replayed.content.decode()
    assert 'name="revision" value="1"' in replayed.content.decode()
    submission = Submission.objects.get(reference=reference)
    assert (submission.form_data["contact"], submission.revision) == ("first@example.org", 1)


def test_a_corrected_submission_keeps_its_date_and_is_purged_on_time(client):
    page = form_page("volunteer", "en")
    reference, secret = sign_up(client, page)
    submission = Submission.objects.get(reference=reference)
    Submission.objects.filter(pk=submission.pk).update(submit_time=submission.submit_time.replace(year=2020))
    open_sign_up(client, "en", reference, secret)
    client.post(url("membership_my_sign_up_correct", "en"), {**reply(page, chosen_name="Later"), "revision": "0"})
    assert Submission.objects.get(pk=submission.pk).submit_time.year == 2020

    call_command("purge_expired_submissions")
    gone = client.get(url("membership_my_sign_up_answers", "en"))
    assert gone.status_code == 410
    assert "This sign-up no longer exists" in gone.content.decode()
    assert SESSION_KEY not in client.session
    again = open_sign_up(client, "en", reference, secret)
    assert again.status_code == 403
    assert NO_MATCH["en"] in again.content.decode()


def test_a_withdrawn_sign_up_can_no_longer_be_opened(client):
    reference, secret = sign_up(client, form_page("membership", "en"))
    open_sign_up(client, "en", reference, secret)
    client.post(url("membership_my_sign_up_withdraw", "en"))
    again = open_sign_up(client, "en", reference, secret)
    assert again.status_code == 403
    assert NO_MATCH["en"] in again.content.decode()


def test_an_officers_session_reaches_no_member_data_through_these_pages(client):
    client.force_login(staff_member("Membership officers"))
    reference, _secret = sign_up(client, form_page("membership", "en"))
    assert client.get(url("membership_my_sign_up_answers", "en")).status_code == 302
    assert open_sign_up(client, "en", reference, "").status_code == 200, "the secret is required"
