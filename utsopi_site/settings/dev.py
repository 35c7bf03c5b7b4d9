"""Settings for `make run`: a local SQLite site showing what visitors see, e-mails printed to the console."""

import os

from .base import *  # noqa: F403

# Visitors' pages, error pages included (the translated 404, not Django's list of every URL pattern);
# DEBUG=true brings Django's debug pages back. Errors are still printed with their traceback in the console.
DEBUG = os.environ.get("DEBUG", "false").lower() in {"1", "true", "yes", "on"}
# What stays of debug mode, as it shows visitors nothing more: static files served from the source folders
# as they are edited, without collectstatic.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
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
