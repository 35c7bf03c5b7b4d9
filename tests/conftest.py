import pytest
from django.utils import translation
from wagtail.models import Locale

from home.initial_content.loader import InitialContentLoader

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
