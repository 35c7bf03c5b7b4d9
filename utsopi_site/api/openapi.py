"""The OpenAPI 3.1 description of the content API, built from the page models' own api_fields.

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
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, get_page_models

from utsopi_site.api.endpoints import MAX_OFFSET, MAX_SEARCH_LENGTH, SEARCH_OPERATORS

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}
ERROR = {"$ref": "#/components/schemas/Error"}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties, required=None, additional=False):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": additional,
    }


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


SEARCH_STRING = {"type": "string", "maxLength": MAX_SEARCH_LENGTH}
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


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def responses(ok_schema, description, extra=None):
    return {
        "200": json_response(description, ok_schema),
        "400": json_response("A query parameter is wrong.", ERROR),
        **(extra or {}),
    }


NOT_FOUND = {"404": json_response("Nothing with this id.", ERROR)}
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}


def build_schema(request):
    locales = list(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
    page_models = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]
    page_schemas = {model.__name__: page_detail_schema(model) for model in page_models}
    listing_item_meta = obj(
        {
            "type": STRING,
            "detail_url": URL,
            "html_url": {"type": ["string", "null"]},
            "slug": STRING,
            "first_published_at": {"type": ["string", "null"], "format": "date-time"},
            "locale": STRING,
        },
        required=["type", "detail_url"],
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "UTSOPI content API",
            "version": "2",
            "description": (
                "Read-only content of the UTSOPI website in every language: pages, images, documents, "
                "menus and organisation facts, and form schemas. Only live, public content; never drafts, "
                "submissions or accounts. Its one write operation sends a reply to a form."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/api/v2")}],
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
            "/forms/{id}/": {
                "parameters": [ID],
                "get": {
                    "summary": "A fresh form token, to send with a reply to this form",
                    "description": "The id is the form page's id. Never cached.",
                    "operationId": "getFormToken",
                    "responses": {
                        "200": json_response("A token; send the reply after send_after_seconds.", ref("FormToken")),
                        "400": json_response("The id is not a whole number.", ERROR),
                        **NOT_FOUND,
                    },
                },
                "post": {
                    "summary": "Send a reply to a form",
                    "description": (
                        "The same checks as the form on the site: answers by question key (see the page's "
                        "form.questions), the form token, an empty honeypot, a minimum fill time and a rate limit. "
                        "Messages are in the form's language. The answers are stored encrypted and never shown again."
                    ),
                    "operationId": "sendFormReply",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("FormReply")}},
                    },
                    "responses": {
                        "201": json_response("Received: the reference the person can quote.", ref("FormReceived")),
                        "400": json_response(
                            "Not sent: the reasons, per question where they concern one.", ref("FormRefused")
                        ),
                        **NOT_FOUND,
                        "413": json_response("The reply is too long.", ERROR),
                        "415": json_response("The reply is not sent as application/json.", ERROR),
                        "429": json_response("Too many replies from this connection; try again later.", ERROR),
                    },
                },
            },
            "/site/": {
                "get": {
                    "summary": "Menus, footer text and organisation facts in one language",
                    "operationId": "getSiteContent",
                    "parameters": [query("locale", {"type": "string", "enum": locales}, "The language; default nl.")],
                    "responses": responses(ref("SiteContent"), "Site-wide content."),
                }
            },
        },
        "components": {
            "schemas": {
                "Error": obj({"message": STRING}),
                "ListingMeta": obj({"total_count": INTEGER}),
                "PageListingItem": obj(
                    {"id": INTEGER, "meta": listing_item_meta, "title": STRING}, required=["id", "meta"]
                ),
                "PageDetailMeta": obj(
                    {
                        "type": STRING,
                        "detail_url": URL,
                        "html_url": {"type": ["string", "null"]},
                        "slug": STRING,
                        "show_in_menus": {"type": "boolean"},
                        "seo_title": STRING,
                        "search_description": STRING,
                        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
                        "alias_of": {"type": ["object", "null"]},
                        "parent": {"type": ["object", "null"]},
                        "locale": STRING,
                        "translations": {"type": "array", "items": ref("Translation")},
                    },
                    required=["type", "detail_url"],
                ),
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
                "TimelineEntry": obj(
                    {
                        "date": {"type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known"},
                        "precision": {"type": "string", "enum": ["day", "month", "season", "late_year", "year"]},
                        "date_display": STRING,
                        "title": STRING,
                        "text": STRING,
                        "image": ref("Image"),
                        "image_caption": STRING,
                        "image_credit": STRING,
                    }
                ),
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
                "Form": obj(
                    {
                        "questions": {"type": "array", "items": ref("FormQuestion")},
                        "submission_url": {**URL, "description": "GET: a form token; POST: a reply (FormReply)."},
                        "send_after_seconds": INTEGER,
                    }
                ),
                "FormQuestion": obj(
                    {
                        "key": {**STRING, "description": "The same in every language of the form."},
                        "type": {"type": "string", "enum": [value for value, _label in FORM_FIELD_CHOICES]},
                        "label": STRING,
                        "help_text": STRING,
                        "required": {"type": "boolean"},
                        "max_length": {"type": ["integer", "null"]},
                        "choices": {"type": "array", "items": obj({"key": STRING, "label": STRING})},
                        "default": {
                            "type": ["string", "boolean", "array", "null"],
                            "description": "In the shape of an answer to this type of question.",
                        },
                    }
                ),
                "FormToken": obj({"form_token": STRING, "send_after_seconds": INTEGER, "valid_for_seconds": INTEGER}),
                "FormReply": {
                    "type": "object",
                    "properties": {
                        "answers": {
                            "type": "object",
                            "description": (
                                "By question key: text; true/false for a checkbox; a list of choice keys for "
                                "checkboxes and multiselect; a number or text for a number; the choice key for "
                                "radio and dropdown."
                            ),
                            "additionalProperties": {
                                "type": ["string", "number", "boolean", "array", "null"],
                                "items": STRING,
                            },
                        },
                        "form_token": {**STRING, "description": "From GET on the same address."},
                        "website_address": {**STRING, "description": "A trap for scripts: leave it empty."},
                    },
                    "required": ["answers", "form_token"],
                    "additionalProperties": False,
                },
                "FormReceived": obj({"reference": STRING, "thank_you_text": {**STRING, "description": "HTML"}}),
                "FormRefused": obj(
                    {
                        "message": STRING,
                        "errors": {
                            "type": "object",
                            "description": "Messages by question key; __all__ for the reply as a whole.",
                            "additionalProperties": {"type": "array", "items": STRING},
                        },
                        "form_token": {**STRING, "description": "A fresh token, when the one sent was too old."},
                    },
                    required=["message"],
                ),
                "MenuItem": obj({"title": STRING, "url": URL, "page_id": INTEGER, "api_url": URL}),
                "SiteContent": obj(
                    {
                        "locale": STRING,
                        "languages": {"type": "array", "items": obj({"code": STRING, "name": STRING})},
                        "organisation": {"type": "object", "additionalProperties": {"type": "string"}},
                        "donations": obj(
                            {"account_holder": STRING, "iban": STRING, "bic": STRING, "reference": STRING}
                        ),
                        "quick_exit_url": URL,
                        "main_menu": {"type": "array", "items": ref("MenuItem")},
                        "footer_menu": {"type": "array", "items": ref("MenuItem")},
                        "footer_text": STRING,
                    }
                ),
                **page_schemas,
            }
        },
    }


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
