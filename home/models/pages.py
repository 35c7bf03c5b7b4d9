"""The union's general page types: home, mission and vision, content pages and the FAQ."""

from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from home.blocks import TEXT_FEATURES, BodyBlock, CallToActionBlock, HighlightBlock, QuestionSectionBlock, SectionsBlock


class BasePage(Page):
    """Fields and behaviour every public page shares: an introduction and a description fallback."""

    intro = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("A short opening paragraph, shown under the title."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """The editor's search description, or else the opening of the introduction or of the body.

        Search engines and share previews show it under the title, so no page goes without one.
        """
        return shorten_description(self.search_description or strip_tags(self.intro or "") or body_opening(self))


def shorten_description(text):
    """One line of at most 160 characters, the length search engines show."""
    return Truncator(" ".join(text.split())).chars(160)


def body_opening(page):
    """The text of the first paragraph or section of the page's body, if it has one."""
    for block in getattr(page, "body", None) or []:
        if block.block_type == "paragraph":
            return strip_tags(block.value.source)
        if block.block_type == "section":
            return strip_tags(block.value["body"].source)
    return ""


class TableOfContentsMixin:
    """For pages whose body is made of titled sections: lists them as (anchor, heading)."""

    sections_field = "body"

    @property
    def table_of_contents(self):
        entries = []
        for block in getattr(self, self.sections_field):
            if block.block_type == "section":
                entries.append((block.block.get_anchor(block.value), block.value["heading"]))
        return entries


class HomePage(BasePage):
    purpose = models.CharField(
        max_length=200,
        help_text=_("The union's purpose in one sentence, shown in large letters at the top."),
    )
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=4,
        help_text=_("The main buttons: join, donate, events."),
    )
    highlights = StreamField(
        [("highlight", HighlightBlock())],
        blank=True,
        max_num=6,
        help_text=_("Cards that lead to the most important pages."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldPanel("intro"),
        FieldPanel("calls_to_action"),
        FieldPanel("highlights"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("purpose")]
    api_fields = [APIField("purpose"), *BasePage.api_fields, APIField("calls_to_action"), APIField("highlights")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.MissionPage",
        "home.ContentPage",
        "home.FaqPage",
        "history.HistoryPage",
        "membership.MembershipFormPage",
        "membership.FormPage",
        "membership.DonatePage",
        "events.EventIndexPage",
        "statements.StatementIndexPage",
        "search.SearchPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A page with no live version in this language is served by a live translation, which
        the before_serve_page hook then redirects to, with a notice (see home/wagtail_hooks.py)."""
        try:
            return super().route(request, path_components)
        except Http404:
            suffix = "".join(f"{component}/" for component in path_components)
            language_roots = self.get_translations(inclusive=True).only("url_path")
            for match in Page.objects.filter(url_path__in=[root.url_path + suffix for root in language_roots]):
                live_translation = match.get_translations(inclusive=True).live().exclude(locale_id=self.locale_id)
                if live_translation := live_translation.first():
                    return RouteResult(live_translation.specific)
            raise


class MissionPage(TableOfContentsMixin, BasePage):
    body = StreamField(
        SectionsBlock(),
        help_text=_("The mission and vision, one titled section per point; each appears in the table of contents."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mission and vision page")


class ContentPage(TableOfContentsMixin, BasePage):
    """What we do, trainings, safety information: any page made of text, images and sections."""

    body = StreamField(BodyBlock(), blank=True, help_text=_("The page's content, made of blocks."))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class FaqPage(BasePage):
    sections = StreamField(
        [("question_section", QuestionSectionBlock())],
        help_text=_("Questions and answers, grouped by theme (donations, volunteering, membership...)."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("sections")]
    search_fields = [*BasePage.search_fields, index.SearchField("sections")]
    api_fields = [*BasePage.api_fields, APIField("sections")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")

    def questions(self):
        for section in self.sections:
            yield from section.value["questions"]

    def get_structured_data(self):
        """schema.org FAQPage, so search engines can show the answers."""
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": question["question"],
                    "acceptedAnswer": {"@type": "Answer", "text": strip_tags(question["answer"].source).strip()},
                }
                for question in self.questions()
            ],
        }
