"""A sitemap of every live page in every language, each with its translations as alternates."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists only the default language's tree; search engines need every language."""

    def items(self):
        site_root = self.get_wagtail_site().root_page
        language_roots = site_root.get_translations(inclusive=True).live()
        under_a_language_root = Q()
        for language_root in language_roots:
            under_a_language_root |= Q(path__startswith=language_root.path)
        pages = Page.objects.live().public().filter(under_a_language_root).order_by("path")
        self.translations = defaultdict(list)
        for page in pages.select_related("locale").only("url_path", "translation_key", "locale__language_code"):
            self.translations[page.translation_key].append(
                {"location": page.get_full_url(self.request), "lang_code": page.locale.language_code}
            )
        return pages.defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        locations = {}
        for alternates in self.translations.values():
            for alternate in alternates:
                locations[alternate["location"]] = alternates
        for url in urls:
            alternates = locations.get(url["location"], [])
            default = next((a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
            url["alternates"] = [
                *alternates,
                *([{"location": default["location"], "lang_code": "x-default"}] if default else []),
            ]
        return urls
