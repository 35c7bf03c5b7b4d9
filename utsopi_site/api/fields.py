"""Serializer fields every page type has in the content API; each app's own fields are in its api.py."""

from rest_framework.fields import Field

from home.site_urls import absolute_url


class TranslationsField(Field):
    """Each live translation of a page: enough for a language switcher and hreflang in one request."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        router = self.context.get("router")
        translations = page.get_translations(inclusive=True).live().public().select_related("locale")
        return [
            {
                "locale": translation.locale.language_code,
                "title": translation.title,
                "url": absolute_url(request, translation.get_url(request)),
                "api_url": absolute_url(request, router.get_object_detail_urlpath(type(page), translation.id)),
            }
            for translation in translations.order_by("locale__language_code")
        ]
