"""Language and navigation of the public site, in one place, with the language always given as a parameter.

Which language a visitor gets, which live translation of a page they see, the menus, breadcrumbs and footer
text of a language, and the pages the site links to from every page (chosen in the organisation settings).
Template tags (home/templatetags/) and the API's site endpoint only call these functions.

A language counts once its home page is live, so a language added in the admin is picked up without a code
change, and a visitor is never sent to a language the site does not have. Every function answers with a
constant number of queries, whatever the size of the menus.
"""

from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

# The pages of the organisation settings that every page links to, by the name templates use.
CHOSEN_PAGES = {
    "membership": "membership_page",
    "donate": "donate_page",
    "events": "events_page",
    "search": "search_page",
    "safer_browsing": "safer_browsing_page",
}


# Which language


def content_language(code):
    """The content language for a language code (e.g. 'fr-be' -> 'fr'), the default one for an unknown code."""
    try:
        return get_supported_content_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


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
    """The language of the URL's prefix (/fr/...), or None for an address without one."""
    return get_language_from_path(request.path_info)


def request_language(request):
    """The language a request is answered in: the one of its URL, else the visitor's best live language."""
    return requested_language(request) or preferred_language(request, live_language_codes())


def language_name(code):
    """The language's name in itself, e.g. 'Français'."""
    return translation.get_language_info(code)["name_local"]


def language_home_url(code):
    """The address of the home page in a language, e.g. /fr/, reversed with that language's URL prefix."""
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


def language_homes():
    """(code, own name, home URL) of each language the site has live, for the 404 page.

    A 404 must still render if the database cannot answer: then only the default language is offered.
    """
    try:
        codes = live_language_codes()
    except DatabaseError:
        codes = [settings.LANGUAGE_CODE]
    return [(code, language_name(code), language_home_url(code)) for code in codes]


def unavailable_language_notice(requested, current):
    """What the notice after a redirect from a language the page is not live in (?unavailable=fr) says.

    Written in the language the visitor asked for, since that is the one they read.
    """
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


# Which live translation


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


def translation_to_serve_instead(page, requested, request):
    """For a page asked for in a language it is not live in: its live translation the visitor reads best.

    None when the page is in the requested language (or none was asked for). Wagtail would otherwise show
    the Dutch page under a French address.
    """
    if requested is None or page.locale.language_code == requested:
        return None
    translations = {
        translated.locale.language_code: translated
        for translated in page.get_translations(inclusive=True).live().select_related("locale")
    }
    translations.pop(requested, None)
    return translations[preferred_language(request, list(translations))]


def page_translations(page, request=None):
    """The live translations of a page, in the order of settings.WAGTAIL_CONTENT_LANGUAGES, one query.

    Each one: {url, full_url, code, name (in its own language), is_current, is_default (the source
    language, which search engines get as x-default)}.
    """
    if page is None or not getattr(page, "pk", None):
        return []
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
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
            name = capfirst(language_name(code))
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


def chosen_pages(organisation, language_code):
    """The pages chosen in the organisation settings, each in its live, public translation in `language_code`.

    Returns {"membership": page or None, "donate": ..., "events": ..., "search": ..., "safer_browsing": ...}
    (base Page objects), in one query. A chosen page without a live translation in that language gives None,
    except the safer-browsing page, which falls back to the default language, then to the page chosen.
    """
    chosen = {key: getattr(organisation, f"{field}_id", None) for key, field in CHOSEN_PAGES.items()}
    ids = {page_id for page_id in chosen.values() if page_id}
    found = dict.fromkeys(chosen)
    if not ids:
        return found
    candidates = list(
        Page.objects.live()
        .public()
        .filter(translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"))
        .select_related("locale")
        .only("id", "title", "url_path", "translation_key", "depth", "path", "locale__language_code")
    )
    by_id = {page.id: page for page in candidates}
    by_translation = {(page.translation_key, page.locale.language_code): page for page in candidates}
    keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key")) if ids - set(by_id) else {}
    for name, page_id in chosen.items():
        if not page_id:
            continue
        translation_key = by_id[page_id].translation_key if page_id in by_id else keys.get(page_id)
        found[name] = by_translation.get((translation_key, language_code))
        if found[name] is None and name == "safer_browsing":
            found[name] = by_translation.get((translation_key, settings.LANGUAGE_CODE)) or by_id.get(page_id)
    return found


# Which menu items, breadcrumbs and footer text


def menu_entries(organisation, field_name, language_code, request=None):
    """The items of the menu chosen in the settings (main_menu or footer_menu), in `language_code`.

    Each one: {url, title, page_id, path, hreflang, lang}; a page not yet translated is reached in its own
    language, and hreflang/lang say so to browsers and screen readers.
    """
    from home.models import Menu, MenuItem

    menu_id = getattr(organisation, f"{field_name}_id", None) if organisation else None
    if not menu_id:
        return []
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
    entries = []
    for item in items:
        target = localized.get(item.page_id)
        if target is None:
            continue
        url = target.get_url(request)
        if not url:
            continue
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


def mark_current(entries, page):
    """The menu entries, each saying whether it is the page shown (is_current) or one of its ancestors."""
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


def breadcrumbs(page, request=None):
    """[{url, title}] from the home page of the page's language down to its parent; nothing on a home page."""
    if page is None or not getattr(page, "pk", None) or page.depth <= 2:
        return []
    ancestors = [
        {"url": ancestor.get_url(request), "title": ancestor.title}
        for ancestor in page.get_ancestors()
        .filter(depth__gte=2)
        .live()
        .only("id", "title", "url_path", "depth", "path")
    ]
    return [ancestor for ancestor in ancestors if ancestor["url"]]


def footer_text(language_code):
    """The FooterText snippet of the language (no fallback: no Dutch text under a French URL)."""
    from home.models import FooterText

    return FooterText.objects.filter(locale__language_code=language_code).order_by("pk").first()
