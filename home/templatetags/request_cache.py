"""A dict living as long as the request, so that what the header looked up serves the footer too.

Not a tag library (it has no `register`): the helper the tag libraries of home/templatetags/ share.
"""

from django.utils import translation

from home.navigation import content_language


def template_language():
    """The language the template is rendered in (the URL's, activated by the locale middleware)."""
    return content_language(translation.get_language())


def request_cache(context):
    request = context.get("request")
    if request is None:
        return {}
    cache = getattr(request, "_utsopi_navigation_cache", None)
    if cache is None:
        cache = {}
        request._utsopi_navigation_cache = cache
    return cache


def cached(context, key, compute):
    """compute(), once per request and language."""
    cache = request_cache(context)
    key = (key, template_language())
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def organisation_settings(context):
    from home.models import OrganisationSettings

    request = context.get("request")
    return OrganisationSettings.for_request(request) if request is not None else None
