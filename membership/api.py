"""The forms in the content API: each form's questions, the replies sent to it as JSON, and their part of the
OpenAPI document.

A reply goes through the very form the HTML page uses (membership.forms.ProtectedForm): the same
validation, honeypot, fill-time token, rate limit and encrypted storage. Messages are in the form's
language, and nothing of a reply ever comes back but its reference.
"""

import json
import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables
from rest_framework.fields import Field
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.openapi import ERROR, ID, INTEGER, NOT_FOUND, STRING, URL, json_response, obj, ref
from home.site_urls import absolute_links, absolute_url
from membership.forms import MULTIPLE_CHOICE_TYPES, STARTED_FIELD, answer_type_error, form_data
from membership.spam import form_started_token

logger = logging.getLogger(__name__)

TOKEN_KEY = "form_token"  # noqa: S105 (the name of a key, not a secret)
HONEYPOT_KEY = "website_address"  # left empty by people; filled in by scripts that fill in every field
REPLY_KEYS = {"answers", TOKEN_KEY, HONEYPOT_KEY}


class FormField(Field):
    """A form's questions as the HTML form asks them, so any front end can render and send it.

    Built from the page's own form class: a front end sees the same keys, limits and choices as the
    HTML form, and its replies go through the same checks (form_replies below).
    """

    openapi_schema = ref("Form")

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        fields = page.get_form_fields()
        form_class = page.form_builder(fields).get_form_class()
        return {
            "questions": [question(field, form_class.base_fields[field.clean_name]) for field in fields],
            "submission_url": absolute_url(request, reverse("api_form_replies", args=[page.id])),
            "send_after_seconds": settings.MEMBER_FORMS_MIN_FILL_SECONDS,
        }


def question(field, form_field):
    """One question: its stable key, what it asks, and its choices under their stable keys."""
    return {
        "key": field.clean_name,
        "type": field.field_type,
        "label": str(form_field.label),
        "help_text": str(form_field.help_text or ""),
        "required": form_field.required,
        "max_length": getattr(form_field, "max_length", None),
        "choices": [{"key": key, "label": str(label)} for key, label in getattr(form_field, "choices", [])],
        "default": default_answer(field.field_type, form_field.initial),
    }


def default_answer(field_type, initial):
    """The pre-filled answer in the JSON shape a reply uses for this type of question."""
    if field_type == "checkbox":
        return bool(initial)
    if field_type in MULTIPLE_CHOICE_TYPES:
        return list(initial or [])
    if isinstance(initial, list | tuple):  # single-choice questions keep their default key in a list
        return initial[0] if initial else None
    return initial or None


def json_answer(data, status=200):
    """Never kept by a browser or the CDN: tokens are fresh, and replies concern a person."""
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)
    return response


def reply_refused(message, status=400, **extra):
    return json_answer({"message": message, **extra}, status=status)


@csrf_exempt  # no cookie is needed or used; a JSON body from another site needs a CORS preflight
@sensitive_variables()
def form_replies(request, page_id):
    """GET: a fresh form token, to send with the reply. POST: a reply; 201 with the member's reference."""
    from membership.models import ProtectedFormPage  # the models use this module's FormField

    request.sensitive_post_parameters = "__ALL__"
    page = Page.objects.live().public().filter(id=page_id).specific().first()
    if not isinstance(page, ProtectedFormPage):
        return reply_refused(f"no form with id {page_id}", status=404)
    with translation.override(page.locale.language_code):
        if request.method == "GET":
            return json_answer(
                {
                    TOKEN_KEY: form_started_token(page),
                    "send_after_seconds": settings.MEMBER_FORMS_MIN_FILL_SECONDS,
                    "valid_for_seconds": settings.MEMBER_FORMS_MAX_FILL_SECONDS,
                }
            )
        if request.method == "POST":
            return receive_reply(request, page)
    response = reply_refused(f"method {request.method} is not allowed here", status=405)
    response["Allow"] = "GET, POST"
    return response


@sensitive_variables()
def receive_reply(request, page):
    if request.content_type != "application/json":
        return reply_refused(_("Send the reply as JSON, with Content-Type: application/json."), status=415)
    try:
        reply = json.loads(request.body.decode("utf-8"))
    except RequestDataTooBig:
        return reply_refused(_("This reply is too long."), status=413)
    except (UnicodeDecodeError, ValueError):
        return reply_refused(_("The reply is not valid JSON."))
    refusal = malformed_reply(reply)
    if refusal:
        return reply_refused(refusal)

    questions = {field.clean_name: field.field_type for field in page.get_form_fields()}
    errors = {
        key: [message] for key, value in reply["answers"].items() if (message := answer_error(questions, key, value))
    }
    if errors:
        return reply_refused(_("The reply was not sent: please correct the answers."), errors=errors)

    data = form_data(reply["answers"], reply.get(TOKEN_KEY, ""), reply.get(HONEYPOT_KEY, ""))
    form = page.get_form(data, page=page, user=request.user, request=request)
    if form.is_valid():
        submission = page.process_form_submission(form)
        thanks = absolute_links(request, expand_db_html(page.thank_you_text))
        return json_answer({"reference": submission.reference, "thank_you_text": thanks}, status=201)

    if form.blocked:
        logger.info("Refused a JSON reply to form page %s: %s", page.pk, form.blocked)
    errors = {
        key: [error["message"] for error in field_errors] for key, field_errors in form.errors.get_json_data().items()
    }
    if form.blocked == "rate_limit":
        return reply_refused(errors["__all__"][0], status=429)
    extra = {}
    if form.data[STARTED_FIELD] != reply.get(TOKEN_KEY, ""):  # the token was missing or too old: a fresh one
        extra[TOKEN_KEY] = form.data[STARTED_FIELD]
    return reply_refused(_("The reply was not sent: please correct the answers."), errors=errors, **extra)


def answer_error(questions, key, value):
    if key not in questions:
        return _("This form has no question with this key.")
    return answer_type_error(questions[key], value)


def malformed_reply(reply):
    """Why the reply's shape is wrong, or None: an object with the answers, the token and the honeypot."""
    if not isinstance(reply, dict):
        return _("The reply must be a JSON object with the answers under “answers”.")
    unknown = set(reply) - REPLY_KEYS
    if unknown:
        return _("Unknown keys in the reply: %(keys)s.") % {"keys": ", ".join(sorted(unknown))}
    if not isinstance(reply.get("answers"), dict):
        return _("The reply must be a JSON object with the answers under “answers”.")
    for key in (TOKEN_KEY, HONEYPOT_KEY):
        if not isinstance(reply.get(key, ""), str):
            return _("“%(key)s” must be text.") % {"key": key}
    if not all(is_text(text) for text in texts_in(reply)):
        return _("The reply contains characters that are not valid text.")
    return None


def texts_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from texts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts_in(item)


def is_text(value):
    """JSON allows lone surrogates (\\ud800), which no text encoding can store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def openapi_fragment():
    """The form reply operations and the schemas of forms, questions, tokens and replies."""
    return {
        "paths": {
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
        },
        "schemas": {
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
        },
    }
