"""Serializer fields for what Wagtail's API does not give out of the box."""

from rest_framework.fields import Field
from wagtail.rich_text import expand_db_html

from utsopi_site.api.representations import absolute, image_representation


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
                "url": absolute(request, translation.get_url(request)),
                "api_url": absolute(request, router.get_object_detail_urlpath(type(page), translation.id)),
            }
            for translation in translations.order_by("locale__language_code")
        ]


class TimelineEntryField(Field):
    """Timeline entries in chronological order, with their date written as precisely as it is known."""

    openapi_schema = {"type": "array", "items": {"$ref": "#/components/schemas/TimelineEntry"}}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "date": entry.date_iso,
                "precision": entry.precision,
                "date_display": entry.date_display,
                "title": entry.title,
                "text": expand_db_html(entry.text),
                "image": image_representation(entry.image, request, alt=entry.image_caption),
                "image_caption": entry.image_caption,
                "image_credit": entry.image_credit,
            }
            for entry in page.chronological_entries()
        ]
