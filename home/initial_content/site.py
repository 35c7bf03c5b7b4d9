"""Home's steps of the initial content once every page exists in every language: the menus, the footer text,
the organisation settings (with the pages every page links to), and the review workflow of the pages
that speak for the union. Listed in settings.INITIAL_CONTENT_STEPS."""

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
    if changed:
        organisation.save()
    return created


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
