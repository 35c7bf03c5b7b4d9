"""The union's history as a timeline whose dates are written as precisely as they are known."""

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from history.api import TimelineEntryField
from home.blocks import TEXT_FEATURES
from home.models.pages import BasePage


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day (15 December 2015)")
    MONTH = "month", _("Month (December 2015)")
    SEASON = "season", _("Season (summer 2015)")
    LATE_YEAR = "late_year", _("End of the year (end of 2015)")
    YEAR = "year", _("Year (2015)")


def season_of(month):
    """Meteorological seasons, as people in Belgium speak of them."""
    if month in (12, 1, 2):
        return pgettext("season and year", "winter %(year)s")
    if month in (3, 4, 5):
        return pgettext("season and year", "spring %(year)s")
    if month in (6, 7, 8):
        return pgettext("season and year", "summer %(year)s")
    return pgettext("season and year", "autumn %(year)s")


class HistoryPage(BasePage):
    content_panels = [*BasePage.content_panels, InlinePanel("timeline_entries", label=_("Timeline entries"))]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields("timeline_entries", [index.SearchField("title"), index.SearchField("text")]),
    ]

    api_fields = [*BasePage.api_fields, APIField("timeline", serializer=TimelineEntryField())]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("history page")

    def chronological_entries(self):
        return self.timeline_entries.select_related("image").order_by("date", "sort_order")


class TimelineEntry(TranslatableMixin, Orderable):
    page = ParentalKey(HistoryPage, on_delete=models.CASCADE, related_name="timeline_entries")
    date = models.DateField(
        help_text=_("For a season, a month or a year, pick its first day: the precision below decides what is shown.")
    )
    precision = models.CharField(
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How precisely the date is known; the page writes it no more precisely than that."),
    )
    title = models.CharField(max_length=160, help_text=_("What happened, in a few words."))
    text = RichTextField(features=TEXT_FEATURES, help_text=_("The story of this moment."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional photo; describe it in the image's description field (its alt text)."),
    )
    image_caption = models.CharField(max_length=250, blank=True, help_text=_("Shown under the photo."))
    image_credit = models.CharField(max_length=120, blank=True, help_text=_("Who took the photo or which archive."))

    panels = [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("precision")], heading=_("When")),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption"), FieldPanel("image_credit")], _("Photo")),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self):
        return self.title

    @property
    def date_display(self):
        """The date in the active language, no more precise than it is known."""
        year = self.date.year
        if self.precision == DatePrecision.YEAR:
            return str(year)
        if self.precision == DatePrecision.LATE_YEAR:
            return pgettext("late in the year", "end of %(year)s") % {"year": year}
        if self.precision == DatePrecision.SEASON:
            return season_of(self.date.month) % {"year": year}
        if self.precision == DatePrecision.MONTH:
            return formats.date_format(self.date, "F Y")
        return formats.date_format(self.date, "j F Y")

    @property
    def date_iso(self):
        """The machine-readable form for <time datetime>, just as precise."""
        if self.precision == DatePrecision.DAY:
            return self.date.isoformat()
        if self.precision == DatePrecision.MONTH:
            return self.date.strftime("%Y-%m")
        return str(self.date.year)
