"""The environment the production settings require, and Django started with it in a fresh process: settings
are read once per process, so each variant of the environment needs its own."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "utsopi.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/utsopi",
    "WAGTAILADMIN_BASE_URL": "https://utsopi.example",
    "MEMBER_DATA_KEYS": Fernet.generate_key().decode(),
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
STARTED = "import django; django.setup(); print('started')"


def run_django(arguments=("-c", STARTED), env=PRODUCTION_ENV, settings_module="utsopi_site.settings.production"):
    """`python ARGUMENTS` with `env` and none of the production variables of this process's own environment."""
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, *arguments],
        env={**clean, **env, "DJANGO_SETTINGS_MODULE": settings_module},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
