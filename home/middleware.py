from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from home.languages import live_language_codes, preferred_language, requested_language


class LiveLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing among the languages the site has live rather than all it knows.

    Without this, a visitor whose browser prefers German is sent to /de/, where Wagtail would serve
    Dutch text under a German address.
    """

    def process_request(self, request):
        if requested_language(request):
            return super().process_request(request)
        language = preferred_language(request, live_language_codes())
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None
