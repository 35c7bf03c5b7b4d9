"""The one rule for absolute URLs: the root URL configured for the site (Settings > Sites), never the host a
request happened to use. Pages, the sitemap, the feeds and every URL of every API answer are built from it."""

import re

from wagtail.models import Site

RELATIVE_LINK = re.compile(r'(href|src)="(/[^"/][^"]*|/)"')


def site_root_url(request=None):
    """The root URL of the request's site, or of the default site when the host is none of the sites'."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute_url(request, url):
    """A site-relative URL made absolute; one that is absolute already (S3 media) stays."""
    if not url or not url.startswith("/"):
        return url
    return site_root_url(request) + url


def absolute_links(request, html):
    """Rich text links are site-relative; a front end on another host needs them absolute."""
    if not html:
        return html
    return RELATIVE_LINK.sub(lambda match: f'{match[1]}="{absolute_url(request, match[2])}"', html)
