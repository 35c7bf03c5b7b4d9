"""The OpenAPI 3.1 description of the content API, assembled from the page models' own api_fields, the
operations of the API router (pages, images, documents, site content) and each app's `openapi_fragment()`.

Built from the code rather than written by hand, so a new page type or field appears in it at once;
tests and schemathesis (in CI) check it against real responses.
"""

from django.conf import settings
from django.db import models
from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from rest_framework import fields as rest_fields
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, get_page_models

from history.api import openapi_fragment as history_fragment
from home.openapi import ERROR, ID, INTEGER, NOT_FOUND, STRING, URL, json_response, obj, ref
from home.site_urls import absolute_url
from membership.api import openapi_fragment as forms_fragment
from membership.donations import SITE_DONATIONS_SCHEMA
from statements.api import openapi_fragment as statements_fragment
from utsopi_site.api.endpoints import MAX_OFFSET, MAX_SEARCH_LENGTH, SEARCH_OPERATORS, SEARCH_PATTERN


def field_schema(model, api_field):
    """The JSON schema of one APIField of a page model."""
    serializer = api_field.serializer
    if hasattr(serializer, "openapi_schema"):
        return serializer.openapi_schema
    if isinstance(serializer, rest_fields.CharField):
        return STRING
    field = model._meta.get_field(api_field.name)
    if isinstance(field, StreamField):
        return {"type": "array", "items": ref("StreamBlock")}
    if isinstance(field, RichTextField):
        return {"type": "string", "description": "HTML, with absolute links"}
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time", "description": "ISO 8601 with the Europe/Brussels offset"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, models.CharField) and field.choices:
        return {"type": "string", "enum": [value for value, _label in field.choices]}
    return STRING


def page_type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def page_detail_schema(model):
    """Detail of one page type: the fields every page has, plus the type's own content."""
    own = {api_field.name: field_schema(model, api_field) for api_field in getattr(model, "api_fields", [])}
    meta = ref("PageDetailMeta")
    return {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "meta": {"allOf": [meta, obj({"type": {"const": page_type_name(model)}}, additional=True)]},
            "title": STRING,
            **own,
        },
        "required": ["id", "meta", "title", *own],
        "additionalProperties": False,
    }


def query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


LIMIT = query("limit", {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX}, "Items per page.")
OFFSET = query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}, "Items to skip.")


SEARCH_STRING = {"type": "string", "maxLength": MAX_SEARCH_LENGTH, "pattern": SEARCH_PATTERN}
SEARCH_OPERATOR = query(
    "search_operator", {"type": "string", "enum": list(SEARCH_OPERATORS)}, "How search words combine."
)


def listing_parameters(extra=()):
    return [LIMIT, OFFSET, *extra]


def page_filters(locales):
    """Query parameters of the page listing; `locales` are the site's languages, which editors can add to."""
    return [
        query("type", STRING, "Only pages of this type, e.g. history.HistoryPage."),
        query("locale", {"type": "string", "enum": locales}, "Only pages in this language, e.g. fr."),
        query("translation_of", INTEGER, "Only translations of the page with this id."),
        query("child_of", INTEGER, "Only children of the page with this id."),
        query("descendant_of", INTEGER, "Only pages below the page with this id."),
        query("search", SEARCH_STRING, "Full-text search; combine with locale to search one language."),
        SEARCH_OPERATOR,
        query("order", STRING, "A field to sort by, '-field' for descending, or 'random'."),
    ]


def responses(ok_schema, description, extra=None):
    return {
        "200": json_response(description, ok_schema),
        "400": json_response("A query parameter is wrong.", ERROR),
        **(extra or {}),
    }


INFO = {
    "title": "UTSOPI content API",
    "version": "2",
    "description": (
        "Read-only content of the UTSOPI website in every language: pages, images, documents, "
        "menus and organisation facts, and form schemas. Only live, public content; never drafts, "
        "submissions or accounts. Its write operations send a reply to a form and let the person who sent it "
        "open, correct or withdraw it with its reference and secret."
    ),
}


def build_schema(request):
    """The document: the router's own operations and schemas, each app's fragment, and a schema per page type."""
    locales = list(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
    page_models = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]
    page_schemas = {model.__name__: page_detail_schema(model) for model in page_models}
    paths, schemas = {}, {}
    for fragment in [
        router_fragment(locales, page_schemas),
        history_fragment(),
        forms_fragment(),
        statements_fragment(),
    ]:
        paths.update(fragment["paths"])
        schemas.update(fragment["schemas"])
    return {
        "openapi": "3.1.0",
        "info": INFO,
        "servers": [{"url": absolute_url(request, "/api/v2")}],
        "paths": paths,
        "components": {"schemas": {**schemas, **page_schemas}},
    }


