from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from home.navigation import request_language, requested_language

UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/media/", "/static/")


class LiveLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing among the languages the site has live rather than all it knows.

    Without this, a visitor whose browser prefers German is sent to /de/, where Wagtail would serve
    Dutch text under a German address.
    """

    def process_response(self, request, response):
        # Only public pages live under a language prefix: a 404 from the API or the admin stays a 404.
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)

    def process_request(self, request):
        if requested_language(request):
            return super().process_request(request)
        translation.activate(request_language(request))
        request.LANGUAGE_CODE = translation.get_language()
        return None
