"""A part the site depends on is briefly down: answer 503 (JSON for the API, a page elsewhere), never 500.

PostgreSQL restarting, or the S3 storage unreachable, surfaces as an exception anywhere in a request,
in a view or in a middleware. Django then calls the 500 handler; this one recognises those outages
and says "try again shortly" with 503 and Retry-After, which load balancers and API clients
understand. Every other error keeps the usual 500 page. Nothing here touches the database or a page.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
OUTAGES = [OperationalError, InterfaceError]
try:
    from botocore.exceptions import BotoCoreError, ClientError

    OUTAGES += [BotoCoreError, ClientError]
except ImportError:  # pragma: no cover (boto3 is in requirements.txt; only needed with S3 storage)
    pass
OUTAGES = tuple(OUTAGES)


def is_outage(exception):
    return isinstance(exception, OUTAGES)


def service_unavailable(request):
    """The 503 answer: JSON under /api/, else a page in the language of the address."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        if request.path_info.startswith("/api/"):
            response = JsonResponse(
                {"message": _("The service is briefly unavailable. Nothing was saved. Please try again in a minute.")},
                status=503,
            )
        else:
            template = loader.get_template("operations/service_unavailable.html")
            response = HttpResponse(template.render({"form_sent": request.method == "POST"}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """Django's handler500: an outage of the database or storage becomes a 503, anything else the 500 page."""
    exception = sys.exc_info()[1]
    if is_outage(exception):
        logger.warning("Answered 503: a backing service is unavailable (%s).", type(exception).__name__)
        return service_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())
