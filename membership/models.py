"""Joining and giving: the membership form built with Wagtail's form builder, and the donate page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.blocks import TEXT_FEATURES
from home.models.pages import BasePage


class MembershipFormField(TranslatableMixin, AbstractFormField):
    """A question of the form. Its key (clean_name) is shared by every language, so answers land in one dataset."""

    page = ParentalKey("MembershipFormPage", on_delete=models.CASCADE, related_name="form_fields")

    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")


class MembershipFormPage(AbstractForm):
    """The sign-up form, with the two forms of membership explained beside it."""

    intro = RichTextField(features=TEXT_FEATURES, blank=True, help_text=_("Shown above the form."))
    supporting_heading = models.CharField(max_length=120, blank=True, help_text=_("e.g. Supporting member"))
    supporting_body = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text=_("What being a supporting member involves.")
    )
    active_heading = models.CharField(max_length=120, blank=True, help_text=_("e.g. Active member"))
    active_body = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text=_("What being an active member involves.")
    )
    submit_label = models.CharField(max_length=40, default="Verstuur", help_text=_("Text of the send button."))
    thank_you_text = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text=_("Shown after someone has sent the form.")
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("supporting_heading"),
                FieldPanel("supporting_body"),
                FieldPanel("active_heading"),
                FieldPanel("active_body"),
            ],
            heading=_("The forms of membership"),
        ),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("submit_label"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("membership form page")

    @property
    def meta_description(self):
        return self.search_description


class DonatePage(BasePage):
    """Why donations matter; the bank details themselves come from the organisation settings."""

    bank_transfer_text = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("How to give by bank transfer; the account number is added from the settings."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("bank_transfer_text")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("donate page")
