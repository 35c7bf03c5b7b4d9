"""Spam is stopped without a third party; a refused reply stores nothing and sends nothing."""

import re
import time
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.cache import cache

from membership.models import NotificationSettings, Submission
from membership.spam import HONEYPOT_FIELD, STARTED_FIELD, form_started_token
from tests.member_data import form_page, reply

ADDRESS = "203.0.113.9"


pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


@pytest.fixture
def notified(db):
    notifications = NotificationSettings.load()
    notifications.recipients = "officer@utsopi.example"
    notifications.save()


def send(client, page, data, address=ADDRESS, **headers):
    return client.post(page.url, data, REMOTE_ADDR=address, **headers)


def assert_nothing_kept(page):
    assert not Submission.objects.filter(page__translation_key=page.translation_key).exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_filled_honeypot_stores_and_sends_nothing(client, django_capture_on_commit_callbacks, notified):
    page = form_page("membership", "nl")
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, page, {**reply(page), HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert_nothing_kept(page)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_reply_sent_too_quickly_stores_nothing_and_keeps_what_was_typed(
    client, django_capture_on_commit_callbacks, notified, language
):
    page = form_page("volunteer", language)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, page, reply(page, seconds_ago=0, chosen_name="Typed name"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Typed name"' in html
    assert_nothing_kept(page)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    [
        "",
        "garbage",
        "a:b:c",
        form_started_token(SimpleNamespace(translation_key="another-form"), issued_at=time.time() - 60),
    ],
)
def test_a_missing_or_forged_timestamp_stores_nothing_and_a_new_one_is_given(client, token):
    page = form_page("training", "en")
    response = send(client, page, {**reply(page), STARTED_FIELD: token})
    assert_nothing_kept(page)
    given = re.search(r'name="form-token" value="([^"]+)"', response.content.decode()).group(1)
    assert given != token
    send(client, page, {**reply(page), STARTED_FIELD: given})
    assert_nothing_kept(page)  # the new timestamp is fresh: sent at once, it is still too quick


@pytest.mark.django_db
def test_a_reply_over_the_limit_for_its_address_is_refused_and_others_go_on(
    client, django_capture_on_commit_callbacks, notified, settings
):
    settings.MEMBER_FORMS_RATE_LIMIT = (3, 600)
    page = form_page("membership", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [send(client, page, reply(page)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert Submission.objects.filter(page=page).count() == 3
    assert len(mail.outbox) == 3

    assert send(client, page, reply(page), address="198.51.100.7").status_code == 200
    assert Submission.objects.filter(page=page).count() == 4


@pytest.mark.django_db
def test_the_shared_cache_holds_no_plain_address(client):
    page = form_page("membership", "en")
    send(client, page, reply(page))
    keys = list(cache._cache)
    assert keys
    assert not [key for key in keys if ADDRESS in key]


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_visitors_own_address_is_counted(client, settings):
    settings.MEMBER_FORMS_RATE_LIMIT = (1, 600)
    settings.TRUSTED_PROXY_COUNT = 1
    page = form_page("membership", "nl")
    proxy = "10.0.0.2"
    assert send(client, page, reply(page), proxy, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert send(client, page, reply(page), proxy, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200
    assert send(client, page, reply(page), proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.2").status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["membership", "volunteer", "training"])
def test_no_captcha_and_no_script_from_another_host(client, form):
    html = client.get(form_page(form, "nl").url).content.decode()
    assert "captcha" not in html.lower()
    assert not re.search(r"<script[^>]+src=\"(https?:)?//", html)
