"""Replies to the protected forms, sent as JSON by a front end: the API's one write endpoint.

A reply goes through the very form the HTML page uses (membership.forms.ProtectedForm): the same
validation, honeypot, fill-time token, rate limit and encrypted storage. Messages are in the form's
language, and nothing of a reply ever comes back but its reference and the member's secret (shown once).
"""

import json
import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from membership.api import HONEYPOT_KEY, TOKEN_KEY, answer_type_error, form_data, is_text, texts_in
from membership.models import ProtectedFormPage
from membership.spam import STARTED_FIELD, RateLimitUnavailableError, form_started_token
from utsopi_site.api.representations import absolute_links

logger = logging.getLogger(__name__)

REPLY_KEYS = {"answers", TOKEN_KEY, HONEYPOT_KEY}


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
        key: [message]
        for key, value in reply["answers"].items()
        if (message := answer_type_error(questions, key, value))
    }
    if errors:
        return reply_refused(_("The reply was not sent: please correct the answers."), errors=errors)

    form = page.get_form(form_data(reply), page=page, user=request.user, request=request)
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
