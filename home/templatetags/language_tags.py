"""Template tags of the languages: a page's translations, the language switcher, the notice after a redirect
from a missing language, and the 404 page's list of languages. They call home/navigation.py."""

from django import template
from django.utils import translation

from home import navigation
from home.templatetags.request_cache import cached

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """The live translations of a page, in the order of settings.LANGUAGES, one query (see navigation)."""
    page = page if page is not None else context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    return cached(
        context, ("translations", page.pk), lambda: navigation.page_translations(page, context.get("request"))
    )


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in each language it is published in; never to a missing page."""
    translations = page_translations(context, page)
    return {"translations": translations if len(translations) > 1 else []}


@register.inclusion_tag("includes/unavailable_language_notice.html", takes_context=True)
def unavailable_language_notice(context):
    """The notice shown after a redirect from a language the page is not published in (?unavailable=fr)."""
    request = context.get("request")
    requested = request.GET.get("unavailable", "") if request is not None else ""
    return navigation.unavailable_language_notice(requested, translation.get_language())


@register.simple_tag
def live_language_homes():
    """(code, own name, home URL) of each language the site has live, for the 404 page."""
    return navigation.language_homes()
