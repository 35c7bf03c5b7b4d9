from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import MultilingualSitemap
from membership.api import form_replies, sign_up_access, sign_up_answers, sign_up_withdrawal
from utsopi_site.api.endpoints import site_content, unknown_api_path
from utsopi_site.api.openapi import openapi_document
from utsopi_site.api.router import api_router

# A database or storage outage anywhere in a request answers 503 (JSON for the API), anything else 500.
handler500 = "operations.unavailable.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/v2/site/", site_content, name="api_site_content"),
    path("api/v2/openapi.json", openapi_document, name="api_openapi"),
    path("api/v2/forms/<int:page_id>/", form_replies, name="api_form_replies"),
    path("api/v2/sign-ups/access/", sign_up_access, name="api_sign_up_access"),
    path("api/v2/sign-ups/answers/", sign_up_answers, name="api_sign_up_answers"),
    path("api/v2/sign-ups/withdrawal/", sign_up_withdrawal, name="api_sign_up_withdrawal"),
    re_path(r"^api/v2/(?P<path>.*)$", unknown_api_path),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
]

if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    # The embedded default keeps media on local disk: serve image renditions from here. Only images:
    # documents go through Wagtail's document view, which checks collection permissions.
    urlpatterns += [
        re_path(r"^media/(?P<path>images/.+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Every public page lives under its language prefix: /nl/, /fr/, /en/ and any language added later.
urlpatterns += i18n_patterns(
    path("", include("membership.urls")), path("", include(wagtail_urls)), prefix_default_language=True
)
