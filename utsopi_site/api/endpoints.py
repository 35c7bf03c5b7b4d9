"""The read-only content API: Wagtail's API v2, made safe, multilingual and cacheable."""

import re

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_info
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale
from wagtail.rich_text import expand_db_html

from home import navigation
from home.models import OrganisationSettings
from home.site_urls import absolute_links, absolute_url
from membership.donations import site_donations
from membership.models import DonationSettings
from search.api import LanguageSearchFilter
from utsopi_site.api.fields import TranslationsField

CACHE_SECONDS = 60
MAX_OFFSET = 1_000_000
# As on the site's search page; a much longer query made the search backend recurse too deep (a 500).
MAX_SEARCH_LENGTH = 200
# Invisible characters no one types; SQLite's full-text search fails on some of them (a 500).
SEARCH_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
CONTROL_CHARACTERS = re.compile("[\u0000-\u001f\u007f-\u009f]")


def with_absolute_links(data, request):
    if isinstance(data, str):
        return absolute_links(request, data)
    if isinstance(data, dict):
        return {key: with_absolute_links(value, request) for key, value in data.items()}
    if isinstance(data, list):
        return [with_absolute_links(value, request) for value in data]
    return data


class ContentJSONRenderer(JSONRenderer):
    """JSON only (no browsable HTML API), with every link in rich text made absolute."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        request = (renderer_context or {}).get("request")
        return super().render(with_absolute_links(data, request), accepted_media_type, renderer_context)


def unknown_locale_reason(code):
    known = ", ".join(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
    return f"unknown locale '{code}'; the site has: {known}"


def parameter_with_nul(query):
    """The name of a query parameter holding a NUL character, which no database accepts in a query, or None."""
    for name, values in query.lists():
        if any("\x00" in value for value in [name, *values]):
            return name.replace("\x00", "")
    return None


def nul_reason(name):
    return f"{name} cannot contain a NUL character"


class KnownLocaleFilter(LocaleFilter):
    """An unknown ?locale= is a mistake of the caller: 400 with the languages that exist, not a 404."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError(unknown_locale_reason(code))
        return super().filter_queryset(request, queryset, view)


SEARCH_OPERATORS = ("and", "or")


class SearchParameterChecks:
    """The search parameters checked before searching: a wrong one is a 400 saying why, not a 500."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        search = request.GET.get("search", "")
        if len(search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search cannot be longer than {MAX_SEARCH_LENGTH} characters")
        if CONTROL_CHARACTERS.search(search):
            raise BadRequestError("search cannot contain control characters")
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchParameterChecks, SearchFilter):
    """Wagtail's search, for images and documents."""


class CheckedLanguageSearchFilter(SearchParameterChecks, LanguageSearchFilter):
    """The site's search in the page's language (search/query.py), for pages."""


def checked_filters(filter_backends, search_filter=CheckedSearchFilter):
    """An endpoint's filters, with ours in place of Wagtail's locale and search filters."""
    replacements = {LocaleFilter: KnownLocaleFilter, SearchFilter: search_filter}
    return [replacements.get(backend, backend) for backend in filter_backends]


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an offset the database can hold: a huge one is a 400, not a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class CachedReadOnlyMixin:
    """GET answers may be kept by browsers and the CDN for a minute (never a search: its address holds the
    visitor's query); ETags come from ConditionalGetMiddleware."""

    renderer_classes = [ContentJSONRenderer]
    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        name = parameter_with_nul(request.GET)
        if name is not None:
            raise BadRequestError(nul_reason(name))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if "search" in request.GET:
            add_never_cache_headers(response)
        elif request.method == "GET" and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


class LocalizedPageSerializer(PageSerializer):
    """Serializes each page with its own language active, so chosen pages and links resolve to that language."""

    translations = TranslationsField()

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class PagesEndpoint(CachedReadOnlyMixin, PagesAPIViewSet):
    base_serializer_class = LocalizedPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    # Per-page lookups: in a page's detail only, so a listing costs the same number of queries at any size.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "translations", "form"]
    filter_backends = checked_filters(PagesAPIViewSet.filter_backends, search_filter=CheckedLanguageSearchFilter)

    def get_queryset(self):
        return super().get_queryset().select_related("locale")


class ImagesEndpoint(CachedReadOnlyMixin, ImagesAPIViewSet):
    filter_backends = checked_filters(ImagesAPIViewSet.filter_backends)


class DocumentsEndpoint(CachedReadOnlyMixin, DocumentsAPIViewSet):
    """Documents in a collection with view restrictions (or below one) never appear."""

    filter_backends = checked_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        restricted = Collection.objects.none()
        for restriction in CollectionViewRestriction.objects.select_related("collection"):
            restricted |= restriction.collection.get_descendants(inclusive=True)
        return super().get_queryset().exclude(collection__in=restricted)


@csrf_exempt  # answers every method with JSON, never with the HTML CSRF page
def unknown_api_path(request, path):
    """Paths the API does not have answer in JSON, like the rest of the API, never with an HTML page."""
    endpoint, _, rest = path.partition("/")
    if endpoint in {"pages", "images", "documents", "forms"} and rest.strip("/") and "/" not in rest.strip("/"):
        return JsonResponse({"message": "the id must be a whole number, e.g. /api/v2/pages/3/"}, status=400)
    return JsonResponse({"message": f"no such API endpoint: /api/v2/{path}"}, status=404)


@csrf_exempt  # read-only; so that any method but GET gets a plain 405
@require_GET
def site_content(request):
    """Menus, footer text and public organisation facts for one language (?locale=, default: the site's)."""
    name = parameter_with_nul(request.GET)
    if name is not None:
        return JsonResponse({"message": nul_reason(name)}, status=400)
    code = request.GET.get("locale", settings.LANGUAGE_CODE)
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return JsonResponse({"message": unknown_locale_reason(code)}, status=400)
    unknown = set(request.GET) - {"locale"}
    if unknown:
        return JsonResponse({"message": f"unknown query parameter: {', '.join(sorted(unknown))}"}, status=400)
    organisation = OrganisationSettings.for_request(request)
    footer = navigation.footer_text(code)
    data = {
        "locale": code,
        "languages": [
            {"code": language, "name": get_language_info(language)["name_local"]}
            for language in navigation.live_language_codes()
        ],
        "organisation": {field: getattr(organisation, field) for field in PUBLIC_ORGANISATION_FIELDS},
        "donations": site_donations(DonationSettings.for_request(request)),
        "quick_exit_url": organisation.quick_exit_url,
        "main_menu": [
            menu_item(entry, request) for entry in navigation.menu_entries(organisation, "main_menu", code, request)
        ],
        "footer_menu": [
            menu_item(entry, request) for entry in navigation.menu_entries(organisation, "footer_menu", code, request)
        ],
        "footer_text": expand_db_html(footer.body) if footer else "",
    }
    response = JsonResponse(with_absolute_links(data, request))
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


PUBLIC_ORGANISATION_FIELDS = ["organisation_name", "contact_email", "contact_phone", "postal_address"]


def menu_item(entry, request):
    return {
        "title": entry["title"],
        "url": absolute_url(request, entry["url"]),
        "page_id": entry["page_id"],
        "api_url": absolute_url(request, reverse("wagtailapi:pages:detail", args=[entry["page_id"]])),
    }
