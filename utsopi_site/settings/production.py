"""Production settings: PostgreSQL, Redis, S3-compatible media, HTTPS. Refuses to start without its secrets."""

import os

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required(name):
    """Read a required environment variable, or stop with a message that names it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production and is not set.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
DATABASES["default"] = dj_database_url.parse(  # noqa: F405
    required("DATABASE_URL"), conn_max_age=600, conn_health_checks=True
)

# One Redis shared by every app server: the form rate limit, redirect imports and language lookups
# must be the same on each. django-redis rather than Django's own RedisCache because it can ignore
# connection errors (IGNORE_EXCEPTIONS), so that a Redis outage slows the site instead of breaking it;
# the form rate limit notices the outage and refuses replies (membership.spam). Sessions stay in the
# database (Django's default), so that sign-ins survive a Redis restart.
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": required("REDIS_URL"),
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # logs the connection error, never a key or a value

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    _public_media_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # a CDN in front of images/ only
    AWS_S3_FILE_OVERWRITE = False
    # Everything in the bucket is private (original images, documents, redirect files) and reached
    # only through the app, or by a signed address valid for five minutes. Only image renditions,
    # under images/, are public (README: bucket policy): they are what public pages show.
    AWS_DEFAULT_ACL = "private"
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = 300
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "default_acl": "public-read",
                "querystring_auth": False,
                "custom_domain": _public_media_domain,
            },
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Images then come from the media host: the one other host the Content Security Policy allows.
    _media_origin = (
        f"https://{_public_media_domain}"
        if _public_media_domain
        else AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    )
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
        _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], _media_origin]

WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL")
MEMBER_DATA_KEYS = [key.strip() for key in required("MEMBER_DATA_KEYS").split(",") if key.strip()]
for _key in MEMBER_DATA_KEYS:
    try:
        Fernet(_key)
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "MEMBER_DATA_KEYS must be a comma-separated list of Fernet keys (see the README)."
        ) from None
    if _key == SECRET_KEY:
        raise ImproperlyConfigured("MEMBER_DATA_KEYS must not reuse SECRET_KEY: member data needs its own key.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
ADMIN_TWO_FACTOR_REQUIRED = True  # never relaxed in production
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
