"""Security headers on every public page, the admin's own looser policy, and production's deploy checks."""

import json

import pytest
from wagtail.models import Page

from tests.production import run_django


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_public_headers(response, url):
    directives = policy(response)
    for sources in directives.values():
        assert "'unsafe-inline'" not in sources, url
        assert "'unsafe-eval'" not in sources, url
    assert directives["default-src"] == ["'self'"], url
    assert directives["script-src"] == ["'self'"], url
    assert directives["style-src"] == ["'self'"], url
    assert directives["object-src"] == ["'none'"], url
    assert directives["frame-ancestors"] == ["'none'"], url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "same-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, url


@pytest.mark.django_db
def test_every_public_page_has_the_security_headers(client):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    assert len(urls) >= 48
    for url in [*urls, "/sitemap.xml", "/nl/bestaat-niet/"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_public_headers(response, url)


@pytest.mark.django_db
def test_the_admin_has_its_own_looser_policy(client):
    response = client.get("/admin/login/")
    directives = policy(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_check_deploy_with_the_production_settings_reports_nothing():
    result = run_django(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_sessions_and_transport():
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
        "SESSION_COOKIE_AGE",
        "SESSION_SAVE_EVERY_REQUEST",
        "ADMIN_TWO_FACTOR_REQUIRED",
        "X_FRAME_OPTIONS",
    ]
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = run_django(["-c", code])
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 60 * 60
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == values["CSRF_COOKIE_SAMESITE"] == "Lax"
    # Admin sessions end after two hours without a request.
    assert values["SESSION_COOKIE_AGE"] <= 2 * 60 * 60
    assert values["SESSION_SAVE_EVERY_REQUEST"] is True
    assert values["ADMIN_TWO_FACTOR_REQUIRED"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"


def test_production_allows_images_from_the_media_host_only():
    result = run_django(
        [
            "-c",
            "import os; os.environ['AWS_STORAGE_BUCKET_NAME'] = 'utsopi-media'; "
            "os.environ['AWS_S3_CUSTOM_DOMAIN'] = 'media.utsopi.example'; "
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
        ]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[\"'self'\", 'https://media.utsopi.example']"
