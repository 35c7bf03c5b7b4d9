"""The forms and sign-ups in the content API: each form's questions, the replies sent to it as JSON, a
member's own sign-up through reference and secret, and their part of the OpenAPI document.

A reply goes through the very form the HTML page uses (membership.forms.ProtectedForm): the same
validation, honeypot, fill-time token, rate limit and encrypted storage. Messages are in the form's
language, and nothing of a reply ever comes back but its reference and the member's secret, once.

A member's own sign-up (/api/v2/sign-ups/...) has the same actions and protections as the "my sign-up"
pages (membership.self_service), without a session: each call carries the reference and the secret.
Its errors are RFC 9457 problem documents (application/problem+json); nothing is cached.
"""

import json
import logging
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.openapi import ERROR, ID, INTEGER, NOT_FOUND, STRING, URL, json_response, obj, ref
from home.site_urls import absolute_links
from membership import self_service
from membership.forms import STARTED_FIELD, answer_type_error, form_data
from membership.models import ProtectedFormPage
from membership.self_service import AccessRefusedError
from membership.spam import RateLimitUnavailableError, form_started_token

logger = logging.getLogger(__name__)

TOKEN_KEY = "form_token"  # noqa: S105 (the name of a key, not a secret)
HONEYPOT_KEY = "website_address"  # left empty by people; filled in by scripts that fill in every field
REPLY_KEYS = {"answers", TOKEN_KEY, HONEYPOT_KEY}
PROBLEM_CONTENT_TYPE = "application/problem+json"


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
    try:
        valid = form.is_valid()
    except RateLimitUnavailableError:
        logger.warning("Refused a JSON reply to form page %s: the rate limit's cache is unavailable", page.pk)
        response = reply_refused(_("The reply was not sent: please try again in a few minutes."), status=503)
        response["Retry-After"] = "30"
        return response
    if valid:
        submission = page.process_form_submission(form)
        thanks = absolute_links(request, expand_db_html(page.thank_you_text))
        return json_answer(
            {"reference": submission.reference, "secret": submission.secret, "thank_you_text": thanks}, status=201
        )

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


# A member's own sign-up: /api/v2/sign-ups/access/, /answers/ and /withdrawal/

ACCESS_KEYS = {"reference", "secret"}
CORRECTION_KEYS = {*ACCESS_KEYS, "revision", "answers", TOKEN_KEY, HONEYPOT_KEY}


class ProblemError(Exception):
    """A refusal, answered as a problem document: a status, a translated detail and optional extra members."""

    def __init__(self, status, detail, **extra):
        super().__init__(detail)
        self.status, self.detail, self.extra = status, detail, extra

    def response(self):
        response = JsonResponse(
            {
                "type": "about:blank",
                "title": HTTPStatus(self.status).phrase,
                "status": self.status,
                "detail": self.detail,
                **self.extra,
            },
            status=self.status,
            content_type=PROBLEM_CONTENT_TYPE,
            json_dumps_params={"ensure_ascii": False},
        )
        add_never_cache_headers(response)
        if self.status == HTTPStatus.TOO_MANY_REQUESTS and "retry_after" in self.extra:
            response["Retry-After"] = str(self.extra["retry_after"])
        return response


def sign_up_endpoint(*methods):
    """CSRF-exempt JSON (no cookie is used), nothing posted shown in error reports, problems as 4xx answers."""

    def decorate(view):
        @csrf_exempt
        @sensitive_variables()
        def endpoint(request):
            request.sensitive_post_parameters = "__ALL__"
            try:
                if request.method not in methods:
                    raise ProblemError(405, _("Method %(method)s is not allowed here.") % {"method": request.method})
                return view(request)
            except ProblemError as problem:
                response = problem.response()
                if problem.status == HTTPStatus.METHOD_NOT_ALLOWED:
                    response["Allow"] = ", ".join(methods)
                return response

        endpoint.__name__ = view.__name__
        endpoint.__doc__ = view.__doc__
        return endpoint

    return decorate


