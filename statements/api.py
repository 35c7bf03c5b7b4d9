"""How a statement looks in the content API: its image, topics, related pages and press contact, and their
OpenAPI schemas (merged into the document by utsopi_site/api/openapi.py)."""

from rest_framework.fields import Field

from home.models.site_settings import OrganisationSettings

IMAGE_RENDITION = "max-1600x1600|format-jpeg"


def absolute(request, url):
    if not url or request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


class ImageField(Field):
    """The article's image as a JPEG rendition with an absolute address, or null."""

    openapi_schema = {"$ref": "#/components/schemas/Image"}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        image = page.image
        if image is None:
            return None
        rendition = image.get_rendition(IMAGE_RENDITION)
        return {
            "id": image.id,
            "title": image.title,
            "alt": image.description or "",
            "url": absolute(self.context.get("request"), rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }


class TopicsField(Field):
    """The article's topics, named in its language; the id is the topic's in that language."""

    openapi_schema = {"type": "array", "items": {"$ref": "#/components/schemas/StatementTopic"}}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [{"id": topic.id, "name": topic.name} for topic in page.topics_here()]


class RelatedPagesField(Field):
    """Live related pages, in the article's language when translated."""

    openapi_schema = {"type": "array", "items": {"$ref": "#/components/schemas/StatementRelatedPage"}}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "id": related.id,
                "title": related.title,
                "url": absolute(request, related.get_url(request)),
                "locale": related.locale.language_code,
            }
            for related in page.related_pages_here()
        ]


class PressContactField(Field):
    """The organisation's press contact, when the article shows it and the settings have an address."""

    openapi_schema = {"oneOf": [{"$ref": "#/components/schemas/PressContact"}, {"type": "null"}]}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        if not page.show_press_contact:
            return None
        organisation = OrganisationSettings.for_request(self.context["request"])
        if not organisation.press_contact_email:
            return None
        return {"name": organisation.press_contact_name, "email": organisation.press_contact_email}


def openapi_fragment():
    """The schemas the fields above refer to; the statement page types' own schemas come from their api_fields."""
    return {
        "paths": {},
        "schemas": {
            "StatementTopic": {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["id", "name"],
                "additionalProperties": False,
            },
            "StatementRelatedPage": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "locale": {"type": "string"},
                },
                "required": ["id", "title", "url", "locale"],
                "additionalProperties": False,
            },
            "PressContact": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}},
                "required": ["name", "email"],
                "additionalProperties": False,
            },
        },
    }
