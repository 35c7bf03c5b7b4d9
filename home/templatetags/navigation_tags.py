"""Template tags of the navigation: menus, breadcrumbs, footer text, the pages every page links to, and the
pages chosen in StreamField blocks, in the template's language. They call home/navigation.py and keep its
answers on the request, so header and footer share them."""

from django import template
from wagtail.models import Page

from home import navigation
from home.templatetags.request_cache import cached, organisation_settings, request_cache, template_language

register = template.Library()


def _menu(context, field_name):
    entries = cached(
        context,
        field_name,
        lambda: navigation.menu_entries(
            organisation_settings(context), field_name, template_language(), context.get("request")
        ),
    )
    return navigation.mark_current(entries, context.get("page"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The header menu in the active language: [{url, title, lang, hreflang, is_current, is_ancestor}]."""
    return _menu(context, "main_menu")


@register.simple_tag(takes_context=True)
def footer_menu(context):
    """The footer menu in the active language, same shape as main_menu."""
    return _menu(context, "footer_menu")


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The path from the home page of this language down to the page; nothing on the home page itself."""
    page = page if page is not None else context.get("page")
    return {"ancestors": navigation.breadcrumbs(page, context.get("request")), "page": page}


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The FooterText snippet of the active language (no fallback: no Dutch text under a French URL)."""
    return cached(context, "footer_text", lambda: navigation.footer_text(template_language()))


@register.simple_tag(takes_context=True)
def site_pages(context):
    """The pages chosen in the organisation settings, in the active language, found in one query.

    Returns {"membership": page or None, "donate": ..., "events": ..., "search": ..., "safer_browsing": ...}.
    """
    organisation = organisation_settings(context)
    return cached(context, "site_pages", lambda: navigation.chosen_pages(organisation, template_language()))


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
    cache = request_cache(context)
    language_code = template_language()
    for page_id, target in navigation.localize_pages(pages, language_code).items():
        cache[("localized_page", page_id, language_code)] = target
    return ""


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """The live translation of `page` in the active language, or the page itself, or None if unpublished."""
    if not isinstance(page, Page):
        return None
    cache = request_cache(context)
    language_code = template_language()
    key = ("localized_page", page.id, language_code)
    if key not in cache:
        cache[key] = navigation.localize_pages([page], language_code).get(page.id)
    return cache[key]
