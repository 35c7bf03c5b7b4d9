"""Builds the union's site from its own text: the Dutch tree, then its English and French translations.

The translations go through wagtail-localize's own records (a translation source, a translation per
language and a string translation per segment), exactly as if a translator had typed them, so
translators find them in their interface and later syncs never put Dutch text back.
"""

import calendar
import datetime
import io
import tomllib
import uuid
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, Workflow, WorkflowPage
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from events.models import EventIndexPage, EventPage
from history.models import HistoryPage, TimelineEntry
from home.models import (
    ContentPage,
    FaqPage,
    FooterText,
    HomePage,
    Menu,
    MenuItem,
    MissionPage,
    OrganisationSettings,
)
from membership.models import (
    DonatePage,
    FormPage,
    FormPageField,
    FormRetention,
    MembershipFormField,
    MembershipFormPage,
    SuggestedAmount,
)
from search.models import SearchPage

CONTENT_DIR = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "nl"
TRANSLATION_LANGUAGES = ["en", "fr"]
BRUSSELS = ZoneInfo("Europe/Brussels")
# Fixed namespace: the same content always gets the same block ids and translation keys.
CONTENT_NAMESPACE = uuid.UUID("6f1d3a56-2a4e-4c57-9d51-0d8c2f6a7b10")
PLACEHOLDER_IMAGE_TITLE = "Archive photo placeholder: Sonia Verstappen at a protest in 2005 (SW archive)"
SHARE_IMAGE_TITLE = "Share image: UTSOPI wordmark (default, replace in Settings > Organisation settings)"
# The site's colours (static/css/site.css): --accent, --on-dark, --on-dark-muted, --focus-on-dark.
ACCENT, ON_DARK, ON_DARK_MUTED, HIGHLIGHT = (74, 31, 110), (255, 255, 255), (217, 204, 230), (255, 209, 102)
REVIEW_WORKFLOW = "Review by active members"
REVIEWED_PAGES = ["mission", "what_we_do", "faq"]
MAIN_MENU = [
    "mission",
    "history",
    "what_we_do",
    "events",
    "faq",
    "membership",
    "donate",
]
FOOTER_MENU = ["faq", "search", "membership", "donate"]
# The form pages, built with the form builder; their answers are member data (membership app).
FORMS = ["membership", "volunteer", "training"]


class ContentMismatchError(Exception):
    """A translation file does not line up with the Dutch source."""


def stable_id(*parts):
    return str(uuid.uuid5(CONTENT_NAMESPACE, "/".join(str(part) for part in parts)))


def read_content(language):
    with open(CONTENT_DIR / f"{language}.toml", "rb") as file:
        return tomllib.load(file)


def stream(page_key, field, block_type, values):
    return [
        {"type": block_type, "id": stable_id(page_key, field, index), "value": value}
        for index, value in enumerate(values)
    ]


def sections(page_key, items):
    return stream(
        page_key,
        "body",
        "section",
        [{"heading": item["heading"], "anchor": "", "body": item["body"]} for item in items],
    )


def choices_text(field):
    return "\n".join(choice["label"] for choice in field["choices"])


def months_ahead(today, months, day):
    month_index = today.month - 1 + months
    year, month = today.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def at_brussels_time(day, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BRUSSELS)


def common_fields(data):
    return {
        "title": data["title"],
        "slug": data["slug"],
        "search_description": data.get("search_description", ""),
    }


