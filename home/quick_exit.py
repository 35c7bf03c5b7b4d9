"""The quick-exit link of every public page (GOV.UK's "Exit this page" pattern) and its explanation page.

A template library, registered as `quick_exit` in the TEMPLATES settings: `{% load quick_exit %}{% quick_exit %}`.
"""

import uuid

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

register = template.Library()

# Shared by the explanation page and all its translations: the initial content's stable_id("page", "safe_browsing").
SAFE_BROWSING_TRANSLATION_KEY = uuid.UUID("044b4405-f70e-5b96-8954-d8b1d1dd3406")
SCRIPT = "js/quick-exit.js"


def default_destination():
    """The destination a new site starts with; error pages use it, as the database may be what failed."""
    from home.models import OrganisationSettings

    return OrganisationSettings._meta.get_field("quick_exit_url").get_default()


def explanation_link(request):
    """The explanation page in the visitor's language, else in the source language: {url, lang} or None."""
    try:
        language = get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        language = settings.LANGUAGE_CODE
    pages = {
        page.locale.language_code: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key=SAFE_BROWSING_TRANSLATION_KEY)
        .select_related("locale")
        .only("id", "url_path", "depth", "path", "locale__language_code")
    }
    page = pages.get(language) or pages.get(settings.LANGUAGE_CODE)
    url = page.get_url(request) if page else None
    if not url:
        return None
    page_language = page.locale.language_code
    return {"url": url, "lang": page_language if page_language != language else ""}


@register.inclusion_tag("includes/quick_exit.html", takes_context=True)
def quick_exit(context, without_database=False, exit_through=""):
    """The exit link to the neutral site of the settings, its script, and the link to the explanation page.

    `exit_through` is a local address the link goes through first (it ends a member's session, then
    sends on to the neutral site).

    `without_database` is for the error pages: the default destination, no explanation page, and the
    script's plain static address (no staticfiles manifest needed).
    """
    if without_database:
        return {"exit_url": default_destination(), "script_url": f"{settings.STATIC_URL}{SCRIPT}"}
    from home.models import OrganisationSettings

    request = context["request"]
    return {
        "exit_url": exit_through or OrganisationSettings.for_request(request).quick_exit_url,
        "script_url": static(SCRIPT),
        "explanation": explanation_link(request),
    }
