"""How images and chosen pages look in the content API, shared by every app's blocks and fields: resolved,
absolute (home.site_urls), in the language being served."""

from home.site_urls import absolute_url

RENDITION_SPEC = "max-1600x1600|format-jpeg"


def image_representation(image, request, alt=""):
    if image is None:
        return None
    rendition = image.get_rendition(RENDITION_SPEC)
    return {
        "id": image.id,
        "title": image.title,
        "alt": image.description or alt,
        "url": absolute_url(request, rendition.url),
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
        "url": absolute_url(request, page.get_url(request)),
        "locale": page.locale.language_code,
    }