@sensitive_variables()
def read_body(request, allowed_keys):
    """The JSON object sent, with only known keys and the reference and secret as text; else a ProblemError."""
    if request.content_type != "application/json":
        raise ProblemError(415, _("Send the request as JSON, with Content-Type: application/json."))
    try:
        body = json.loads(request.body.decode("utf-8"))
    except RequestDataTooBig:
        raise ProblemError(413, _("This request is too long.")) from None
    except (UnicodeDecodeError, ValueError):
        raise ProblemError(400, _("The request is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise ProblemError(400, _("The request must be a JSON object with the reference and the secret."))
    unknown = set(body) - allowed_keys
    if unknown:
        raise ProblemError(400, _("Unknown keys in the request: %(keys)s.") % {"keys": ", ".join(sorted(unknown))})
    for key in ACCESS_KEYS:
        if not isinstance(body.get(key), str):
            raise ProblemError(400, _("“%(key)s” must be text.") % {"key": key})
    if not all(is_text(text) for text in texts_in(body)):
        raise ProblemError(400, _("The request contains characters that are not valid text."))
    return body


@sensitive_variables()
def open_for(request, body):
    try:
        return self_service.open_submission(request, body["reference"], body["secret"])
    except AccessRefusedError as refusal:
        extra = {"retry_after": refusal.wait_seconds} if refusal.status == HTTPStatus.TOO_MANY_REQUESTS else {}
        raise ProblemError(refusal.status, refusal.message, **extra) from None
    except RateLimitUnavailableError:
        raise ProblemError(503, _("This cannot be done right now: please try again in a few minutes.")) from None


def sign_up_data(submission):
    """Everything kept about the sign-up, with what a correction needs: the form's id, revision and a token."""
    return {
        **submission.as_export(),
        "form_id": submission.page_id,
        "revision": submission.revision,
        TOKEN_KEY: form_started_token(submission.page),
    }


@sign_up_endpoint("POST")
def sign_up_access(request):
    """POST {reference, secret}: the member's answers and everything kept with them."""
    body = read_body(request, ACCESS_KEYS)
    submission = open_for(request, body)
    return json_answer(sign_up_data(submission))


@sign_up_endpoint("PUT")
def sign_up_answers(request):
    """PUT {reference, secret, revision, answers, form_token}: the corrected answers, checked by the same form."""
    body = read_body(request, CORRECTION_KEYS)
    if not isinstance(body.get("answers"), dict):
        raise ProblemError(400, _("The corrected answers must be a JSON object under “answers”."))
    revision = body.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool):
        raise ProblemError(400, _("“revision” must be the whole number received with the answers."))
    for key in (TOKEN_KEY, HONEYPOT_KEY):
        if not isinstance(body.get(key, ""), str):
            raise ProblemError(400, _("“%(key)s” must be text.") % {"key": key})
    submission = open_for(request, body)
    page = submission.page.specific
    with translation.override(page.locale.language_code):
        return correct_answers(request, submission, page, body)


@sensitive_variables()
def correct_answers(request, submission, page, body):
    questions = {field.clean_name: field.field_type for field in page.get_form_fields()}
    errors = {
        key: [message] for key, value in body["answers"].items() if (message := answer_error(questions, key, value))
    }
    if errors:
        raise ProblemError(400, _("The answers were not corrected: please check them."), errors=errors)
    data = form_data(body["answers"], body.get(TOKEN_KEY, ""), body.get(HONEYPOT_KEY, ""))
    form = page.get_form(data, page=page, user=request.user, request=request)
    if not form.is_valid():
        errors = {
            key: [error["message"] for error in field_errors]
            for key, field_errors in form.errors.get_json_data().items()
        }
        if form.blocked == "rate_limit":
            raise ProblemError(429, errors["__all__"][0])
        extra = {TOKEN_KEY: form.data[STARTED_FIELD]} if form.data[STARTED_FIELD] != body.get(TOKEN_KEY, "") else {}
        raise ProblemError(400, _("The answers were not corrected: please check them."), errors=errors, **extra)
    if not self_service.correct(submission, form, body["revision"]):
        raise ProblemError(
            409,
            _("The answers were changed by another request since this revision: get them again, then correct them."),
        )
    return json_answer(sign_up_data(submission))


@sign_up_endpoint("POST")
def sign_up_withdrawal(request):
    """POST {reference, secret}: the sign-up is erased; the reference and secret then open nothing."""
    body = read_body(request, ACCESS_KEYS)
    submission = open_for(request, body)
    with translation.override(submission.language):
        if not self_service.withdraw(submission):
            raise ProblemError(404, self_service.no_match_message())
        return json_answer({"withdrawn": True, "message": _("Your sign-up has been withdrawn and erased.")})


def openapi_fragment():
    """The form and sign-up operations with their schemas, for the OpenAPI document."""
    forms, sign_ups = forms_openapi(), sign_ups_openapi()
    return {"paths": {**forms["paths"], **sign_ups["paths"]}, "schemas": {**forms["schemas"], **sign_ups["schemas"]}}


def forms_openapi():
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
            "FormReceived": obj(
                {
                    "reference": STRING,
                    "secret": {**STRING, "description": "Shown once: with the reference, it opens the sign-up."},
                    "thank_you_text": {**STRING, "description": "HTML"},
                }
            ),
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


def sign_ups_openapi():
    """The sign-up operations and their schemas."""
    string = {"type": "string"}
    problem = {"$ref": "#/components/schemas/Problem"}

    def answer(description, schema, content_type="application/json"):
        return {"description": description, "content": {content_type: {"schema": schema}}}

    def problem_answer(description):
        return answer(description, problem, PROBLEM_CONTENT_TYPE)

    def body(schema_name):
        return {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
        }

    refusals = {
        "400": problem_answer("The request is malformed."),
        "403": problem_answer("No sign-up matches this reference and secret (the same answer whatever was wrong)."),
        "405": problem_answer("Another method is needed."),
        "413": problem_answer("The request is too long."),
        "415": problem_answer("The request is not sent as application/json."),
        "429": problem_answer("Too many failed tries from this connection or for this reference; wait and retry."),
    }
    sign_up = answer("The sign-up: the answers and everything kept with them.", {"$ref": "#/components/schemas/SignUp"})
    access_properties = {
        "reference": {**string, "maxLength": 100, "description": "e.g. UTS-7K2M-9QXD; any case, spaces or dashes"},
        "secret": {**string, "maxLength": 100, "description": "The secret shown once; any case, spaces or dashes"},
    }
    return {
        "paths": {
            "/sign-ups/access/": {
                "post": {
                    "summary": "Open one's own sign-up with its reference and secret",
                    "description": (
                        "The answers, decrypted for this answer only, never cached. Failed tries are limited per "
                        "address and per reference."
                    ),
                    "operationId": "openSignUp",
                    "requestBody": body("SignUpAccess"),
                    "responses": {"200": sign_up, **refusals},
                }
            },
            "/sign-ups/answers/": {
                "put": {
                    "summary": "Correct one's own answers",
                    "description": (
                        "The whole set of answers, checked by the same form as on the site (including the form "
                        "token, sent after send_after_seconds). The submission date is kept."
                    ),
                    "operationId": "correctSignUp",
                    "requestBody": body("SignUpCorrection"),
                    "responses": {
                        "200": sign_up,
                        **refusals,
                        "400": problem_answer("Not corrected: the reasons, per question key under errors."),
                        "409": problem_answer("The answers changed since this revision: get them again."),
                    },
                }
            },
            "/sign-ups/withdrawal/": {
                "post": {
                    "summary": "Withdraw one's own sign-up: it is erased",
                    "operationId": "withdrawSignUp",
                    "requestBody": body("SignUpAccess"),
                    "responses": {
                        "200": answer(
                            "Withdrawn and erased.",
                            {
                                "type": "object",
                                "properties": {"withdrawn": {"const": True}, "message": string},
                                "required": ["withdrawn", "message"],
                                "additionalProperties": False,
                            },
                        ),
                        **refusals,
                        "404": problem_answer("The sign-up was erased meanwhile."),
                    },
                }
            },
        },
        "schemas": {
            "Problem": {
                "type": "object",
                "description": "An RFC 9457 problem document.",
                "properties": {
                    "type": string,
                    "title": string,
                    "status": {"type": "integer"},
                    "detail": string,
                    "errors": {"type": "object", "additionalProperties": {"type": "array", "items": string}},
                    "form_token": string,
                    "retry_after": {"type": "integer"},
                },
                "required": ["type", "title", "status", "detail"],
            },
            "SignUpAccess": {
                "type": "object",
                "properties": access_properties,
                "required": ["reference", "secret"],
                "additionalProperties": False,
            },
            "SignUpCorrection": {
                "type": "object",
                "properties": {
                    **access_properties,
                    "revision": {"type": "integer", "description": "The revision received with the answers."},
                    "answers": {"type": "object", "description": "By question key, as for a form reply."},
                    "form_token": string,
                    "website_address": {**string, "description": "Leave empty (a trap for scripts)."},
                },
                "required": ["reference", "secret", "revision", "answers", "form_token"],
                "additionalProperties": False,
            },
            "SignUp": {
                "type": "object",
                "properties": {
                    "reference": string,
                    "form": string,
                    "form_id": {"type": "integer"},
                    "language": string,
                    "submitted_at": {**string, "format": "date-time"},
                    "consent_text": string,
                    "consented_at": {"type": ["string", "null"], "format": "date-time"},
                    "answers": {"type": "object"},
                    "revision": {"type": "integer"},
                    "form_token": string,
                },
                "required": [
                    "reference",
                    "form",
                    "form_id",
                    "language",
                    "submitted_at",
                    "consent_text",
                    "consented_at",
                    "answers",
                    "revision",
                    "form_token",
                ],
                "additionalProperties": False,
            },
        },
    }
