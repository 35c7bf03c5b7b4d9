"""The quick-exit link of every public page (GOV.UK's "Exit this page" pattern) and its explanation page.

`{% load quick_exit %}{% quick_exit %}`. The explanation page is the one chosen in the organisation settings,
in the visitor's language (see home/navigation.py: chosen_pages).
"""

from django import template
from django.conf import settings
from django.templatetags.static import static

from home import navigation
from home.templatetags.request_cache import cached, organisation_settings, template_language

register = template.Library()

SCRIPT = "js/quick-exit.js"


def default_destination():
    """The destination a new site starts with; error pages use it, as the database may be what failed."""
    from home.models import OrganisationSettings

    return OrganisationSettings._meta.get_field("quick_exit_url").get_default()


def explanation_link(page, language_code, request):
    """{url, lang} of the explanation page, lang set when it is not in the visitor's language; or None."""
    url = page.get_url(request) if page else None
    if not url:
        return None
    page_language = page.locale.language_code
    return {"url": url, "lang": page_language if page_language != language_code else ""}


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
    request = context["request"]
    organisation = organisation_settings(context)
    language_code = template_language()
    pages = cached(context, "site_pages", lambda: navigation.chosen_pages(organisation, language_code))
    return {
        "exit_url": exit_through or organisation.quick_exit_url,
        "script_url": static(SCRIPT),
        "explanation": explanation_link(pages["safer_browsing"], language_code, request),
    }
