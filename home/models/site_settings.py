"""Organisation facts editors change without a developer: contact, press contact, menus, social media, the
image shown when a page is shared, and the quick-exit destination. The bank details are the donation settings
(membership/models/donate.py)."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


def chosen_page(help_text):
    """A page code must find (e.g. to link it from every page): chosen in the settings, so the site never finds it
    by the id, slug or title the initial content gave it."""
    return models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text=help_text
    )


@register_setting(icon="site")
class OrganisationSettings(ClusterableModel, BaseSiteSetting):
    """A ClusterableModel, so that the social media links are edited on the same screen."""

    organisation_name = models.CharField(max_length=120, default="UTSOPI", help_text=_("Shown in the header."))
    contact_email = models.EmailField(blank=True, help_text=_("Public contact address, shown in the footer."))
    contact_phone = models.CharField(max_length=40, blank=True, help_text=_("Public phone number, if any."))
    postal_address = models.TextField(blank=True, help_text=_("Public postal address, if any."))
    press_contact_name = models.CharField(
        max_length=120, blank=True, help_text=_("The person or team journalists should contact, e.g. Press team.")
    )
    press_contact_email = models.EmailField(
        blank=True, help_text=_("The address journalists write to; given to search engines with the organisation.")
    )
    quick_exit_url = models.URLField(
        default="https://www.bbc.com/weather",
        help_text=_("The neutral site the quick-exit button leads to."),
    )
    main_menu = models.ForeignKey(
        "home.Menu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The menu in the header; each language shows its own translation."),
    )
    footer_menu = models.ForeignKey(
        "home.Menu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The menu in the footer; each language shows its own translation."),
    )
    safer_browsing_page = chosen_page(
        _(
            "The page that explains the quick exit and safer browsing, linked beside the quick-exit button; "
            "each language shows its own translation."
        )
    )
    membership_page = chosen_page(
        _("The membership form, linked from every page's footer; each language shows its own translation.")
    )
    donate_page = chosen_page(
        _("The donate page, linked from every page's footer; each language shows its own translation.")
    )
    events_page = chosen_page(_("The list of events; each language shows its own translation."))
    search_page = chosen_page(
        _("The search page, linked from every page's header; each language shows its own translation.")
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when any page is shared on social media or in a messaging app, cropped to 1200 by 630 pixels: "
            "choose an image at least that large, without people who could be recognised, and describe it in its "
            "description field."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("postal_address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("press_contact_name"), FieldPanel("press_contact_email")], heading=_("Press contact")
        ),
        MultiFieldPanel([FieldPanel("main_menu"), FieldPanel("footer_menu")], heading=_("Navigation")),
        MultiFieldPanel(
            [FieldPanel("share_image"), InlinePanel("social_links", label=_("Social media link"))],
            heading=_("Sharing and social media"),
        ),
        FieldPanel("quick_exit_url"),
        MultiFieldPanel(
            [
                # Page types as strings, so that home imports no other app.
                PageChooserPanel("safer_browsing_page", page_type="home.ContentPage"),
                PageChooserPanel("membership_page", page_type="membership.MembershipFormPage"),
                PageChooserPanel("donate_page", page_type="membership.DonatePage"),
                PageChooserPanel("events_page", page_type="events.EventIndexPage"),
                PageChooserPanel("search_page", page_type="search.SearchPage"),
            ],
            heading=_("Pages linked from every page"),
        ),
    ]

    class Meta:
        verbose_name = _("organisation settings")


class SocialLink(Orderable):
    """One of the union's profiles elsewhere, e.g. on Instagram or Mastodon; search engines get them as sameAs."""

    settings = ParentalKey(OrganisationSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(
        max_length=40, help_text=_("The name of the network as visitors know it, e.g. Instagram or Mastodon.")
    )
    url = models.URLField(
        "URL",
        validators=[
            # Its own code: with the generic "invalid" code, the form would show its own vaguer message instead.
            URLValidator(
                schemes=["https"],
                message=_("Enter the full address of the profile, starting with https://."),
                code="not_https",
            )
        ],
        help_text=_("The full address of the union's profile, e.g. https://www.instagram.com/utsopi/"),
    )

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media link")
        verbose_name_plural = _("social media links")

    def __str__(self):
        return self.label
