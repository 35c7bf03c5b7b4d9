"""Template tags of the public site: menus, language switcher, breadcrumbs and a few small filters.

Every tag resolves content in the active language (the one of the URL prefix) with a constant
number of queries, whatever the size of the menus: translations are looked up in one query per
menu (never one per item), and results are kept on the request so header and footer share them.
"""

import json

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from home.languages import live_language_codes

register = template.Library()

_JSONLD_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def _active_language_code():
    """The content language in use: the language of the URL, e.g. 'fr'."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return get_supported_content_language_variant(language)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _request_cache(context):
    """A dict living as long as the request, so that a value computed in the header serves the footer too."""
    request = context.get("request")
    if request is None:
        return {}
    cache = getattr(request, "_utsopi_navigation_cache", None)
    if cache is None:
        cache = {}
        request._utsopi_navigation_cache = cache
    return cache


def _cached(context, key, compute):
    cache = _request_cache(context)
    key = (key, _active_language_code())
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def localize_pages(pages, language_code):
    """Map each page's id to its live translation in `language_code`, or to itself when it has none.

    Pages that are not live and have no live translation map to None. One query for all pages.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in={page.translation_key for page in pages}, locale__language_code=language_code)
        .only("id", "title", "url_path", "translation_key", "locale_id", "live", "depth", "path")
    }
    return {page.id: translations.get(page.translation_key) or (page if page.live else None) for page in pages}


def _organisation_settings(context):
    request = context.get("request")
    if request is None:
        return None
    from home.models import OrganisationSettings

    return OrganisationSettings.for_request(request)


def menu_entries(context, field_name):
    """The items of the menu chosen in the settings (main_menu or footer_menu), in the active language.

    Used by the templates and by the content API's site endpoint.
    """
    from home.models import Menu, MenuItem

    organisation = _organisation_settings(context)
    menu_id = getattr(organisation, f"{field_name}_id", None) if organisation else None
    if not menu_id:
        return []
    language_code = _active_language_code()
    translated_menu = Menu.objects.filter(
        translation_key__in=Menu.objects.filter(pk=menu_id).values("translation_key"),
        locale__language_code=language_code,
    )
    items = list(
        MenuItem.objects.filter(menu__in=translated_menu).select_related("page__locale").order_by("sort_order", "pk")
    )
    if not items:  # no translation of this menu yet: the chosen menu itself
        items = list(
            MenuItem.objects.filter(menu_id=menu_id).select_related("page__locale").order_by("sort_order", "pk")
        )
    localized = localize_pages([item.page for item in items], language_code)
    request = context.get("request")
    entries = []
    for item in items:
        target = localized.get(item.page_id)
        if target is None:
            continue
        url = target.get_url(request)
        if not url:
            continue
        # A page not yet translated is reached in its own language: say so to browsers and screen readers.
        target_language = language_code if target.id != item.page_id else item.page.locale.language_code
        entries.append(
            {
                "url": url,
                "title": item.label or target.title,
                "page_id": target.id,
                "path": target.path,
                "hreflang": target_language if target_language != language_code else "",
                "lang": target_language if (target_language != language_code and not item.label) else "",
            }
        )
    return entries


def _mark_current(entries, page):
    current_id = getattr(page, "id", None)
    current_path = getattr(page, "path", "") or ""
    marked = []
    for entry in entries:
        entry = dict(entry)
        entry["is_current"] = entry["page_id"] == current_id
        entry["is_ancestor"] = (
            not entry["is_current"]
            and bool(current_path)
            and current_path.startswith(entry["path"])
            and len(entry["path"]) > 8  # never the home page: it is the ancestor of everything
        )
        marked.append(entry)
    return marked


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The header menu in the active language: [{url, title, lang, hreflang, is_current, is_ancestor}]."""
    entries = _cached(context, "main_menu", lambda: menu_entries(context, "main_menu"))
    return _mark_current(entries, context.get("page"))


@register.simple_tag(takes_context=True)
def footer_menu(context):
    """The footer menu in the active language, same shape as main_menu."""
    entries = _cached(context, "footer_menu", lambda: menu_entries(context, "footer_menu"))
    return _mark_current(entries, context.get("page"))


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """The live translations of a page, in the order of settings.LANGUAGES, one query.

    Each one: {url, full_url, code, name (in its own language), is_current, is_default (the source
    language, which search engines get as x-default)}.
    """
    page = page if page is not None else context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []

    def compute():
        order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        request = context.get("request")
        translations = []
        for translated in (
            page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code", "live", "depth", "path")
        ):
            code = translated.locale.language_code
            url = translated.get_url(request)
            if not url:
                continue
            try:
                name = capfirst(translation.get_language_info(code)["name_local"])
            except KeyError:
                name = translated.locale.get_display_name()
            translations.append(
                {
                    "url": url,
                    "full_url": translated.get_full_url(request),
                    "code": code,
                    "name": name,
                    "is_current": translated.pk == page.pk,
                    "is_default": code == settings.LANGUAGE_CODE,
                }
            )
        translations.sort(key=lambda item: order.index(item["code"]) if item["code"] in order else len(order))
        return translations

    return _cached(context, ("translations", page.pk), compute)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in each language it is published in; never to a missing page."""
    translations = page_translations(context, page)
    return {"translations": translations if len(translations) > 1 else []}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The path from the home page of this language down to the page; nothing on the home page itself."""
    page = page if page is not None else context.get("page")
    if page is None or not getattr(page, "pk", None) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    request = context.get("request")
    ancestors = [
        {"url": ancestor.get_url(request), "title": ancestor.title}
        for ancestor in page.get_ancestors()
        .filter(depth__gte=2)
        .live()
        .only("id", "title", "url_path", "depth", "path")
    ]
    return {"ancestors": [ancestor for ancestor in ancestors if ancestor["url"]], "page": page}


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The FooterText snippet of the active language (no fallback: no Dutch text under a French URL)."""
    from home.models import FooterText

    return _cached(
        context,
        "footer_text",
        lambda: FooterText.objects.filter(locale__language_code=_active_language_code()).order_by("pk").first(),
    )


