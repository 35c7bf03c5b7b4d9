"""Fixes for gaps in upstream packages, each with a test in tests/test_upstream_patches.py that fails once
upstream has fixed it, so the patch can be removed.

wagtail-localize 1.14.5: uploading a PO file that parses but lacks the X-WagtailLocalize-TranslationID
header (a catalogue from another tool, or a header removed by an editor) raises KeyError: a 500
for the translator instead of a message. We check the header first and let upstream do the rest.

Wagtail 8.0: the redirects admin accepts a redirect to its own address, or one that closes a loop with
other redirects (a -> b, b -> a); visitors then get "too many redirects" instead of a page. Wagtail's
redirects have no viewset whose form could be replaced, and the same form checks each row of an import,
so we extend that form's clean() to refuse loops, in the add, edit and import views alike.
"""

import tempfile
from urllib.parse import urlsplit

import polib
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.contrib.redirects.forms import RedirectForm
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site
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


# Wagtail 8.0: redirect loops.

MAX_REDIRECTS_FOLLOWED = 20


def redirect_destination(redirect_page, route_path, redirect_link):
    """The normalised path on this site a redirect sends visitors to, or None if it leads to another site."""
    if redirect_page is not None:
        url = redirect_page.specific_deferred.url or ""
        url = urlsplit(url).path.rstrip("/") + (route_path or "")
    else:
        url = redirect_link or ""
        host = urlsplit(url).netloc
        sites = Site.objects.only("hostname", "port")
        if host and host not in {name for site in sites for name in (site.hostname, f"{site.hostname}:{site.port}")}:
            return None
    return Redirect.normalise_path(url) if url else None


def redirect_loop(old_path, destination, site, excluded_pk=None):
    """The addresses a visitor would pass through from old_path back to itself, or None if the chain ends."""
    redirects = Redirect.get_for_site(site).exclude(pk=excluded_pk).select_related("redirect_page")
    chain = [old_path]
    while destination is not None and len(chain) <= MAX_REDIRECTS_FOLLOWED:
        chain.append(destination)
        if destination == old_path:
            return chain
        if destination in chain[:-1]:  # a loop among other redirects, which this one only leads into
            return None
        following = redirects.filter(old_path=destination).first()
        if following is None:
            return None
        destination = redirect_destination(
            following.redirect_page, following.redirect_page_route_path, following.redirect_link
        )
    return None


def refuse_redirect_loops():
    """Extends RedirectForm.clean() (add, edit and each imported row); returns upstream's, for the test."""
    unpatched = RedirectForm.clean

    def clean(form):
        cleaned_data = unpatched(form) or form.cleaned_data
        if not cleaned_data.get("old_path"):
            return cleaned_data
        old_path = Redirect.normalise_path(cleaned_data["old_path"])
        page = cleaned_data.get("redirect_page")
        destination = redirect_destination(page, "", cleaned_data.get("redirect_link"))
        chain = redirect_loop(old_path, destination, cleaned_data.get("site"), excluded_pk=form.instance.pk)
        if chain:
            form.add_error(
                "redirect_page" if page is not None else "redirect_link",
                forms.ValidationError(
                    _(
                        "This redirect would send visitors round in a loop (%(addresses)s), so the page would "
                        "never load. Choose another destination, or change the redirect that leads back here."
                    ),
                    params={"addresses": " → ".join(chain)},
                    code="redirect_loop",
                ),
            )
        return cleaned_data

    RedirectForm.clean = clean
    return unpatched


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
