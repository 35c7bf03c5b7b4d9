from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from jsonschema import Draft202012Validator
from wagtail.models import Locale, ModelLogEntry, Page, Site
from wagtail.users.models import UserProfile

from home.initial_content.loader import InitialContentLoader
from home.models import OrganisationSettings
from membership.models import Submission

pytest_plugins = ["tests.servers"]  # the real servers of the production tests

LANGUAGES = ["nl", "fr", "en"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the union's real site, built once by the loader in all three languages."""
    with django_db_blocker.unblock():
        InitialContentLoader(log=lambda message: None).load()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def in_language():
    """Activate a language for the duration of a block: `with in_language("fr"): ...`."""
    return translation.override


@pytest.fixture
def fresh_rate_limit():
    """Replies to forms count against a rate limit kept in the cache: each test starts with none counted."""
    cache.clear()


def sign_in_as(client, group_name):
    """Sign the client in as a new member of a staff group whose admin speaks English, the language tests read."""
    user = get_user_model().objects.create_user(username=group_name.lower().replace(" ", "-"), password="not-used")
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, db):
    return sign_in_as(client, "Editors")


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Real commits, as a dump or several connections see them; whatever the test added is deleted afterwards."""
    models = [Submission, ModelLogEntry, get_user_model()]
    with django_db_blocker.unblock():
        before = {model: model.objects.aggregate(last=Max("pk"))["last"] or 0 for model in models}
        cache.clear()
        yield
        for model in models:
            model.objects.filter(pk__gt=before[model]).delete()


def organisation_settings():
    """The organisation settings of the site, read afresh."""
    return OrganisationSettings.for_site(Site.objects.get(is_default_site=True))


def live_pages(language=None):
    pages = Page.objects.live().filter(depth__gt=1)
    if language:
        pages = pages.filter(locale__language_code=language)
    return list(pages.specific().order_by("path"))


def public_pages(language=None):
    """The pages every visitor may see (live, without a password or login), in one language or all."""
    pages = Page.objects.live().public().filter(depth__gt=1)
    if language:
        pages = pages.filter(locale__language_code=language)
    return list(pages.specific().order_by("path"))


def snippet_edit_url(instance):
    opts = instance._meta
    return reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[instance.pk])


def type_translation(client, translation, segment, value):
    """What typing one string in wagtail-localize's translation editor sends."""
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


@pytest.fixture
def openapi(client, db):
    """The API's OpenAPI document, as a front end reads it."""
    return client.get("/api/v2/openapi.json").json()


def conforms(openapi, path, method, response):
    """The response is one the OpenAPI document announces for this operation, in the announced shape."""
    announced = openapi["paths"][path][method]["responses"][str(response.status_code)]
    schema = {**announced["content"]["application/json"]["schema"], "components": openapi["components"]}
    errors = [error.message for error in Draft202012Validator(schema).iter_errors(response.json())]
    assert errors == [], errors[:3]
