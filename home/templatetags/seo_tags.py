"""Template tags for the <head> of public pages: sharing tags and schema.org structured data (see home/seo.py)."""

import json

from django import template
from django.utils.safestring import mark_safe

from home import seo
from home.templatetags.language_tags import page_translations

register = template.Library()

_JSONLD_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def _organisation(context):
    from home.models import OrganisationSettings

    return OrganisationSettings.for_request(context["request"])


@register.inclusion_tag("includes/sharing_meta.html", takes_context=True)
def sharing_meta(context):
    """Meta description, Open Graph and Twitter card of the page in context, in its language."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None:
        return {}
    organisation = _organisation(context)
    code = page.locale.language_code
    return {
        "description": seo.page_description(page),
        "title": page.seo_title or page.title,
        "site_name": organisation.organisation_name,
        "url": page.full_url,
        "type": "website" if page.depth <= 2 else "article",
        "locale": seo.open_graph_locale(code),
        "alternate_locales": [
            seo.open_graph_locale(translation["code"])
            for translation in page_translations(context, page)
            if translation["code"] != code
        ],
        # A page with its own image (e.g. a statement's) is shared with it instead of the site-wide one.
        "image": seo.share_image_data(getattr(page, "sharing_image", None), request)
        or seo.share_image(organisation, request),
    }


@register.simple_tag(takes_context=True)
def web_page_structured_data(context):
    return seo.web_page_data(context["page"], context["request"], _organisation(context))


@register.simple_tag(takes_context=True)
def organisation_structured_data(context):
    return seo.organisation_data(context["page"], context["request"], _organisation(context))


@register.filter
def jsonld(value):
    """Serialize a dict for <script type="application/ld+json">, safe inside HTML (no </script> break-out)."""
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_JSONLD_ESCAPES))  # noqa: S308
