"""Fixes for gaps in upstream packages, each with a test in tests/test_upstream_patches.py that fails once
upstream has fixed it, so the patch can be removed.

wagtail-localize 1.14.5: uploading a PO file that parses but lacks the X-WagtailLocalize-TranslationID
header (a catalogue from another tool, or a header removed by an editor) raises KeyError: a 500
for the translator instead of a message. We check the header first and let upstream do the rest.
"""

import tempfile

import polib
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views.edit_translation import upload_pofile

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def po_header_problem(uploaded_file):
    """Why this upload is not a PO file made by wagtail-localize, or None if it is one."""
    with tempfile.NamedTemporaryFile() as copy:
        copy.write(uploaded_file.read())
        copy.flush()
        uploaded_file.seek(0)
        try:
            catalogue = polib.pofile(copy.name)
        except (OSError, UnicodeDecodeError, ValueError):
            return _("Please upload a valid PO file.")
    if TRANSLATION_ID_HEADER not in catalogue.metadata:
        return _("This PO file was not downloaded from this site's translation editor, so it cannot be imported.")
    return None


@require_POST
def checked_upload_pofile(request, translation_id):
    uploaded_file = request.FILES.get("file")
    problem = _("Please choose a PO file to upload.") if uploaded_file is None else po_header_problem(uploaded_file)
    if problem:
        messages.error(request, problem)
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return upload_pofile(request, translation_id)


# Registered before wagtail-localize's own URLs (home comes first in INSTALLED_APPS), so this path wins.
admin_urls = [path("localize/translate/<int:translation_id>/pofile/upload/", checked_upload_pofile)]


def escape_quotes_in_sqlite_search_terms():
    """modelsearch 1.3.2, SQLite backend: each search term is put in double quotes for FTS5 without doubling
    the quotes inside it, so a search for `"word` raises "unterminated string": a 500 on the search page
    and in the API. FTS5 escapes a quote inside a string by doubling it."""
    from modelsearch.backends.database.sqlite.query import Lexeme

    unpatched = Lexeme.as_sql

    def as_sql(self, compiler, connection):
        template, params = unpatched(self, compiler, connection)
        return template, [param.replace('"', '""') for param in params]

    Lexeme.as_sql = as_sql
    return unpatched
