"""Builds the union's site from its own text: the Dutch tree, then its English and French translations.

A thin orchestrator: each app builds its own pages (the page makers of settings.INITIAL_CONTENT_PAGES, in
the order they appear under the home page), localize.py writes the translations through wagtail-localize's
records, and the steps of settings.INITIAL_CONTENT_STEPS finish the site (menus, settings, workflow...).
A maker with a `parent` attribute places its pages under the page of that key instead of the home page.
Everything is created only when missing, so running it again changes nothing.
"""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.initial_content import pages
from home.initial_content.content import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, LanguageContent, read_content
from home.initial_content.localize import translate_object
from home.models import HomePage

PLACEHOLDER_IMAGE_TITLE = "Archive photo placeholder: Sonia Verstappen at a protest in 2005 (SW archive)"


class InitialContentLoader:
    def __init__(self, log=print, today=None):
        self.log = log
        self.today = today or timezone.localdate()
        self.contents = {language: read_content(language) for language in [SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES]}
        self.makers = [import_string(path) for path in settings.INITIAL_CONTENT_PAGES]
        self.pages = {}
        self.locales = {}
        self.image = None
        self.created = 0

    def content(self, language):
        page_ids = {key: page.id for key, page in self.pages.items()}
        return LanguageContent(
            language, self.contents[language], self.contents[SOURCE_LANGUAGE], page_ids, self.image, self.today
        )

    @transaction.atomic
    def load(self):
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in self.contents}
        self.image = self.placeholder_image()
        source = self.build_source_tree()
        for language in TRANSLATION_LANGUAGES:
            content = self.content(language)
            for page, make in source:
                self.translate(page, self.locales[language], make(content))
        for path in settings.INITIAL_CONTENT_STEPS:
            self.created += import_string(path)(self)
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
        draw.text((600, 400), "SW archive · 2005", fill=(70, 60, 90), anchor="mm", font=ImageFont.load_default(size=64))
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        self.created += 1
        # Saved through the default storage, so this works on local disk and on S3 alike.
        return Image.objects.create(
            title=PLACEHOLDER_IMAGE_TITLE, file=ImageFile(buffer, name="archive-placeholder-2005.png")
        )

    def build_source_tree(self):
        """The Dutch pages, created when missing and published: [(page, the maker that rebuilds it in any language)]."""
        locale = self.locales[SOURCE_LANGUAGE]
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            self.remove_wagtail_welcome_page(root)
            home = self.add(root, pages.home(self.content(SOURCE_LANGUAGE), with_links=False), locale)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        if site.root_page_id != home.id:
            site.root_page = home
            site.site_name = "UTSOPI"
            site.hostname, site.port = public_address()
            site.save()

        tree = []
        for make in self.makers:
            parent = self.pages[make.parent] if hasattr(make, "parent") else home
            made = make(self.content(SOURCE_LANGUAGE))
            if isinstance(made, list):
                for index, page in enumerate(made):
                    tree.append(
                        (self.child(parent, page, locale), lambda content, make=make, index=index: make(content)[index])
                    )
            else:
                self.pages[make.__name__] = self.child(parent, made, locale)
                tree.append((self.pages[make.__name__], make))

        if not home.calls_to_action:
            linked = pages.home(self.content(SOURCE_LANGUAGE))
            home.calls_to_action = linked.calls_to_action
            home.highlights = linked.highlights
            home.save_revision().publish()
        return [(home, pages.home), *tree]

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
        translate_object(source_page.specific, locale, target_page)
        source_page.get_translation(locale).get_latest_revision().publish()
        self.created += 1


def public_address():
    """Host and port of the site's address (WAGTAILADMIN_BASE_URL): full URLs in the sitemap and API lead there."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)
