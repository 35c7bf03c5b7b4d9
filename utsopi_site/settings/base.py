"""Settings shared by every environment; each value that differs per deployment comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = os.environ.get("DEBUG", "").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [host.strip() for host in os.environ.get("ALLOWED_HOSTS", "").split(",") if host.strip()]

INSTALLED_APPS = [
    "home",
    "history",
    "membership",
    "events",
    "statements",
    "search",
    "accounts",
    "operations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "operations.health.HealthCheckMiddleware",  # first: answers the load balancer before any redirect or lookup
    "django.middleware.security.SecurityMiddleware",
    "home.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "home.middleware.LiveLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "membership.middleware.SubmissionNotSentMiddleware",
]

ROOT_URLCONF = "utsopi_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "utsopi_site.wsgi.application"

# SQLite by default so that `make run` needs nothing installed; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the source; editors add more locales from the admin (see WAGTAIL_CONTENT_LANGUAGES).
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("bg", "Български"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("hu", "Magyar"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "collected-static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "UTSOPI"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Nothing in the admin may call another host: no update check, no gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_FINDERS = []

# Content API: display HTML for rich text (links made absolute by the API's renderer), pages of at most 50.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
# Front ends on other hosts (an app, a partner site) that may call the API from a browser; none by default.
CORS_ALLOWED_ORIGINS = [
    origin.strip() for origin in os.environ.get("API_CORS_ALLOWED_ORIGINS", "").split(",") if origin.strip()
]
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "OPTIONS", "POST", "PUT"]  # PUT: a member's corrected answers

WAGTAIL_FINISH_WORKFLOW_ACTION = "home.workflows.publish_approved_page"

# A redirects import is uploaded in one request and confirmed in the next, maybe on another app server:
# keep the file in the shared cache rather than on one server's disk.
WAGTAIL_REDIRECTS_FILE_STORAGE = "cache"

WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}

# Security and visitor safety (DESIGN §10). Uploads: no SVG (it can carry scripts); pixel and size limits
# so that a decompression bomb is refused with a message; documents only of these types, served
# through Django, which checks the collection's privacy before sending a file.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Headers. Public pages load nothing from another host and run no inline code; the only script is
# static/js/quick-exit.js. The FAQ's JSON-LD is a data block, which script-src does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin writes inline scripts and styles, shows previews in a frame of its own and image
# previews from blob: and data: addresses (see home.security).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Admin accounts. A password and a one-time code from an authenticator app (django-otp, TOTP); see
# accounts/. After AXES_FAILURE_LIMIT failed sign-ins in a row an account is locked for
# AXES_COOLOFF_TIME, counted per user name, so no IP address is kept.
ADMIN_TWO_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = "UTSOPI"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip_not_kept"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True
# axes.W006 asks for the IP address among the lockout parameters, so that rotating user agents cannot
# dodge an IP-based lockout. Ours counts failures per user name whatever the user agent, by choice.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# Sessions end after two hours without a request (the admin's editor keeps them alive while open).
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Django's records reach the console through the root logger only: Django's default configuration gives
    # them a console handler of their own too, which printed every message twice with DEBUG on. Configuring
    # "django" resets its children, so runserver's request lines (django.server) are set up again as Django does.
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

ORGANISATION_NAME = _("UTSOPI, the Belgian union of sex workers")

# Member data (DESIGN §8). Form answers are encrypted with these Fernet keys, never with SECRET_KEY:
# the first encrypts, all decrypt (rotation). Generate one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
MEMBER_DATA_KEYS = [key.strip() for key in os.environ.get("MEMBER_DATA_KEYS", "").split(",") if key.strip()]
# Spam without third parties: a reply sent sooner than this after the form was shown is refused,
# a form shown longer ago than the maximum is shown again, and each address may send this many
# replies per window of seconds (counted in the shared cache).
MEMBER_FORMS_MIN_FILL_SECONDS = 3
MEMBER_FORMS_MAX_FILL_SECONDS = 24 * 60 * 60
MEMBER_FORMS_RATE_LIMIT = (20, 10 * 60)
# A member opens their own submission with its reference and the secret shown once (membership/member_keys.py):
# the secret is kept only as this slow hash; failed tries are limited per address and per reference (tries, seconds),
# and the member's session ends after this many seconds without a request.
MEMBER_SECRET_HASHER = "django.contrib.auth.hashers.ScryptPasswordHasher"  # noqa: S105 (a class path)
MEMBER_ACCESS_RATE_LIMIT_PER_ADDRESS = (10, 15 * 60)
MEMBER_ACCESS_RATE_LIMIT_PER_REFERENCE = (5, 15 * 60)
MEMBER_SESSION_IDLE_SECONDS = 15 * 60
# Proxies in front of the app that append to X-Forwarded-For (e.g. 1 behind one load balancer or CDN);
# 0 trusts only REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# The initial content (`load_initial_content`): each app's page makers, in their order under the home page,
# then the steps that finish the site. See home/initial_content/loader.py.
INITIAL_CONTENT_PAGES = [
    "home.initial_content.pages.mission",
    "history.initial_content.history",
    "home.initial_content.pages.what_we_do",
    "home.initial_content.pages.faq",
    "membership.initial_content.membership",
    "membership.initial_content.volunteer",
    "membership.initial_content.training",
    "membership.initial_content.donate",
    "events.initial_content.events",
    "search.initial_content.search",
    "home.initial_content.pages.safe_browsing",
    "events.initial_content.example_events",
    "statements.initial_content.statements",
    "statements.initial_content.articles",
]
INITIAL_CONTENT_STEPS = [
    "membership.initial_content.keep_answers",
    "home.initial_content.site.navigation",
    "home.initial_content.site.review_workflow",
]

# Machine translation for translators: off unless configured. It only ever receives page and snippet
# text that translators send it, never form submissions or member data.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
