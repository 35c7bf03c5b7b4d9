"""The history page in the content API: its timeline, and the timeline's part of the OpenAPI document."""

from rest_framework.fields import Field
from wagtail.rich_text import expand_db_html

from home.openapi import STRING, obj, ref
from home.representations import image_representation


class TimelineEntryField(Field):
    """Timeline entries in chronological order, with their date written as precisely as it is known."""

    openapi_schema = {"type": "array", "items": ref("TimelineEntry")}

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


def openapi_fragment():
    from history.models import DatePrecision  # the models use this module's field

    entry = {
        "date": {"type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known"},
        "precision": {"type": "string", "enum": list(DatePrecision.values)},
        "date_display": STRING,
        "title": STRING,
        "text": STRING,
        "image": ref("Image"),
        "image_caption": STRING,
        "image_credit": STRING,
    }
    return {"paths": {}, "schemas": {"TimelineEntry": obj(entry)}}
