"""Settings for the test suite: fast hashing, in-memory cache, DEBUG off as in production."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WAGTAILADMIN_BASE_URL = "http://localhost"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
# Tests render pages without running collectstatic first.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# A fixed key for the tests only; never used anywhere else.
MEMBER_DATA_KEYS = ["Gx3f2mW8yT5qXn0V9k1bQ7cR4dLs6hJpZaEuYiOwNtM="]
# Tests reach the admin with force_login; tests/test_admin_two_factor.py turns two-factor login on.
ADMIN_TWO_FACTOR_REQUIRED = False
# SQLite tests use a file (in memory-backed /dev/shm where there is one) rather than SQLite's shared
# in-memory database, whose table locks refuse concurrent writers: tests send replies from several
# connections at once, as visitors do. One file per test run, so that runs side by side never meet.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _shared_memory = Path("/dev/shm")  # noqa: S108 (one file per run, named by the process id)
    _test_database_dir = _shared_memory if _shared_memory.is_dir() else Path(tempfile.gettempdir())
    DATABASES["default"]["TEST"] = {"NAME": str(_test_database_dir / f"utsopi-test-{os.getpid()}.sqlite3")}  # noqa: F405
