"""Lockout after repeated failed admin sign-ins (django-axes), as the README documents it.

Five wrong passwords in a row lock the account's sign-in for fifteen minutes, counted per user name, so no
IP address is stored; the lock lifts by itself fifteen minutes after it began, or at once with
`manage.py axes_reset_username <name>`.
"""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

PASSWORD = "a-long-password-for-tests-1"


@pytest.fixture
def client():
    """These tests read the admin's messages in English (the admin follows the browser's language)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", email="", password=PASSWORD)


def sign_in(client, password, username="editor"):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def fail(client, times, username="editor"):
    for _attempt in range(times):
        response = sign_in(client, "wrong-password", username)
    return response


def wait_out_the_lock():
    """As if AXES_COOLOFF_TIME had passed since the last recorded failure."""
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )


@pytest.mark.django_db
def test_five_failures_lock_the_account_even_with_the_right_password(client, editor):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    response = fail(client, 4)
    assert response.status_code == 200
    response = fail(client, 1)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Try again in 15 minutes." in html
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lock_lifts_after_the_cool_off_even_if_someone_kept_trying(client, editor):
    fail(client, 5)
    fail(client, 3)  # failures while locked do not extend the lock
    assert sign_in(client, PASSWORD).status_code == 429
    wait_out_the_lock()
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_an_administrator_can_lift_the_lock_at_once(client, editor):
    fail(client, 5)
    call_command("axes_reset_username", "editor", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_is_per_account_and_keeps_no_ip_address(client, editor):
    get_user_model().objects.create_superuser("other", email="", password=PASSWORD)
    fail(client, 5)
    assert sign_in(client, PASSWORD, username="other").status_code == 302
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "editor"
    assert attempt.ip_address is None
    assert "wrong-password" not in attempt.post_data
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_a_success_clears_earlier_failures(client, editor):
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302
