"""Which languages the site speaks right now, and which of them suits a visitor best.

A language counts once its home page is live, so a language added in the admin is picked up
without a code change, and a visitor is never sent to a language the site does not have.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished

LIVE_LANGUAGES_CACHE_KEY = "utsopi:live-languages"


def live_language_codes():
    """Language codes with a live translation of the default site's home page, the default language first."""
    codes = cache.get(LIVE_LANGUAGES_CACHE_KEY)
    if codes is None:
        site = Site.objects.filter(is_default_site=True).only("root_page_id").first()
        codes = []
        if site is not None:
            root = Page.objects.only("translation_key").get(id=site.root_page_id)
            codes = list(
                Page.objects.filter(translation_key=root.translation_key, live=True)
                .order_by("locale__language_code")
                .values_list("locale__language_code", flat=True)
            )
        codes.sort(key=lambda code: code != settings.LANGUAGE_CODE)
        cache.set(LIVE_LANGUAGES_CACHE_KEY, codes, 300)
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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=Locale)
def forget_live_languages(**kwargs):
    cache.delete(LIVE_LANGUAGES_CACHE_KEY)
