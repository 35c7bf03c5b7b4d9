"""Organisation facts editors change without a developer: contact, bank details, menus, exit destination."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import bic, iban
from stdnum.exceptions import ValidationError as NumberError
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    organisation_name = models.CharField(max_length=120, default="UTSOPI", help_text=_("Shown in the header."))
    contact_email = models.EmailField(blank=True, help_text=_("Public contact address, shown in the footer."))
    contact_phone = models.CharField(max_length=40, blank=True, help_text=_("Public phone number, if any."))
    postal_address = models.TextField(blank=True, help_text=_("Public postal address, if any."))
    bank_account_holder = models.CharField(
        max_length=70, blank=True, help_text=_("Beneficiary name, as the bank knows it.")
    )
    iban = models.CharField(
        "IBAN", max_length=34, blank=True, validators=[validate_iban], help_text=_("e.g. BE68 5390 0754 7034")
    )
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[validate_bic], help_text=_("e.g. GKCCBEBB"))
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

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("postal_address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("bank_account_holder"), FieldPanel("iban"), FieldPanel("bic")], heading=_("Donations")
        ),
        MultiFieldPanel([FieldPanel("main_menu"), FieldPanel("footer_menu")], heading=_("Navigation")),
        FieldPanel("quick_exit_url"),
    ]

    class Meta:
        verbose_name = _("organisation settings")

    def clean(self):
        super().clean()
        self.iban = iban.compact(self.iban) if self.iban else ""
        self.bic = bic.compact(self.bic) if self.bic else ""
