"""The donate page: why giving matters; the bank details themselves come from the organisation settings."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from home.blocks import TEXT_FEATURES
from home.models.pages import BasePage


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
