"""Statements, press releases and news: the union's dated public voice, listed per language with RSS and Atom feeds."""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models.pages import BasePage, shorten_description
from home.models.site_settings import OrganisationSettings
from home.seo import language_home_url, share_image_data
from statements.api import ImageField, PressContactField, RelatedPagesField, TopicsField
from statements.feeds import AtomStatementFeed, RssStatementFeed

BRUSSELS = ZoneInfo("Europe/Brussels")
# The last parts of the addresses of a statements list's feeds; no article may take them as its slug.
FEED_SLUGS = ("rss", "atom")


class StatementKind(models.TextChoices):
    STATEMENT = "statement", _("Statement")
    PRESS_RELEASE = "press_release", _("Press release")
    NEWS = "news", _("News")


class Topic(TranslatableMixin, models.Model):
    """A subject statements are about, e.g. decriminalisation. A snippet rather than free tags: each language
    has its own name for the same topic (wagtail-localize translates it), and the filter of each language's
    list offers its own names while an article in any language points to the one topic."""

    name = models.CharField(max_length=80, help_text=_("The topic's name in this language, e.g. Decriminalisation."))

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StatementIndexPage(RoutablePageMixin, BasePage):
    """The statements, press releases and news of one language, newest first; their feeds at rss/ and atom/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["statements.StatementPage"]
    max_count_per_parent = 1

    per_page = 10
    feed_length = 20

    class Meta:
        verbose_name = _("statements list page")

    def statements(self):
        """Live public articles of this list, in its language only, newest first; never a draft or a
        press release whose scheduled time has not come."""
        return (
            StatementPage.objects.child_of(self)
            .live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-id")
        )

    def topics(self):
        """The topics of this language, for the filter."""
        return Topic.objects.filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        statements = self.statements().defer_streamfields()
        asked_kind = request.GET.get("kind", "")
        kind = asked_kind if asked_kind in StatementKind.values else ""
        topics = list(self.topics())
        asked_topic = request.GET.get("topic", "")
        topic = next((topic for topic in topics if str(topic.pk) == asked_topic), None)
        if kind:
            statements = statements.filter(kind=kind)
        if topic is not None:
            # Articles in every language point to the topic of their source: the same topic is its translation_key.
            tagged = StatementTopic.objects.filter(topic__translation_key=topic.translation_key).values("page_id")
            statements = statements.filter(id__in=tagged)
        query = {key: value for key, value in (("kind", kind), ("topic", topic.pk if topic else "")) if value}
        context.update(
            kinds=StatementKind.choices,
            kind=kind,
            topics=topics,
            topic=topic,
            unknown_filter=(bool(asked_kind) and not kind) or (bool(asked_topic) and topic is None),
            filter_query=f"{urlencode(query)}&" if query else "",
            statements=self.paginate(statements, request.GET.get("page")),
            **self.feed_links(request),
        )
        return context

    def paginate(self, statements, number):
        return Paginator(statements, self.per_page).get_page(number)

    def feed_links(self, request):
        base = self.get_url(request)
        return {
            "rss_feed_url": base + self.reverse_subpage("rss"),
            "atom_feed_url": base + self.reverse_subpage("atom"),
        }

    def feed_items(self):
        return self.statements().defer_streamfields()[: self.feed_length]

    @path("rss/", name="rss")
    def rss(self, request):
        """RSS 2.0 of this language's latest articles."""
        return RssStatementFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        """Atom 1.0 of this language's latest articles."""
        return AtomStatementFeed(self)(request)


