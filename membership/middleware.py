"""A form sent while the database or the rate limit's cache is down: the visitor is told it was not sent (503)."""

import logging

from django.db import Error as DatabaseError
from django.shortcuts import render

from membership.spam import RateLimitUnavailableError

logger = logging.getLogger(__name__)


class SubmissionNotSentMiddleware:
    """Turns a database or rate-limit cache failure during a public POST into a "not sent, please try again" page.

    The submission is saved in one transaction, so nothing half-saved remains; the page is rendered
    without touching the database, and the log says what failed, never what was typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            request.method != "POST"
            or not isinstance(exception, DatabaseError | RateLimitUnavailableError)
            or request.path.startswith(("/admin/", "/api/"))  # the API answers in JSON (operations.unavailable)
        ):
            return None
        logger.error("A form was sent while %s failed; nothing was saved.", type(exception).__name__)
        return render(request, "membership/submission_not_sent.html", status=503)
