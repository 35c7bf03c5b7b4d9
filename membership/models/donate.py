"""The donate page: why giving matters, and a payment QR code for each amount editors suggest.

The bank details and the donation reference are the donation settings (Settings > Donations), typed once
for every language; the codes are made when the page is shown, from those settings (membership.epc).
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from stdnum import bic, iban
from stdnum.be import ogm_vcs
from stdnum.exceptions import ValidationError as NumberError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from home.blocks import TEXT_FEATURES
from home.models.pages import BasePage
from membership import epc
from membership.donations import DonationField

logger = logging.getLogger(__name__)

AMOUNT_TOO_SMALL = _("Enter an amount of at least 0.01 euro.")
AMOUNT_TOO_LARGE = _("A payment QR code carries at most 999999999.99 euros: enter a smaller amount.")


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


class DonationSettingsForm(WagtailAdminModelForm):
    """Says why a beneficiary name is too long; without the browser's length limit, a pasted name is not cut
    short without a word but refused with that message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        holder = self.fields["bank_account_holder"]
        holder.error_messages["max_length"] = BENEFICIARY_TOO_LONG
        holder.widget.attrs.pop("maxlength", None)


@register_setting(icon="pick")
class DonationSettings(BaseSiteSetting):
    """The bank details donors transfer to, shown on the donate page, in its payment QR codes and in the API."""

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

    panels = [
        FieldPanel("bank_account_holder"),
        FieldPanel("iban"),
        FieldPanel("bic"),
        FieldPanel("donation_reference"),
    ]

    base_form_class = DonationSettingsForm

    class Meta:
        verbose_name = _("donations")

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


class EuroAmountField(models.DecimalField):
    """An amount in euros that fits in a payment QR code, refused with a message that says why.

    The admin's form checks the range itself, instead of the digit count Django checks first, whose message
    ("no more than 11 digits in total") would not tell editors what is wrong.
    """

    def __init__(self, *args, **kwargs):
        kwargs.update(max_digits=11, decimal_places=2)
        kwargs.setdefault(
            "validators",
            [
                MinValueValidator(epc.MIN_AMOUNT, message=AMOUNT_TOO_SMALL),
                MaxValueValidator(epc.MAX_AMOUNT, message=AMOUNT_TOO_LARGE),
            ],
        )
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        """What the class sets itself stays out of migrations."""
        name, path, args, kwargs = super().deconstruct()
        for key in ("max_digits", "decimal_places", "validators"):
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": forms.DecimalField,
                "max_digits": None,
                "min_value": epc.MIN_AMOUNT,
                "max_value": epc.MAX_AMOUNT,
                "error_messages": {"min_value": AMOUNT_TOO_SMALL, "max_value": AMOUNT_TOO_LARGE},
                **kwargs,
            }
        )


def euros(amount):
    """An amount as visitors read it in their language: €10, €12,50 (nl), 12,50 € (fr)."""
    places = 0 if amount == amount.to_integral_value() else 2
    return pgettext("an amount in euros", "€%(amount)s") % {"amount": number_format(amount, places)}


@dataclass
class PaymentCode:
    """One suggested amount (None: the donor chooses it) and the payload of its payment QR code."""

    amount: Decimal | None
    payload: str | None

    @property
    def label(self):
        return euros(self.amount) if self.amount is not None else gettext("Another amount")

    def svg(self, beneficiary):
        if self.amount is None:
            title = gettext("Payment QR code for a gift of the amount you choose to %(beneficiary)s")
        else:
            title = gettext("Payment QR code for a gift of %(amount)s to %(beneficiary)s")
        return epc.svg(self.payload, title % {"amount": self.label, "beneficiary": beneficiary})


class DonatePage(BasePage):
    """Why donations matter; the bank details themselves come from the donation settings."""

    bank_transfer_text = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("How to give by bank transfer; the account number is added from the settings."),
    )
    offer_any_amount = models.BooleanField(
        _("offer another amount"),
        default=True,
        help_text=_("Also show a payment QR code without an amount, for donors who type the amount themselves."),
    )
    standing_order_text = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "How to give every month: a standing order set up once in the banking app, with the same account "
            "and reference."
        ),
    )
    tax_certificate_text = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "What donors should know about tax certificates. Promise a tax deduction only if the union is "
            "recognised for it."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("bank_transfer_text"),
        MultiFieldPanel(
            [
                InlinePanel("suggested_amounts", label=_("Suggested amount")),
                FieldPanel("offer_any_amount"),
            ],
            heading=_("Payment QR codes"),
            help_text=_(
                "A payment QR code for each amount, which banking apps scan to fill in the transfer; the bank "
                "details and the reference are in Settings > Donations."
            ),
        ),
        FieldPanel("standing_order_text"),
        FieldPanel("tax_certificate_text"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("bank_transfer_text"),
        APIField("donation", serializer=DonationField()),
        APIField("standing_order_text"),
        APIField("tax_certificate_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("donate page")

    def donation_settings(self, request):
        return DonationSettings.for_request(request)

    def payment_codes(self, donation_settings):
        """Each suggested amount, then "another amount", with the payload of its code; the payloads are None
        while the settings lack the beneficiary name, the IBAN or the reference."""
        amounts = [suggested.amount for suggested in self.suggested_amounts.all()]
        if self.offer_any_amount:
            amounts.append(None)
        details = donation_settings.payment_code_details()
        if details is None:
            return [PaymentCode(amount, None) for amount in amounts]
        try:
            return [PaymentCode(amount, epc.credit_transfer_payload(**details, amount=amount)) for amount in amounts]
        except epc.PaymentCodeError:
            logger.exception("No payment QR codes on the donate page %s", self.pk)
            return [PaymentCode(amount, None) for amount in amounts]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        bank = self.donation_settings(request)
        codes = self.payment_codes(bank)
        context["payment_codes"] = [
            {"label": code.label, "svg": code.svg(bank.bank_account_holder)} for code in codes if code.payload
        ]
        amounts = [euros(code.amount) if code.amount is not None else gettext("another amount") for code in codes]
        context["amounts_text"] = get_text_list(amounts, gettext("or"))
        return context


class SuggestedAmount(Orderable):
    """An amount editors suggest on the donate page; the same in every language, so it is not translated."""

    page = ParentalKey(DonatePage, on_delete=models.CASCADE, related_name="suggested_amounts")
    amount = EuroAmountField(
        _("amount in euros"), help_text=_("e.g. 25 or 12.50; from 0.01 to 999999999.99, the most a QR code carries.")
    )

    panels = [FieldPanel("amount")]

    class Meta(Orderable.Meta):
        verbose_name = _("suggested amount")
        verbose_name_plural = _("suggested amounts")

    def __str__(self):
        return euros(self.amount)