class PageBuilder:
    """Turns one language's content into page instances; the same shapes for every language."""

    def __init__(self, language, content, source_content, page_ids, image, today):
        self.language = language
        self.content = content
        self.source = source_content
        self.page_ids = page_ids
        self.image = image
        self.today = today

    def home(self, with_links):
        data = self.content["home"]
        fields = {
            "title": data["title"],
            "slug": f"home-{self.language}",
            "search_description": data["search_description"],
            "purpose": data["purpose"],
            "intro": data["intro"],
        }
        if with_links:
            fields["calls_to_action"] = stream(
                "home",
                "calls_to_action",
                "call_to_action",
                [
                    {
                        "page": self.page_ids[item["target"]],
                        "label": item["label"],
                        "text": item["text"],
                    }
                    for item in data["calls_to_action"]
                ],
            )
            fields["highlights"] = stream(
                "home",
                "highlights",
                "highlight",
                [
                    {
                        "page": self.page_ids[item["target"]],
                        "heading": item["heading"],
                        "text": item["text"],
                    }
                    for item in data["highlights"]
                ],
            )
        return HomePage(**fields)

    def mission(self):
        data = self.content["mission"]
        return MissionPage(
            **common_fields(data),
            intro=data["intro"],
            body=sections("mission", data["sections"]),
        )

    def what_we_do(self):
        data = self.content["what_we_do"]
        return ContentPage(
            **common_fields(data),
            intro=data["intro"],
            body=sections("what_we_do", data["sections"]),
        )

    def safe_browsing(self):
        """What the quick exit does and does not do; the quick exit finds it by this translation key."""
        data = self.content["safe_browsing"]
        return ContentPage(
            **common_fields(data),
            translation_key=stable_id("page", "safe_browsing"),
            intro=data["intro"],
            body=sections("safe_browsing", data["sections"]),
        )

    def faq(self):
        data = self.content["faq"]
        groups = []
        for group in data["sections"]:
            questions = [
                {
                    "type": "item",
                    "id": stable_id("faq", group["key"], index),
                    "value": {"question": item["question"], "answer": item["answer"]},
                }
                for index, item in enumerate(group["questions"])
            ]
            groups.append({"heading": group["heading"], "questions": questions})
        return FaqPage(
            **common_fields(data),
            intro=data["intro"],
            sections=stream("faq", "sections", "question_section", groups),
        )

    def history(self):
        data = self.content["history"]
        entries = []
        for index, (entry, source_entry) in enumerate(
            zip(data["entries"], self.source["history"]["entries"], strict=True)
        ):
            entries.append(
                TimelineEntry(
                    translation_key=stable_id("history", source_entry["key"]),
                    sort_order=index,
                    date=source_entry["date"],
                    precision=source_entry["precision"],
                    title=entry["title"],
                    text=entry["text"],
                    image=self.image if source_entry["image_caption"] else None,
                    image_caption=entry["image_caption"],
                    image_credit=entry["image_credit"],
                )
            )
        return HistoryPage(**common_fields(data), intro=data["intro"], timeline_entries=entries)

    def form_fields(self, page_key, field_model):
        """The questions of a form; keys and stored choice values come from the source, labels from this language."""
        form_fields = []
        for index, (field, source_field) in enumerate(
            zip(self.content[page_key]["fields"], self.source[page_key]["fields"], strict=True)
        ):
            form_fields.append(
                field_model(
                    translation_key=stable_id(page_key, source_field["key"]),
                    sort_order=index,
                    clean_name=source_field["key"],
                    label=field["label"],
                    field_type=source_field["field_type"],
                    required=source_field["required"],
                    choices=choices_text(field),
                    choice_keys="\n".join(choice["key"] for choice in source_field["choices"]),
                    help_text=field["help_text"],
                    default_value="",
                )
            )
        return form_fields

    def membership(self):
        data = self.content["membership"]
        return MembershipFormPage(
            **common_fields(data),
            intro=data["intro"],
            supporting_heading=data["supporting_heading"],
            supporting_body=data["supporting_body"],
            active_heading=data["active_heading"],
            active_body=data["active_body"],
            thank_you_text=data["thank_you_text"],
            submit_label=data["submit_label"],
            form_fields=self.form_fields("membership", MembershipFormField),
        )

    def form_page(self, page_key):
        data = self.content[page_key]
        return FormPage(
            **common_fields(data),
            intro=data["intro"],
            thank_you_text=data["thank_you_text"],
            submit_label=data["submit_label"],
            form_fields=self.form_fields(page_key, FormPageField),
        )

    def volunteer(self):
        return self.form_page("volunteer")

    def training(self):
        return self.form_page("training")

    def donate(self):
        data = self.content["donate"]
        return DonatePage(
            **common_fields(data),
            intro=data["intro"],
            bank_transfer_text=data["bank_transfer_text"],
            standing_order_text=data["standing_order_text"],
            tax_certificate_text=data["tax_certificate_text"],
            # Amounts are not text: every language has the source's (wagtail-localize keeps them in sync).
            suggested_amounts=[
                SuggestedAmount(sort_order=index, amount=Decimal(amount))
                for index, amount in enumerate(self.source["donate"]["suggested_amounts"])
            ],
        )

    def events(self):
        data = self.content["events"]
        return EventIndexPage(**common_fields(data), intro=data["intro"])

    def event(self, index):
        data = self.content["events"]["examples"][index]
        source = self.source["events"]["examples"][index]
        day = months_ahead(self.today, source["months_ahead"], source["day_of_month"])
        return EventPage(
            title=data["title"],
            slug=source["key"],
            search_description="",
            intro=data["body"],
            kind=source["kind"],
            start=at_brussels_time(day, source["start_time"]),
            end=at_brussels_time(day, source["end_time"]),
            city=data["city"],
            venue=source["venue"],
            address_on_request=source["address_on_request"],
        )

    def search(self):
        data = self.content["search"]
        return SearchPage(**common_fields(data), intro=data["intro"])


