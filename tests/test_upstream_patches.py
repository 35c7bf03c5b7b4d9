"""Each test here fails once upstream fixes the gap that home/upstream_patches.py works around.

When one fails, remove the matching patch and this test.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from wagtail.contrib.redirects.forms import RedirectForm
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile


@pytest.mark.django_db
def test_wagtail_localize_still_fails_on_a_po_file_without_its_header():
    translation = Translation.objects.filter(target_locale__language_code="fr").first()
    po_without_header = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("x.po", po_without_header)})
    request.user = get_user_model().objects.create_superuser("chief", password="a-long-password-123")
    request.session = {}
    request._messages = FallbackStorage(request)
    with pytest.raises(KeyError):
        upload_pofile(request, translation.id)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite search backend only")
def test_modelsearch_still_leaves_quotes_unescaped_in_sqlite_search_terms():
    from django.apps import apps
    from modelsearch.backends.database.sqlite.query import Lexeme

    unpatched = apps.get_app_config("home").unpatched_sqlite_lexeme_as_sql
    _template, params = unpatched(Lexeme('say "hello'), None, None)
    assert params == ['say "hello']


@pytest.mark.django_db
def test_wagtail_still_accepts_a_redirect_to_its_own_address(monkeypatch):
    from django.apps import apps

    monkeypatch.setattr(RedirectForm, "clean", apps.get_app_config("home").unpatched_redirect_form_clean)
    form = RedirectForm({"old_path": "/flyer", "redirect_link": "http://localhost/flyer", "is_permanent": "on"})
    assert form.is_valid()