class StatementPage(BasePage):
    """One statement, press release or piece of news, dated; its press release embargo is Wagtail's scheduled
    publishing (the go-live date under Publishing schedule)."""

    date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_(
            "The date shown on the article and used to order the list. For an embargoed press release, also set "
            "the go-live time (Publishing schedule in the status menu): the article stays invisible until then."
        ),
    )
    kind = models.CharField(
        max_length=20,
        choices=StatementKind.choices,
        default=StatementKind.STATEMENT,
        help_text=_("Shown above the title; visitors can filter the list by it."),
    )
    summary = models.TextField(
        max_length=400,
        help_text=_("Two or three sentences: shown in the list, the feeds, search results and when shared."),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("The full text, made of blocks."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional; shown at the top and when the article is shared. Never a photo of someone who could be "
            "recognised without their consent. Describe it in the image's description field."
        ),
    )
    image_credit = models.CharField(
        max_length=200, blank=True, help_text=_("Who made the image, e.g. Photo: UTSOPI archive.")
    )
    show_press_contact = models.BooleanField(
        default=False,
        help_text=_("Show the press contact of the organisation settings at the end, e.g. on a press release."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_credit")], _("Image")),
        InlinePanel("topic_links", label=_("Topic")),
        InlinePanel("related_links", label=_("Related page")),
        FieldPanel("show_press_contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("date"),
        APIField("kind"),
        APIField("summary"),
        APIField("body"),
        APIField("image", serializer=ImageField()),
        APIField("image_credit"),
        APIField("topics", serializer=TopicsField()),
        APIField("related_pages", serializer=RelatedPagesField()),
        APIField("press_contact", serializer=PressContactField()),
    ]
    # Translators write the text; the date, kind, image, topics and related pages are the source's in every
    # language (topics and related pages are shown in the visitor's language, see topics_here()).
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("kind"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("image"),
        TranslatableField("image_credit"),
        SynchronizedField("topic_links"),
        SynchronizedField("related_links"),
        SynchronizedField("show_press_contact"),
    ]

    parent_page_types = ["statements.StatementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("statement page")

    def clean(self):
        super().clean()
        if self.slug in FEED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the feeds of the list: choose another.")})

    @property
    def meta_description(self):
        return shorten_description(self.search_description or self.summary)

    def topics_here(self):
        """The article's topics in its own language (the translation when there is one)."""
        topics = [link.topic for link in self.topic_links.select_related("topic")]
        translated = {
            topic.translation_key: topic
            for topic in Topic.objects.filter(
                translation_key__in=[topic.translation_key for topic in topics], locale_id=self.locale_id
            )
        }
        return [translated.get(topic.translation_key, topic) for topic in topics]

    def related_pages_here(self):
        """Related pages that are live, in the article's language when translated."""
        pages = []
        for link in self.related_links.select_related("related_page"):
            page = link.related_page.get_translation_or_none(self.locale) or link.related_page
            if page.live:
                pages.append(page.specific)
        return pages

    def published_at(self):
        """The publication date as a moment, for feeds: Belgian midnight of that day."""
        return datetime.datetime.combine(self.date, datetime.time(), tzinfo=BRUSSELS)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisation = OrganisationSettings.for_request(request)
        context.update(
            topics=self.topics_here(),
            related_pages=self.related_pages_here(),
            organisation=organisation,
            structured_data=self.structured_data(request, organisation),
        )
        index = self.get_parent().specific
        if isinstance(index, StatementIndexPage):
            context.update(index=index, **index.feed_links(request))
        return context

    def structured_data(self, request, organisation):
        """schema.org NewsArticle: search engines show its date and who published it."""
        publisher = {"@type": "Organization", "name": organisation.organisation_name, "url": language_home_url(request)}
        if logo := share_image_data(organisation.share_image, request):
            publisher["logo"] = {"@type": "ImageObject", "url": logo["url"]}
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.meta_description,
            "url": self.full_url,
            "mainEntityOfPage": self.full_url,
            "inLanguage": self.locale.language_code,
            "datePublished": self.date.isoformat(),
            "dateModified": timezone.localtime(self.last_published_at or timezone.now(), BRUSSELS).isoformat(),
            "author": {"@type": "Organization", "name": organisation.organisation_name},
            "publisher": publisher,
        }
        if image := share_image_data(self.image, request):
            data["image"] = [image["url"]]
        return data

    @property
    def sharing_image(self):
        """The image Open Graph and Twitter cards show instead of the site-wide one (see home/seo.py)."""
        return self.image


class StatementTopic(Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        Topic,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the topic in the article's source language; every translation shows it in its own."),
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")


class StatementRelatedPage(Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page to read next; visitors get it in their own language."),
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