@register.simple_tag(takes_context=True)
def site_pages(context):
    """The pages every page links to, in the active language, found in one query.

    Returns {"membership": page or None, "donate": ..., "events": ..., "search": ...} (base Page objects).
    """

    def compute():
        from events.models import EventIndexPage
        from membership.models import DonatePage, MembershipFormPage
        from search.models import SearchPage

        models = {
            "membership": MembershipFormPage,
            "donate": DonatePage,
            "events": EventIndexPage,
            "search": SearchPage,
        }
        content_types = ContentType.objects.get_for_models(*models.values())
        by_content_type = {content_types[model].pk: key for key, model in models.items()}
        found = dict.fromkeys(models)
        for page in (
            Page.objects.live()
            .public()
            .filter(locale__language_code=_active_language_code(), content_type_id__in=by_content_type)
            .only("id", "title", "url_path", "content_type_id", "depth", "path")
            .order_by("path")
        ):
            key = by_content_type[page.content_type_id]
            if found[key] is None:
                found[key] = page
        return found

    return _cached(context, "site_pages", compute)


@register.simple_tag(takes_context=True)
def prefetch_localized_pages(context, *streams):
    """Localize, in one query, every page chosen in the given StreamFields' blocks (call to action, highlight).

    Block templates then get them from the request cache through {% localized_page %}. Outputs nothing.
    """
    pages = []
    for stream in streams:
        for block in stream or []:
            value = block.value
            chosen = value.get("page") if hasattr(value, "get") else None
            if isinstance(chosen, Page):
                pages.append(chosen)
    cache = _request_cache(context)
    language_code = _active_language_code()
    for page_id, target in localize_pages(pages, language_code).items():
        cache[("localized_page", page_id, language_code)] = target
    return ""


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """The live translation of `page` in the active language, or the page itself, or None if unpublished."""
    if not isinstance(page, Page):
        return None
    cache = _request_cache(context)
    key = ("localized_page", page.id, _active_language_code())
    if key not in cache:
        cache[key] = localize_pages([page], _active_language_code()).get(page.id)
    return cache[key]


@register.inclusion_tag("includes/unavailable_language_notice.html", takes_context=True)
def unavailable_language_notice(context):
    """The notice shown after a redirect from a language the page is not published in (?unavailable=fr).

    Written in the language the visitor asked for, since that is the one they read.
    """
    request = context.get("request")
    requested = request.GET.get("unavailable", "") if request is not None else ""
    current = translation.get_language()
    if requested not in dict(settings.LANGUAGES) or requested == current:
        return {"requested": None}
    requested_info = translation.get_language_info(requested)
    with translation.override(requested):
        current_name = str(translation.get_language_info(current)["name_translated"])
    return {
        "requested": requested,
        "bidi": requested_info["bidi"],
        "requested_name": requested_info["name_local"],
        "current_name": current_name,
    }


@register.simple_tag
def specific_pages(pages):
    """The specific versions of a list of pages (e.g. search results), in the same order, in one query per page type."""
    pages = list(pages)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    return [specific.get(page.pk, page) for page in pages]


@register.filter
def jsonld(value):
    """Serialize a dict for <script type="application/ld+json">, safe inside HTML (no </script> break-out)."""
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_JSONLD_ESCAPES))  # noqa: S308


@register.simple_tag
def live_language_homes():
    """(code, own name, home URL) of each language the site has live, for the 404 page.

    A 404 must still render if the database cannot answer: then only the default language is offered.
    """
    try:
        codes = live_language_codes()
    except DatabaseError:
        codes = [settings.LANGUAGE_CODE]
    homes = []
    for code in codes:
        with translation.override(code):
            homes.append((code, translation.get_language_info(code)["name_local"], reverse("wagtail_serve", args=[""])))
    return homes
