"""An admin report of translations whose source page changed after they were last synchronised.

wagtail-localize records when each source was last synchronised; a source page edited since then
has text its translations lack, so translators need to sync and translate the new strings.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation


@dataclass
class StaleTranslation:
    translated_page: Page
    source_page: Page
    language: str
    source_changed_at: datetime
    synchronised_at: datetime

    def __str__(self):
        return self.translated_page.get_admin_display_title()


def stale_translations(language_code=None):
    """Translations of live-or-draft pages whose source has a revision newer than the last sync."""
    translations = Translation.objects.filter(enabled=True, source__specific_content_type__isnull=False).select_related(
        "source", "source__locale", "target_locale"
    )
    if language_code:
        translations = translations.filter(target_locale__language_code=language_code)
    keys = {translation.source.object_id for translation in translations}
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).select_related("locale", "latest_revision")
    }
    stale = []
    for translation in translations:
        source = translation.source
        source_page = pages.get((source.object_id, source.locale_id))
        translated_page = pages.get((source.object_id, translation.target_locale_id))
        if source_page is None or translated_page is None or source_page.latest_revision is None:
            continue
        changed_at = source_page.latest_revision.created_at
        if changed_at > source.last_updated_at:
            stale.append(
                StaleTranslation(
                    translated_page=translated_page,
                    source_page=source_page,
                    language=translation.target_locale.get_display_name(),
                    source_changed_at=changed_at,
                    synchronised_at=source.last_updated_at,
                )
            )
    return sorted(stale, key=lambda item: (item.language, item.source_page.path))


class StaleTranslationsReportView(ReportView):
    page_title = _("Translations to update")
    header_icon = "globe"
    index_url_name = "stale_translations"
    index_results_url_name = "stale_translations_results"
    paginate_by = 50
    columns = [
        TitleColumn(
            "title",
            label=_("Translated page"),
            accessor="__str__",
            get_url=lambda item: reverse("wagtailadmin_pages:edit", args=[item.translated_page.id]),
        ),
        Column("language", label=_("Language")),
        DateColumn("source_changed_at", label=_("Source changed")),
        DateColumn("synchronised_at", label=_("Last synchronised")),
    ]

    def get_queryset(self):
        language = self.request.GET.get("language", "")
        known = Locale.objects.filter(language_code=language).exists()
        return stale_translations(language if known else None)
