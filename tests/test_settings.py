"""Production refuses to start without its secrets, and says which one is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "utsopi.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/utsopi",
    "WAGTAILADMIN_BASE_URL": "https://utsopi.example",
    "MEMBER_DATA_KEYS": "zrG0nDHA7HTtzSX0YRDVaZECDukjiyKhbFa38hTSyTM=",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def start_production(env):
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env={**clean, **env, "DJANGO_SETTINGS_MODULE": "utsopi_site.settings.production"},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_names_the_missing_secret(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = start_production(env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_starts_with_everything_set():
    result = start_production(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_no_call_to_other_hosts_from_the_admin(settings):
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
