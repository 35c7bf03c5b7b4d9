"""The member-data key: production refuses to start without a proper one; `make run` makes its own."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

PROJECT = Path(__file__).resolve().parent.parent
KEY = Fernet.generate_key().decode()
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "utsopi.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/utsopi",
    "WAGTAILADMIN_BASE_URL": "https://utsopi.example",
    "MEMBER_DATA_KEYS": KEY,
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_with(settings_module, env, code="import django; django.setup(); print('started')"):
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env, "DJANGO_SETTINGS_MODULE": settings_module},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_the_key():
    result = run_with("utsopi_site.settings.production", {**PRODUCTION_ENV, "MEMBER_DATA_KEYS": ""})
    assert result.returncode != 0
    assert "The environment variable MEMBER_DATA_KEYS is required" in result.stderr


@pytest.mark.parametrize(
    "keys",
    ["not-a-fernet-key", f"{KEY},short", PRODUCTION_ENV["SECRET_KEY"]],
    ids=["garbage", "one-bad-among-good", "the-secret-key"],
)
def test_production_refuses_a_key_that_is_not_a_proper_one_and_never_prints_it(keys):
    result = run_with("utsopi_site.settings.production", {**PRODUCTION_ENV, "MEMBER_DATA_KEYS": keys})
    assert result.returncode != 0
    assert "MEMBER_DATA_KEYS must" in result.stderr
    assert "not-a-fernet-key" not in result.stderr


def test_production_starts_with_a_current_key_and_an_old_one():
    old = Fernet.generate_key().decode()
    code = "import django; django.setup(); from django.conf import settings; print(len(settings.MEMBER_DATA_KEYS))"
    result = run_with("utsopi_site.settings.production", {**PRODUCTION_ENV, "MEMBER_DATA_KEYS": f"{KEY}, {old}"}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def test_make_run_makes_a_local_key_once_and_reuses_it(tmp_path):
    key_file = tmp_path / ".member-data-key"
    code = (
        "from pathlib import Path; from utsopi_site.settings.dev import local_member_data_key; "
        f"print(local_member_data_key(Path({str(key_file)!r}))[0]); "
        f"print(local_member_data_key(Path({str(key_file)!r}))[0])"
    )
    result = run_with("utsopi_site.settings.dev", {"MEMBER_DATA_KEYS": KEY}, code)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split()
    assert first == second == key_file.read_text()
    Fernet(first)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_tests_and_the_dev_site_never_use_the_secret_key(settings):
    assert settings.MEMBER_DATA_KEYS
    assert settings.SECRET_KEY not in settings.MEMBER_DATA_KEYS
