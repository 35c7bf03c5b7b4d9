"""Two-factor login for the admin: after the password, nothing opens until an authenticator app's code is given."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from accounts.middleware import OPEN_URL_NAMES

PASSWORD = "a-long-password-for-tests-1"


@pytest.fixture
def client():
    """These tests read the admin's messages in English (the admin follows the browser's language)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.ADMIN_TWO_FACTOR_REQUIRED = True


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", email="editor@utsopi.example", password=PASSWORD)


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)


def code(device, offset=0):
    """The code the authenticator app shows now (offset in time steps)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):0{device.digits}d}"


def sign_in_with_password(client):
    response = client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return response


def admin_urls_without_parameters():
    """Every named admin address that needs no parameter, found in the URL configuration itself."""

    def names(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from names(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", pattern.name

    urls = {}
    for full_name, name in names(get_resolver().url_patterns):
        try:
            url = reverse(full_name)
        except NoReverseMatch:
            continue
        if url.startswith("/admin/") and name not in OPEN_URL_NAMES:
            urls[url] = full_name
    return urls


@pytest.mark.django_db
def test_a_password_alone_reaches_no_admin_page(client, editor):
    sign_in_with_password(client)
    home = Page.objects.get(depth=2, locale__language_code="nl")
    urls = [
        *admin_urls_without_parameters(),
        f"/admin/pages/{home.id}/",
        f"/admin/pages/{home.id}/edit/",
        f"/admin/users/{editor.id}/",
        "/admin/no-such-page/",
    ]
    assert len(urls) > 50
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/setup/?next="), (url, response["Location"])
        assert client.post(url, {}).status_code == 302, url


@pytest.mark.django_db
def test_a_password_alone_is_anonymous_on_the_public_site(client, editor):
    """Private pages and documents need the second factor too."""
    page = Page.objects.get(locale__language_code="en", url_path__endswith="/faq/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Minutes", collection=collection, file=ContentFile(b"secret minutes", name="minutes.txt")
    )
    sign_in_with_password(client)
    assert client.get(page.url).status_code == 302
    response = client.get(document.url)
    assert response.status_code == 302
    assert b"secret minutes" not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.django_db
def test_with_an_app_the_code_opens_the_admin(client, device):
    response = sign_in_with_password(client)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/two-factor/verify/?next=/admin/pages/"

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()

    wrong = client.post("/admin/two-factor/verify/", {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "This code is wrong or has expired" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    right = client.post("/admin/two-factor/verify/", {"code": code(device), "next": "/admin/pages/"})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/images/").status_code == 200


@pytest.mark.django_db
def test_wrong_codes_make_the_next_try_wait(client, device):
    sign_in_with_password(client)
    for _attempt in range(2):
        client.post("/admin/two-factor/verify/", {"code": "000000"})
    response = client.post("/admin/two-factor/verify/", {"code": code(device)})
    assert response.status_code == 200
    assert "Too many wrong codes. Wait" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_code_works_only_once(client, device):
    sign_in_with_password(client)
    current = code(device)
    assert client.post("/admin/two-factor/verify/", {"code": current}).status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    sign_in_with_password(client)
    response = client.post("/admin/two-factor/verify/", {"code": current})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_new_account_sets_up_its_app_first(client, editor):
    sign_in_with_password(client)
    response = client.get("/admin/two-factor/setup/?next=/admin/images/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert "QR code to scan with an authenticator app" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r'<code translate="no">([A-Z2-7 ]+)</code>', html).group(1)
    assert len(secret.replace(" ", "")) == 32

    assert client.post("/admin/two-factor/setup/", {"code": "123456", "next": "/admin/images/"}).status_code == 200
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    response = client.post("/admin/two-factor/setup/", {"code": code(device), "next": "/admin/images/"})
    assert response["Location"] == "/admin/images/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/images/").status_code == 200


@pytest.mark.django_db
def test_a_password_alone_cannot_add_a_second_app(client, device):
    sign_in_with_password(client)
    response = client.get("/admin/two-factor/setup/")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    assert TOTPDevice.objects.filter(user=device.user).count() == 1


@pytest.mark.django_db
def test_the_code_step_never_sends_to_another_site(client, device):
    sign_in_with_password(client)
    response = client.post("/admin/two-factor/verify/", {"code": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_lost_phone_is_reset_by_command(client, device):
    call_command("reset_two_factor", "editor", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not TOTPDevice.objects.filter(user=device.user).exists()
    sign_in_with_password(client)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


@pytest.mark.django_db
def test_signing_out_works_before_the_code(client, device):
    sign_in_with_password(client)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_development_settings_may_relax_it(client, editor, settings):
    settings.ADMIN_TWO_FACTOR_REQUIRED = False
    sign_in_with_password(client)
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_an_idle_admin_session_ends(client, device):
    sign_in_with_password(client)
    client.post("/admin/two-factor/verify/", {"code": code(device)})
    assert client.get("/admin/pages/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date <= timezone.now() + datetime.timedelta(hours=2)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/admin/pages/")["Location"].startswith("/admin/login/")
