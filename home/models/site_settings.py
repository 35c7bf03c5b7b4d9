"""Organisation facts editors change without a developer: contact, press contact, bank details, menus,
social media, the image shown when a page is shared, and the quick-exit destination."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from stdnum import bic, iban
from stdnum.be import ogm_vcs
from stdnum.exceptions import ValidationError as NumberError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from membership import epc


def validate_iban(value):
    try:
        iban.validate(value)
    except NumberError as error:
        raise ValidationError(_("This is not a valid IBAN: %(reason)s"), params={"reason": error.message}) from error


def validate_bic(value):
    try:
        bic.validate(value)
    except NumberError as error:
        raise ValidationError(_("This is not a valid BIC: %(reason)s"), params={"reason": error.message}) from error


def validate_structured_communication(value):
    try:
        ogm_vcs.validate(value.replace("*", ""))
    except NumberError as error:
        raise ValidationError(
            _("This is not a valid structured communication: %(reason)s"), params={"reason": error.message}
        ) from error


BENEFICIARY_TOO_LONG = _(
    "A payment QR code holds at most %(limit_value)d characters for the beneficiary name (this one has "
    "%(show_value)d). Use the shorter name the bank knows."
)


def chosen_page(help_text):
    """A page code must find (e.g. to link it from every page): chosen in the settings, so the site never finds it
    by the id, slug or title the initial content gave it."""
    return models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text=help_text
    )


class OrganisationSettingsForm(WagtailAdminModelForm):
    """Says why a beneficiary name is too long; without the browser's length limit, a pasted name is not cut
    short without a word but refused with that message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        holder = self.fields["bank_account_holder"]
        holder.error_messages["max_length"] = BENEFICIARY_TOO_LONG
        holder.widget.attrs.pop("maxlength", None)


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
    bank_account_holder = models.CharField(
        max_length=epc.MAX_BENEFICIARY_LENGTH,
        blank=True,
        help_text=_("Beneficiary name, as the bank knows it; at most 70 characters, the limit of payment QR codes."),
    )
    iban = models.CharField(
        "IBAN", max_length=34, blank=True, validators=[validate_iban], help_text=_("e.g. BE71 0961 2345 6769")
    )
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[validate_bic], help_text=_("e.g. GKCCBEBB"))
    donation_reference = models.CharField(
        _("donation reference"),
        max_length=20,
        blank=True,
        validators=[validate_structured_communication],
        help_text=_(
            "The Belgian structured communication every donor quotes, the same for all, e.g. "
            "+++010/8068/17183+++ (the union's accountant or bank can make one). It goes in the payment QR codes "
            "on the donate page, which appear once the beneficiary name, the IBAN and this reference are set."
        ),
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
        MultiFieldPanel(
            [
                FieldPanel("bank_account_holder"),
                FieldPanel("iban"),
                FieldPanel("bic"),
                FieldPanel("donation_reference"),
            ],
            heading=_("Donations"),
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

    base_form_class = OrganisationSettingsForm

    class Meta:
        verbose_name = _("organisation settings")

    def clean(self):
        super().clean()
        self.iban = iban.compact(self.iban) if self.iban else ""
        self.bic = bic.compact(self.bic) if self.bic else ""
        # Model.clean() runs even when a field was refused: only a valid reference is rewritten.
        if ogm_vcs.is_valid(self.donation_reference.replace("*", "")):
            self.donation_reference = f"+++{ogm_vcs.format(epc.structured_reference(self.donation_reference))}+++"
        self.check_the_largest_payment_code_fits()

    def check_the_largest_payment_code_fits(self):
        """A name of 70 characters can still be too many bytes for the code (letters outside ASCII take two
        to four each): refuse it here rather than leave the donate page without its codes."""
        details = self.payment_code_details()
        if details is None or len(details["beneficiary"]) > epc.MAX_BENEFICIARY_LENGTH:
            return
        try:
            epc.credit_transfer_payload(**details, amount=epc.MAX_AMOUNT)
        except epc.PaymentCodeError as error:
            raise ValidationError(
                {
                    "bank_account_holder": _(
                        "This name takes too much room in a payment QR code: use fewer letters with accents or "
                        "other special characters, or a shorter name."
                    )
                }
            ) from error

    def payment_code_details(self):
        """Beneficiary, IBAN, BIC and reference as the payment QR codes carry them, or None while the name, the
        IBAN or the reference is missing or not valid."""
        reference = self.donation_reference.replace("*", "")
        if not (self.bank_account_holder.strip() and iban.is_valid(self.iban) and ogm_vcs.is_valid(reference)):
            return None
        if self.bic and not bic.is_valid(self.bic):
            return None
        return {
            "beneficiary": self.bank_account_holder.strip(),
            "iban": iban.compact(self.iban),
            "bic": bic.compact(self.bic) if self.bic else "",
            "reference": epc.structured_reference(reference),
        }


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
