"""The member-data key: production refuses to start without a proper one; `make run` makes its own."""

import stat

import pytest
from cryptography.fernet import Fernet

from tests.production import PRODUCTION_ENV, run_django

KEY = Fernet.generate_key().decode()


def test_production_refuses_to_start_without_the_key():
    result = run_django(env={**PRODUCTION_ENV, "MEMBER_DATA_KEYS": ""})
    assert result.returncode != 0
    assert "The environment variable MEMBER_DATA_KEYS is required" in result.stderr


@pytest.mark.parametrize(
    "keys",
    ["not-a-fernet-key", f"{KEY},short", PRODUCTION_ENV["SECRET_KEY"]],
    ids=["garbage", "one-bad-among-good", "the-secret-key"],
)
def test_production_refuses_a_key_that_is_not_a_proper_one_and_never_prints_it(keys):
    result = run_django(env={**PRODUCTION_ENV, "MEMBER_DATA_KEYS": keys})
    assert result.returncode != 0
    assert "MEMBER_DATA_KEYS must" in result.stderr
    assert "not-a-fernet-key" not in result.stderr


def test_production_starts_with_a_current_key_and_an_old_one():
    old = Fernet.generate_key().decode()
    code = "import django; django.setup(); from django.conf import settings; print(len(settings.MEMBER_DATA_KEYS))"
    result = run_django(("-c", code), env={**PRODUCTION_ENV, "MEMBER_DATA_KEYS": f"{KEY}, {old}"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def test_make_run_makes_a_local_key_once_and_reuses_it(tmp_path):
    key_file = tmp_path / ".member-data-key"
    code = (
        "from pathlib import Path; from utsopi_site.settings.dev import local_member_data_key; "
        f"print(local_member_data_key(Path({str(key_file)!r}))[0]); "
        f"print(local_member_data_key(Path({str(key_file)!r}))[0])"
    )
    result = run_django(("-c", code), env={"MEMBER_DATA_KEYS": KEY}, settings_module="utsopi_site.settings.dev")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split()
    assert first == second == key_file.read_text()
    Fernet(first)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_tests_and_the_dev_site_never_use_the_secret_key(settings):
    assert settings.MEMBER_DATA_KEYS
    assert settings.SECRET_KEY not in settings.MEMBER_DATA_KEYS
