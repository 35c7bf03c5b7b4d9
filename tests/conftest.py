import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.initial_content.loader import InitialContentLoader

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
