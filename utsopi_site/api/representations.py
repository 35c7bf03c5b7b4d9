"""How images, page links and rich text look in the content API: resolved, absolute, in the page's language."""

import re

RENDITION_SPEC = "max-1600x1600|format-jpeg"
RELATIVE_LINK = re.compile(r'(href|src)="(/[^"/][^"]*|/)"')


def absolute(request, url):
    if not url or request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def absolute_links(request, html):
    """Rich text links are site-relative; a front end on another host needs them absolute."""
    if not html or request is None:
        return html
    return RELATIVE_LINK.sub(lambda match: f'{match[1]}="{absolute(request, match[2])}"', html)


def image_representation(image, request, alt=""):
    if image is None:
        return None
    rendition = image.get_rendition(RENDITION_SPEC)
    return {
        "id": image.id,
        "title": image.title,
        "alt": image.description or alt,
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def page_link_representation(page, request):
    """A chosen page, as its translation in the language being served when there is one."""
    if page is None:
        return None
    page = page.specific.localized
    return {
        "id": page.id,
        "title": page.title,
        "url": absolute(request, page.get_url(request)),
        "locale": page.locale.language_code,
    }
