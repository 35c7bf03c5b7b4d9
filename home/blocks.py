"""The one set of StreamField blocks shared by every page type, so editors learn them once."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from home.representations import image_representation, page_link_representation

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


def example_page():
    """A live page of the site, so that the preview of a block linking to a page shows a working link."""
    return Page.objects.live().filter(depth__gt=2).order_by("path").first()


class SectionBlock(blocks.StructBlock):
    """A titled section that gets an anchor and an entry in the page's table of contents."""

    heading = blocks.CharBlock(max_length=160, help_text=_("The section's title, listed in the table of contents."))
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=_("Optional web address fragment for links to this section; made from the title when empty."),
    )
    body = blocks.RichTextBlock(features=TEXT_FEATURES, help_text=_("The text of the section."))

    class Meta:
        icon = "title"
        label = _("Titled section")
        template = "blocks/section_block.html"
        description = _("A section with its own title, anchor and entry in the table of contents.")
        preview_value = {
            "heading": "Sekswerk is werk",
            "body": "<p>Sekswerkers verdienen, net als iedereen, wettelijke bescherming tijdens het werk.</p>",
        }

    def get_api_representation(self, value, context=None):
        return {**super().get_api_representation(value, context), "anchor": self.get_anchor(value)}

    def get_anchor(self, value):
        return value.get("anchor") or slugify(value.get("heading", ""), allow_unicode=True)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["anchor"] = self.get_anchor(value)
        return context


class FigureBlock(blocks.StructBlock):
    """An image with the caption and credit an archive photo needs; alt text comes from the image."""

    image = ImageChooserBlock(help_text=_("Describe the image in its 'description' field: that is its alt text."))
    caption = blocks.CharBlock(required=False, max_length=250, help_text=_("Shown under the image."))
    credit = blocks.CharBlock(required=False, max_length=120, help_text=_("Who made the image or where it comes from."))

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/figure_block.html"
        description = _("An image with an optional caption and credit.")

    def get_preview_value(self):
        """The image uploaded last: a preview needs a real image, and the library is the site's own."""
        image = get_image_model().objects.order_by("-created_at").first()
        return self.normalize({"image": image, "caption": "Een bijeenkomst in Brussel, 2015.", "credit": "UTSOPI"})

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return {
            "image": image_representation(value["image"], request, alt=value["caption"]),
            "caption": value["caption"],
            "credit": value["credit"],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The words quoted, without quotation marks."))
    attribution = blocks.CharBlock(required=False, max_length=120, help_text=_("Who said it."))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A highlighted quotation.")
        preview_value = {"quote": "Sekswerk is werk.", "attribution": "UTSOPI"}


class PageLinkApiMixin:
    """In the API, the chosen page is resolved (id, title, url, locale) in the language being served."""

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        representation["page"] = page_link_representation(value["page"], (context or {}).get("request"))
        return representation


class CallToActionBlock(PageLinkApiMixin, blocks.StructBlock):
    page = blocks.PageChooserBlock(help_text=_("The page the button leads to, shown in the visitor's language."))
    label = blocks.CharBlock(max_length=40, help_text=_("Button text, one to three words."))
    text = blocks.CharBlock(required=False, max_length=200, help_text=_("One sentence that says why."))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        description = _("A button that leads to another page, with a sentence about it.")

    def get_preview_value(self):
        return self.normalize({"page": example_page(), "label": "Lid worden", "text": "Samen staan we sterker."})


class HighlightBlock(PageLinkApiMixin, blocks.StructBlock):
    page = blocks.PageChooserBlock(help_text=_("The page this highlight leads to."))
    heading = blocks.CharBlock(max_length=120, help_text=_("A short title."))
    text = blocks.TextBlock(help_text=_("One or two sentences."))

    class Meta:
        icon = "doc-full"
        label = _("Highlight")
        template = "blocks/highlight_block.html"
        description = _("A card that points to another page.")

    def get_preview_value(self):
        return self.normalize(
            {"page": example_page(), "heading": "Onze missie", "text": "Waarom UTSOPI bestaat en waar we voor staan."}
        )


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250, help_text=_("The question as a visitor would ask it."))
    answer = blocks.RichTextBlock(features=TEXT_FEATURES, help_text=_("The answer."))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        description = _("One question a visitor asks, with its answer.")


class QuestionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text=_("The theme of these questions, e.g. Donations."))
    questions = blocks.ListBlock(QuestionBlock(), help_text=_("The questions in this section."))

    class Meta:
        icon = "list-ul"
        label = _("Group of questions")
        template = "blocks/question_section_block.html"
        description = _("Questions and answers grouped under one theme.")
        preview_value = {
            "heading": "Lidmaatschap",
            "questions": [{"question": "Hoe word ik lid?", "answer": "<p>Via het formulier op deze site.</p>"}],
        }


class BodyBlock(blocks.StreamBlock):
    """What a general content page is made of."""

    section = SectionBlock()
    paragraph = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
        description=_("Text without its own title."),
        preview_value="<p>UTSOPI verdedigt de rechten van sekswerkers in België.</p>",
        help_text=_("Plain text with bold, italics, lists and links."),
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class SectionsBlock(blocks.StreamBlock):
    """A page made only of titled sections, such as the mission and vision."""

    section = SectionBlock()
    quote = QuoteBlock()