def router_fragment(locales, page_schemas):
    """Pages, images, documents and site content: the endpoints utsopi_site/api assembles itself."""
    return {
        "paths": {
            "/pages/": {
                "get": {
                    "summary": "List pages",
                    "operationId": "listPages",
                    "parameters": listing_parameters(page_filters(locales)),
                    "responses": responses(listing("PageListingItem"), "Pages, 20 at a time by default."),
                }
            },
            "/pages/{id}/": {
                "get": {
                    "summary": "One page with all its content and its translations",
                    "operationId": "getPage",
                    "parameters": [ID],
                    "responses": responses({"anyOf": [ref(name) for name in page_schemas]}, "The page.", NOT_FOUND),
                }
            },
            **media_paths("images", "Image", "images", ref("ImageDetail")),
            **media_paths("documents", "Document", "public documents", ref("MediaListingItem")),
            "/site/": {
                "get": {
                    "summary": "Menus, footer text and organisation facts in one language",
                    "operationId": "getSiteContent",
                    "parameters": [query("locale", {"type": "string", "enum": locales}, "The language; default nl.")],
                    "responses": responses(ref("SiteContent"), "Site-wide content."),
                }
            },
        },
        "schemas": {
            "Error": obj({"message": STRING}),
            "ListingMeta": obj({"total_count": INTEGER}),
            "PageListingItem": obj(
                {"id": INTEGER, "meta": page_meta(detail=False), "title": STRING}, required=["id", "meta"]
            ),
            "PageDetailMeta": page_meta(detail=True),
            "Translation": obj({"locale": STRING, "title": STRING, "url": URL, "api_url": URL}),
            "StreamBlock": obj({"type": STRING, "value": {}, "id": STRING}, required=["type", "value"]),
            "Image": {
                "type": ["object", "null"],
                "properties": {
                    "id": INTEGER,
                    "title": STRING,
                    "alt": STRING,
                    "url": URL,
                    "width": INTEGER,
                    "height": INTEGER,
                },
                "required": ["id", "title", "alt", "url", "width", "height"],
                "additionalProperties": False,
            },
            "MediaListingItem": obj(
                {
                    "id": INTEGER,
                    "meta": obj(
                        {
                            "type": STRING,
                            "detail_url": URL,
                            "tags": {"type": "array"},
                            "download_url": {
                                "type": "string",
                                "description": "Relative to the site when media are local",
                            },
                        },
                        required=["type", "detail_url"],
                    ),
                    "title": STRING,
                },
                required=["id", "meta"],
                additional=True,
            ),
            "ImageDetail": obj(
                {
                    "id": INTEGER,
                    "meta": {"type": "object"},
                    "title": STRING,
                    "width": INTEGER,
                    "height": INTEGER,
                },
                required=["id", "meta"],
                additional=True,
            ),
            "MenuItem": obj({"title": STRING, "url": URL, "page_id": INTEGER, "api_url": URL}),
            "SiteContent": obj(
                {
                    "locale": STRING,
                    "languages": {"type": "array", "items": obj({"code": STRING, "name": STRING})},
                    "organisation": {"type": "object", "additionalProperties": {"type": "string"}},
                    "donations": SITE_DONATIONS_SCHEMA,
                    "quick_exit_url": URL,
                    "main_menu": {"type": "array", "items": ref("MenuItem")},
                    "footer_menu": {"type": "array", "items": ref("MenuItem")},
                    "footer_text": STRING,
                }
            ),
        },
    }


def page_meta(*, detail):
    """A page's meta: a few fields in a listing; in its detail, all of them with its translations."""
    properties = {
        "type": STRING,
        "detail_url": URL,
        "html_url": {"type": ["string", "null"]},
        "slug": STRING,
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "locale": STRING,
    }
    if detail:
        properties |= {
            "show_in_menus": {"type": "boolean"},
            "seo_title": STRING,
            "search_description": STRING,
            "alias_of": {"type": ["object", "null"]},
            "parent": {"type": ["object", "null"]},
            "translations": {"type": "array", "items": ref("Translation")},
        }
    return obj(properties, required=["type", "detail_url"])


def media_paths(endpoint, kind, described_as, detail_schema):
    """The listing and the detail of images or documents: the same two operations, each with its own item."""
    return {
        f"/{endpoint}/": {
            "get": {
                "summary": f"List {described_as}",
                "operationId": f"list{kind}s",
                "parameters": listing_parameters(
                    [query("search", SEARCH_STRING, "Full-text search."), SEARCH_OPERATOR]
                ),
                "responses": responses(listing("MediaListingItem"), f"{kind}s."),
            }
        },
        f"/{endpoint}/{{id}}/": {
            "get": {
                "summary": f"One {described_as.removesuffix('s')}",
                "operationId": f"get{kind}",
                "parameters": [ID],
                "responses": responses(detail_schema, f"The {kind.lower()}.", NOT_FOUND),
            }
        },
    }


def listing(item_schema):
    return obj({"meta": ref("ListingMeta"), "items": {"type": "array", "items": ref(item_schema)}})


@csrf_exempt  # read-only; so that any method but GET gets a plain 405
@require_GET
@cache_control(public=True, max_age=300)
def openapi_document(request):
    return JsonResponse(build_schema(request), json_dumps_params={"ensure_ascii": False})
