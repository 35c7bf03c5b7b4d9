"""Which languages the site speaks right now, and which of them suits a visitor best.

A language counts once its home page is live, so a language added in the admin is picked up
without a code change, and a visitor is never sent to a language the site does not have.
"""

from django.conf import settings
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Page


def live_language_codes():
    """Language codes with a live translation of the default site's home page, the default language first.

    Read from the database at each call (one indexed query, and only for the requests that need it: the
    language redirect of /, the 404 page, the API's site content), not cached: a home page published or
    removed by another process (publish_scheduled, a second app server, a shell) counts at the next request.
    """
    default_home = Page.objects.filter(sites_rooted_here__is_default_site=True).values("translation_key")
    codes = list(
        Page.objects.filter(translation_key__in=default_home, live=True)
        .order_by("locale__language_code")
        .values_list("locale__language_code", flat=True)
    )
    codes.sort(key=lambda code: code != settings.LANGUAGE_CODE)
    return codes


def preferred_language(request, available):
    """The visitor's first Accept-Language choice that is available, else the default language."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            continue
        try:
            variant = get_supported_language_variant(code)
        except LookupError:
            continue
        if variant in available:
            return variant
    if settings.LANGUAGE_CODE in available or not available:
        return settings.LANGUAGE_CODE
    return available[0]


def requested_language(request):
    return get_language_from_path(request.path_info)
