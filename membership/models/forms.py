"""The forms staff build with Wagtail's form builder: membership, volunteering, training requests.

They share one protected base: answers go to the encrypted Submission model, only membership
officers see them, every language version of a form feeds one dataset with the same keys, and the
pages are never cached anywhere.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import models
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.coreutils import safe_snake_case
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.blocks import TEXT_FEATURES
from home.models import OrganisationSettings
from home.site_urls import absolute_url
from membership.api_fields import FormField
from membership.forms import CHOICE_TYPES, ProtectedFormBuilder

from .submissions import FormRetention, Submission

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def split_choices(text):
    return _split_by_newline_or_comma(text) if text and text.strip() else []


def derive_choice_keys(labels, previous_labels, previous_keys):
    """Keys for `labels` that keep every existing key: a label kept, moved or renamed in place keeps its key."""
    known = dict(zip(previous_labels, previous_keys, strict=False))
    keys = [known.get(label) for label in labels]
    for index, label in enumerate(labels):
        if keys[index] is not None:
            continue
        renamed_in_place = (
            index < min(len(previous_labels), len(previous_keys)) and previous_labels[index] not in labels
        )
        key = previous_keys[index] if renamed_in_place else safe_snake_case(label) or f"choice_{index + 1}"
        candidate, suffix = key, 2
        while candidate in keys:
            candidate, suffix = f"{key}_{suffix}", suffix + 1
        keys[index] = candidate
    return keys


class ProtectedFormField(TranslatableMixin, AbstractFormField):
    """A question. Its key (clean_name) and its choice keys are shared by every language, so answers match.

    Translators translate the label, help text and choice labels; the keys are synchronised from the
    source language and never translated, and choice i of any language is stored under key i.
    """

    choice_keys = models.TextField(
        blank=True,
        editable=False,
        help_text=_("The stored value of each choice, one per line, in the order of the choices."),
    )

    override_translatable_fields = [SynchronizedField("clean_name"), SynchronizedField("choice_keys")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = True
        verbose_name = _("form field")

    def choice_options(self):
        """[(stable key, label in this language)] for the choices."""
        labels = split_choices(self.choices)
        keys = self.choice_keys.split()
        return [
            (keys[index] if index < len(keys) else safe_snake_case(label), label) for index, label in enumerate(labels)
        ]

    def default_choice_keys(self):
        by_label = {label: key for key, label in self.choice_options()}
        return [by_label[label] for label in split_choices(self.default_value) if label in by_label]

    def is_translation(self):
        """A copy made by translating the page: wagtail-localize creates it after the original."""
        others = type(self).objects.filter(translation_key=self.translation_key)
        if self.pk is None:
            return others.exists()
        return others.filter(pk__lt=self.pk).exists()

    def save(self, *args, **kwargs):
        if self.field_type in CHOICE_TYPES and not self.is_translation():
            previous = type(self).objects.filter(pk=self.pk).values_list("choices", "choice_keys").first()
            previous_choices, previous_keys = previous or (self.choices, self.choice_keys)
            self.choice_keys = "\n".join(
                derive_choice_keys(split_choices(self.choices), split_choices(previous_choices), previous_keys.split())
            )
        super().save(*args, **kwargs)


def reject_garbled_post(request):
    """A reply that no browser sends from this form (wrong content type, undecodable text) gets a 400."""
    if request.content_type not in FORM_CONTENT_TYPES:
        raise BadRequest("Unexpected content type for a form.")
    garbled = BadRequest("Form data that is not valid text in the page's encoding.")
    if request.content_type == "application/x-www-form-urlencoded":
        # Bytes that are not text in the page's encoding are read as Latin-1 by Django, without a replacement
        # character to notice, so the body itself is checked (browsers send only percent-encoded ASCII).
        try:
            request.body.decode(request.encoding or settings.DEFAULT_CHARSET)
        except UnicodeDecodeError:
            raise garbled from None
    for key, values in request.POST.lists():
        if "\ufffd" in key or any("\ufffd" in value for value in values):
            raise garbled


class ProtectedFormPage(AbstractForm):
    """What every form page shares: protected storage, need-to-know access, no cache, spam traps."""

    intro = RichTextField(features=TEXT_FEATURES, blank=True, help_text=_("Shown above the form."))
    submit_label = models.CharField(max_length=40, default="Verstuur", help_text=_("Text of the send button."))
    thank_you_text = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text=_("Shown after someone has sent the form.")
    )

    form_builder = ProtectedFormBuilder
    api_fields = [
        APIField("intro"),
        APIField("form", serializer=FormField()),
        APIField("submit_label"),
        APIField("thank_you_text"),
    ]
    # Days the answers are kept before purge_expired_submissions deletes them; None: until erased.
    # Only the starting value: membership officers change it per form (FormRetention).
    default_retention_days = 365

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description

    def get_submission_class(self):
        return Submission

    def get_submissions(self):
        """The submissions of every language version of this form: one dataset."""
        return Submission.objects.filter(page__translation_key=self.translation_key)

    def get_submissions_list_view_class(self):
        from membership.views import SubmissionsView

        return SubmissionsView

    def get_data_fields(self):
        return [
            ("reference", _("Reference")),
            ("submit_time", _("Submission date")),
            ("language", _("Language")),
            *[(field.clean_name, field.label) for field in self.get_form_fields()],
            ("consent_version", _("Consent text version")),
            ("consented_at", _("Consent given at")),
        ]

    def consent_text(self):
        """The consent shown: the text of the form's required checkboxes, in the language of this version."""
        return "\n".join(
            field.label for field in self.get_form_fields() if field.field_type == "checkbox" and field.required
        )

    def retention(self):
        return FormRetention.for_form(self)

    def process_form_submission(self, form):
        return Submission.objects.record(page=self, answers=form.answers(), consent_text=self.consent_text())

    @sensitive_variables()
    def serve(self, request, *args, **kwargs):
        """Error reports show neither the POST data nor the variables of any frame below this one."""
        request.sensitive_post_parameters = "__ALL__"
        status = 200
        if request.method == "POST":
            reject_garbled_post(request)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user, request=request)
            if form.is_valid():
                return self.render_landing_page(request, self.process_form_submission(form), *args, **kwargs)
            if form.blocked:
                logger.info("Refused a reply to form page %s: %s", self.pk, form.blocked)
                status = 429 if form.blocked == "rate_limit" else 200
        else:
            form = self.get_form(page=self, user=request.user, request=request)
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        add_never_cache_headers(response)
        return response

    @sensitive_variables()
    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """The thank-you page, with the member's reference and secret in a small file to download."""
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        if getattr(form_submission, "secret", None):
            response.context_data["key_file"] = render_to_string(
                "membership/my_sign_up/key.txt",
                {
                    "submission": form_submission,
                    "organisation_name": OrganisationSettings.for_request(request).organisation_name,
                    "my_sign_up_url": absolute_url(request, reverse("membership_my_sign_up")),
                },
            )
        add_never_cache_headers(response)
        return response


class MembershipFormField(ProtectedFormField):
    page = ParentalKey("MembershipFormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(ProtectedFormField.Meta):
        abstract = False


class MembershipFormPage(ProtectedFormPage):
    """The sign-up form, with the two forms of membership explained beside it."""

    supporting_heading = models.CharField(max_length=120, blank=True, help_text=_("e.g. Supporting member"))
    supporting_body = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text=_("What being a supporting member involves.")
    )
    active_heading = models.CharField(max_length=120, blank=True, help_text=_("e.g. Active member"))
    active_body = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text=_("What being an active member involves.")
    )

    default_retention_days = None  # a membership lasts until the member or an officer ends it

    api_fields = [
        *ProtectedFormPage.api_fields,
        APIField("supporting_heading"),
        APIField("supporting_body"),
        APIField("active_heading"),
        APIField("active_body"),
    ]

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

    class Meta:
        verbose_name = _("membership form page")


class FormPageField(ProtectedFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(ProtectedFormField.Meta):
        abstract = False


class FormPage(ProtectedFormPage):
    """Any other form staff build: volunteering, training requests, and those to come."""

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("submit_label"),
        FieldPanel("thank_you_text"),
    ]

    class Meta:
        verbose_name = _("form page")
