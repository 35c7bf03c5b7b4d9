"""Home's steps of the initial content once every page exists in every language: the menus, the footer text,
the organisation settings (with the pages every page links to), and the review workflow of the pages
that speak for the union. Listed in settings.INITIAL_CONTENT_STEPS."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Site, Workflow, WorkflowPage

from home.initial_content.content import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, stable_id
from home.initial_content.localize import translate_object
from home.models import FooterText, Menu, MenuItem, OrganisationSettings

MAIN_MENU = ["mission", "history", "what_we_do", "events", "statements", "faq", "membership", "donate"]
FOOTER_MENU = ["faq", "search", "membership", "donate"]
# Settings field -> the page of the initial content chosen in it.
CHOSEN_PAGES = {
    "safer_browsing_page": "safe_browsing",
    "membership_page": "membership",
    "donate_page": "donate",
    "events_page": "events",
    "search_page": "search",
}
SHARE_IMAGE_TITLE = "Share image: UTSOPI wordmark (default, replace in Settings > Organisation settings)"
# The site's colours (static/css/site.css): --accent, --on-dark, --on-dark-muted, --focus-on-dark.
ACCENT, ON_DARK, ON_DARK_MUTED, HIGHLIGHT = (74, 31, 110), (255, 255, 255), (217, 204, 230), (255, 209, 102)
REVIEW_WORKFLOW = "Review by active members"
REVIEWED_PAGES = ["mission", "what_we_do", "faq"]


def navigation(loader):
    """Menus and footer text in every language, and the settings that choose them; what exists is kept."""
    created = 0
    source_locale = loader.locales[SOURCE_LANGUAGE]
    main_menu, made = menu(loader, "Main menu", MAIN_MENU)
    created += made
    footer_menu, made = menu(loader, "Footer menu", FOOTER_MENU)
    created += made
    footer_text = FooterText.objects.filter(locale=source_locale).first()
    if footer_text is None:
        footer_text = FooterText.objects.create(
            locale=source_locale, body=loader.contents[SOURCE_LANGUAGE]["site"]["footer_text"]
        )
        created += 1
    for language in TRANSLATION_LANGUAGES:
        locale = loader.locales[language]
        for each in (main_menu, footer_menu):
            if each.get_translation_or_none(locale) is None:
                translate_object(each, locale, each)
                created += 1
        if footer_text.get_translation_or_none(locale) is None:
            translate_object(footer_text, locale, FooterText(body=loader.contents[language]["site"]["footer_text"]))
            created += 1

    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    changed = organisation.main_menu_id is None
    if changed:
        organisation.organisation_name = "UTSOPI"
        organisation.contact_email = loader.contents[SOURCE_LANGUAGE]["site"]["contact_email"]
        organisation.main_menu = main_menu
        organisation.footer_menu = footer_menu
    for field, key in CHOSEN_PAGES.items():
        if getattr(organisation, f"{field}_id") is None:  # a page staff chose is left as it is
            setattr(organisation, field, loader.pages[key])
            changed = True
    if organisation.share_image_id is None:  # an image staff chose is left as it is
        organisation.share_image, made = default_share_image(loader)
        created += made
        changed = True
    if changed:
        organisation.save()
    return created


def default_share_image(loader):
    """The union's wordmark and name in its three languages, in the site's colours: what a shared link shows
    until editors choose a photo. Drawn here, so it shows no person and needs no stock picture."""
    Image = get_image_model()
    existing = Image.objects.filter(title=SHARE_IMAGE_TITLE).first()
    if existing:
        return existing, 0
    names = [loader.contents[language]["home"]["purpose"].split(",")[0].rstrip(".") for language in loader.contents]
    canvas = PillowImage.new("RGB", (1200, 630), ACCENT)
    draw = ImageDraw.Draw(canvas)
    draw.text((90, 250), "UTSOPI", fill=ON_DARK, anchor="ls", font=ImageFont.load_default(size=150))
    draw.rectangle((94, 290, 294, 302), fill=HIGHLIGHT)
    for line, name in enumerate(names):
        draw.text((90, 380 + 60 * line), name, fill=ON_DARK_MUTED, anchor="ls", font=ImageFont.load_default(size=40))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    # Saved through the default storage, like the placeholder photo, so on local disk and on S3 alike.
    image = Image.objects.create(
        title=SHARE_IMAGE_TITLE,
        description="UTSOPI: " + " · ".join(names),
        file=ImageFile(buffer, name="share-image-utsopi.png"),
    )
    return image, 1


def menu(loader, name, keys):
    """(the Dutch menu of this name, 1 if it was made now else 0)."""
    locale = loader.locales[SOURCE_LANGUAGE]
    existing = Menu.objects.filter(name=name, locale=locale).first()
    if existing is not None:
        return existing, 0
    made = Menu(name=name, locale=locale)
    made.items = [
        MenuItem(page=loader.pages[key], sort_order=index, translation_key=stable_id("menu", name, key))
        for index, key in enumerate(keys)
    ]
    made.save()
    return made, 1


def review_workflow(loader):
    """Mission, what we do and the FAQ, in every language, go live once active members approve them.

    The one place pages are assigned to the review workflow (its migration only creates it).
    """
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is None:
        return 0
    created = 0
    for key in REVIEWED_PAGES:
        for page in loader.pages[key].get_translations(inclusive=True):
            # A workflow chosen for the page by staff in the admin is left as it is.
            _, was_created = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
            created += was_created
    return created