class InitialContentLoader:
    def __init__(self, log=print, today=None):
        self.log = log
        self.today = today or timezone.localdate()
        self.contents = {language: read_content(language) for language in [SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES]}
        self.page_ids = {}
        self.created = 0

    @transaction.atomic
    def load(self):
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in self.contents}
        image = self.placeholder_image()
        source = self.build_source_tree(locales[SOURCE_LANGUAGE], image)
        for language in TRANSLATION_LANGUAGES:
            builder = PageBuilder(
                language,
                self.contents[language],
                self.contents[SOURCE_LANGUAGE],
                self.page_ids,
                image,
                self.today,
            )
            for _key, page, make in source:
                self.translate(page, locales[language], make(builder))
        self.load_navigation(locales)
        self.assign_review_workflow()
        self.log(f"Initial content: {self.created} objects created.")

    def placeholder_image(self):
        """A neutral image in the archive photo's slot, for editors to replace with the real one."""
        Image = get_image_model()
        existing = Image.objects.filter(title=PLACEHOLDER_IMAGE_TITLE).first()
        if existing:
            return existing
        canvas = PillowImage.new("RGB", (1200, 800), (226, 222, 234))
        draw = ImageDraw.Draw(canvas)
        draw.rectangle((40, 40, 1159, 759), outline=(120, 110, 140), width=6)
        draw.text(
            (600, 400),
            "SW archive · 2005",
            fill=(70, 60, 90),
            anchor="mm",
            font=ImageFont.load_default(size=64),
        )
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        self.created += 1
        # Saved through the default storage, so this works on local disk and on S3 alike.
        return Image.objects.create(
            title=PLACEHOLDER_IMAGE_TITLE,
            file=ImageFile(buffer, name="archive-placeholder-2005.png"),
        )

    def default_share_image(self):
        """The union's wordmark and name in its three languages, in the site's colours: what a shared link shows
        until editors choose a photo. Drawn here, so it shows no person and needs no stock picture."""
        Image = get_image_model()
        existing = Image.objects.filter(title=SHARE_IMAGE_TITLE).first()
        if existing:
            return existing
        names = [self.contents[language]["home"]["purpose"].split(",")[0].rstrip(".") for language in self.contents]
        canvas = PillowImage.new("RGB", (1200, 630), ACCENT)
        draw = ImageDraw.Draw(canvas)
        draw.text((90, 250), "UTSOPI", fill=ON_DARK, anchor="ls", font=ImageFont.load_default(size=150))
        draw.rectangle((94, 290, 294, 302), fill=HIGHLIGHT)
        for line, name in enumerate(names):
            draw.text(
                (90, 380 + 60 * line), name, fill=ON_DARK_MUTED, anchor="ls", font=ImageFont.load_default(size=40)
            )
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        self.created += 1
        # Saved through the default storage, like the placeholder photo, so on local disk and on S3 alike.
        return Image.objects.create(
            title=SHARE_IMAGE_TITLE,
            description="UTSOPI: " + " · ".join(names),
            file=ImageFile(buffer, name="share-image-utsopi.png"),
        )

    def build_source_tree(self, locale, image):
        """The Dutch pages, created when missing and published; returns how to rebuild each in any language."""
        builder = PageBuilder(
            SOURCE_LANGUAGE,
            self.contents[SOURCE_LANGUAGE],
            self.contents[SOURCE_LANGUAGE],
            self.page_ids,
            image,
            self.today,
        )
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            self.remove_wagtail_welcome_page(root)
            home = self.add(root, builder.home(with_links=False), locale)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        if site.root_page_id != home.id:
            site.root_page = home
            site.site_name = "UTSOPI"
            site.hostname, site.port = public_address()
            site.save()

        tree = []
        children = [
            ("mission", PageBuilder.mission),
            ("history", PageBuilder.history),
            ("what_we_do", PageBuilder.what_we_do),
            ("faq", PageBuilder.faq),
            ("membership", PageBuilder.membership),
            ("volunteer", PageBuilder.volunteer),
            ("training", PageBuilder.training),
            ("donate", PageBuilder.donate),
            ("events", PageBuilder.events),
            ("search", PageBuilder.search),
            ("safe_browsing", PageBuilder.safe_browsing),
        ]
        for key, make in children:
            page = self.child(home, make(builder), locale)
            self.page_ids[key] = page.id
            tree.append((key, page, make))
        for key in FORMS:
            FormRetention.objects.get_or_create(
                form_key=Page.objects.get(id=self.page_ids[key]).translation_key,
                defaults={"retention_days": self.contents[SOURCE_LANGUAGE][key].get("retention_days")},
            )

        if not home.calls_to_action:
            linked = builder.home(with_links=True)
            home.calls_to_action = linked.calls_to_action
            home.highlights = linked.highlights
            home.save_revision().publish()
        events_index = Page.objects.get(id=self.page_ids["events"])
        for index, example in enumerate(self.contents[SOURCE_LANGUAGE]["events"]["examples"]):
            page = self.child(events_index, builder.event(index), locale)
            tree.append((example["key"], page, lambda b, index=index: b.event(index)))

        return [("home", home, lambda b: b.home(with_links=True)), *tree]

    def remove_wagtail_welcome_page(self, root):
        for page in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            if not page.get_children().exists():
                page.delete()

    def child(self, parent, page, locale):
        existing = parent.get_children().filter(slug=page.slug).first()
        return existing.specific if existing else self.add(parent, page, locale)

    def add(self, parent, page, locale):
        page.locale = locale
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def translate(self, source_page, locale, target_page):
        """Make (or keep) the translation of source_page into locale, with target_page's text."""
        if source_page.get_translation_or_none(locale) is not None:
            return
        self.translate_object(source_page.specific, locale, target_page)
        translated = source_page.get_translation(locale)
        translated.get_latest_revision().publish()
        self.created += 1

    def translate_object(self, source_object, locale, target_object):
        translation_source, _ = TranslationSource.get_or_create_from_instance(source_object)
        Translation.objects.get_or_create(source=translation_source, target_locale=locale, defaults={"enabled": True})
        targets = self.target_strings(source_object, target_object)
        segments = StringSegment.objects.filter(source=translation_source).select_related("string", "context")
        for segment in segments:
            data = targets.get((segment.context.path, segment.string.data))
            if data is None:
                raise ContentMismatchError(
                    f"No {locale.language_code} text for {segment.context.path!r} of {source_object}: "
                    f"{segment.string.data!r}"
                )
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        # Pages are saved as a draft and published by the caller, so nothing waits on a transaction commit.
        return translation_source.create_or_update_translation(locale, publish=not isinstance(source_object, Page))

    def target_strings(self, source_object, target_object):
        """Pairs each source string with the string at the same place in the target, position by position."""
        by_path = defaultdict(list)
        for segment in extract_segments(target_object):
            if isinstance(segment, StringSegmentValue):
                by_path[segment.path].append(segment.string.data)
        pairs = {}
        positions = defaultdict(int)
        for segment in extract_segments(source_object):
            if not isinstance(segment, StringSegmentValue):
                continue
            candidates = by_path.get(segment.path, [])
            position = positions[segment.path]
            if position >= len(candidates):
                raise ContentMismatchError(f"{target_object!r} has fewer strings than the source at {segment.path!r}")
            pairs[(segment.path, segment.string.data)] = candidates[position]
            positions[segment.path] += 1
        return pairs

    def assign_review_workflow(self):
        """Mission, what we do and the FAQ, in every language, go live once active members approve them."""
        workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
        if workflow is None:
            return
        for key in REVIEWED_PAGES:
            for page in Page.objects.get(id=self.page_ids[key]).get_translations(inclusive=True):
                _, created = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
                self.created += created

    def load_navigation(self, locales):
        source_locale = locales[SOURCE_LANGUAGE]
        main_menu = self.menu("Main menu", MAIN_MENU, source_locale)
        footer_menu = self.menu("Footer menu", FOOTER_MENU, source_locale)
        footer_text = FooterText.objects.filter(locale=source_locale).first()
        if footer_text is None:
            footer_text = FooterText.objects.create(
                locale=source_locale,
                body=self.contents[SOURCE_LANGUAGE]["site"]["footer_text"],
            )
            self.created += 1
        for language in TRANSLATION_LANGUAGES:
            locale = locales[language]
            for menu in (main_menu, footer_menu):
                if menu.get_translation_or_none(locale) is None:
                    self.translate_object(menu, locale, menu)
                    self.created += 1
            if footer_text.get_translation_or_none(locale) is None:
                self.translate_object(
                    footer_text,
                    locale,
                    FooterText(body=self.contents[language]["site"]["footer_text"]),
                )
                self.created += 1

        site = Site.objects.get(is_default_site=True)
        settings = OrganisationSettings.for_site(site)
        if settings.main_menu_id is None:
            settings.organisation_name = "UTSOPI"
            settings.contact_email = self.contents[SOURCE_LANGUAGE]["site"]["contact_email"]
            settings.main_menu = main_menu
            settings.footer_menu = footer_menu
            settings.save()
        if settings.share_image_id is None:
            settings.share_image = self.default_share_image()
            settings.save(update_fields=["share_image"])

    def menu(self, name, keys, locale):
        menu = Menu.objects.filter(name=name, locale=locale).first()
        if menu is None:
            menu = Menu(name=name, locale=locale)
            menu.items = [
                MenuItem(
                    page_id=self.page_ids[key],
                    sort_order=index,
                    translation_key=stable_id("menu", name, key),
                )
                for index, key in enumerate(keys)
            ]
            menu.save()
            self.created += 1
        return menu


def public_address():
    """Host and port of the site's address (WAGTAILADMIN_BASE_URL): full URLs in the sitemap and API lead there."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)
