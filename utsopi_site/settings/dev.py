"""Settings for `make run`: a local SQLite site, debug on, e-mails printed to the console."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-key-not-for-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` signs in with the printed password alone; ADMIN_TWO_FACTOR=true asks for the code as in production.
ADMIN_TWO_FACTOR_REQUIRED = os.environ.get("ADMIN_TWO_FACTOR", "false").lower() in {"1", "true", "yes", "on"}


def local_member_data_key(path):
    """`make run` needs no set-up: a key made once for this checkout, kept in a git-ignored file."""
    from cryptography.fernet import Fernet

    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(Fernet.generate_key().decode())
    return [path.read_text().strip()]


MEMBER_DATA_KEYS = MEMBER_DATA_KEYS or local_member_data_key(BASE_DIR / ".member-data-key")  # noqa: F405
