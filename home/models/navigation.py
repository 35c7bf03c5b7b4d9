"""Menus and site-wide texts: translatable snippets, so each language has its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin


class Menu(TranslatableMixin, ClusterableModel):
    name = models.CharField(max_length=80, help_text=_("For staff only, e.g. 'Main menu' or 'Footer menu'."))

    panels = [FieldPanel("name"), InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")

    def __str__(self):
        return self.name


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page this item leads to; visitors get it in their own language."),
    )
    label = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("Leave empty to use the page's title."),
    )

    panels = [FieldPanel("page"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")

    def __str__(self):
        return self.label or self.page.title


class FooterText(TranslatableMixin, models.Model):
    body = RichTextField(
        features=["bold", "italic", "link"],
        help_text=_("The short text shown in every page's footer."),
    )

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text"))
