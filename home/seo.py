"""What search engines and share previews read about a page: description, Open Graph, Twitter card, schema.org.

Everything comes from the page and the organisation settings, so editors change it in the admin. Absolute
addresses start from the Wagtail site's root URL, as the canonical link and the sitemap do.
"""

from django.urls import reverse
from django.utils.translation import to_locale
from wagtail.models import Site

SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"
SHARE_IMAGE_SIZE = (1200, 630)

# Open Graph wants language_TERRITORY. The union's own languages are those of Belgium; for the others,
# the country where the language is mainly spoken, which is what most languages' code says twice.
OPEN_GRAPH_TERRITORIES = {"nl": "BE", "fr": "BE", "de": "BE", "en": "GB"}


def open_graph_locale(language_code):
    """'fr' -> 'fr_BE', 'ro' -> 'ro_RO'; a code that has its territory already keeps it ('pt-br' -> 'pt_BR')."""
    locale_name = to_locale(language_code)
    if "_" in locale_name:
        return locale_name
    return f"{locale_name}_{OPEN_GRAPH_TERRITORIES.get(locale_name, locale_name.upper())}"


def page_description(page):
    """The page's meta description; page types without the shared fallback give their search description."""
    return getattr(page, "meta_description", None) or page.search_description


def absolute_url(request, url):
    """The address on the site the request is for; an address that is absolute already (S3 media) stays."""
    if not url.startswith("/"):
        return url
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + url


def share_image(organisation, request):
    """The site-wide share image as the 1200 by 630 JPEG that every network accepts, with an absolute URL."""
    return share_image_data(organisation.share_image if organisation is not None else None, request)


def share_image_data(image, request):
    """An image as the 1200 by 630 JPEG that every network accepts, with an absolute URL; None for no image."""
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.description or image.default_alt_text,
    }


def language_home_url(request):
    """The absolute address of the home page in the active language, e.g. https://utsopi.be/fr/."""
    return absolute_url(request, reverse("wagtail_serve", args=[""]))


def web_page_data(page, request, organisation):
    """schema.org WebPage, the structured data of every page that has no more specific one."""
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.seo_title or page.title,
        "description": page_description(page),
        "url": page.full_url,
        "inLanguage": page.locale.language_code,
        "isPartOf": {"@type": "WebSite", "name": organisation.organisation_name, "url": language_home_url(request)},
    }


def organisation_data(page, request, organisation):
    """schema.org Organization for the home page: name, address, contacts, image and profiles elsewhere."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.organisation_name,
        "url": page.full_url,
        "description": page_description(page),
    }
    if image := share_image(organisation, request):
        data["logo"] = data["image"] = image["url"]
    if organisation.contact_email:
        data["email"] = organisation.contact_email
    if organisation.contact_phone:
        data["telephone"] = organisation.contact_phone
    if organisation.postal_address:
        data["address"] = " ".join(organisation.postal_address.split())
    if organisation.press_contact_email:
        data["contactPoint"] = [
            {
                "@type": "ContactPoint",
                "contactType": "press",
                "email": organisation.press_contact_email,
                **({"name": organisation.press_contact_name} if organisation.press_contact_name else {}),
            }
        ]
    if same_as := [link.url for link in organisation.social_links.all()]:
        data["sameAs"] = same_as
    return data
