"""Serializer fields for what Wagtail's API does not give out of the box."""

from django.conf import settings
from django.urls import reverse
from rest_framework.fields import Field
from wagtail.rich_text import expand_db_html

from utsopi_site.api.representations import absolute, image_representation


class TranslationsField(Field):
    """Each live translation of a page: enough for a language switcher and hreflang in one request."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        router = self.context.get("router")
        translations = page.get_translations(inclusive=True).live().public().select_related("locale")
        return [
            {
                "locale": translation.locale.language_code,
                "title": translation.title,
                "url": absolute(request, translation.get_url(request)),
                "api_url": absolute(request, router.get_object_detail_urlpath(type(page), translation.id)),
            }
            for translation in translations.order_by("locale__language_code")
        ]


class TimelineEntryField(Field):
    """Timeline entries in chronological order, with their date written as precisely as it is known."""

    openapi_schema = {"type": "array", "items": {"$ref": "#/components/schemas/TimelineEntry"}}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "date": entry.date_iso,
                "precision": entry.precision,
                "date_display": entry.date_display,
                "title": entry.title,
                "text": expand_db_html(entry.text),
                "image": image_representation(entry.image, request, alt=entry.image_caption),
                "image_caption": entry.image_caption,
                "image_credit": entry.image_credit,
            }
            for entry in page.chronological_entries()
        ]


class FormField(Field):
    """A form's questions as the HTML form asks them, so any front end can render and send it.

    Built from the page's own form class: a front end sees the same keys, limits and choices as the
    HTML form, and its replies go through the same checks (utsopi_site.api.submissions).
    """

    openapi_schema = {"$ref": "#/components/schemas/Form"}

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        fields = page.get_form_fields()
        form_class = page.form_builder(fields).get_form_class()
        return {
            "questions": [question(field, form_class.base_fields[field.clean_name]) for field in fields],
            "submission_url": absolute(request, reverse("api_form_replies", args=[page.id])),
            "send_after_seconds": settings.MEMBER_FORMS_MIN_FILL_SECONDS,
        }


def question(field, form_field):
    """One question: its stable key, what it asks, and its choices under their stable keys."""
    return {
        "key": field.clean_name,
        "type": field.field_type,
        "label": str(form_field.label),
        "help_text": str(form_field.help_text or ""),
        "required": form_field.required,
        "max_length": getattr(form_field, "max_length", None),
        "choices": [{"key": key, "label": str(label)} for key, label in getattr(form_field, "choices", [])],
        "default": default_answer(field.field_type, form_field.initial),
    }


def default_answer(field_type, initial):
    """The pre-filled answer in the JSON shape a reply uses for this type of question."""
    if field_type == "checkbox":
        return bool(initial)
    if field_type in {"checkboxes", "multiselect"}:
        return list(initial or [])
    if isinstance(initial, list | tuple):  # single-choice questions keep their default key in a list
        return initial[0] if initial else None
    return initial or None


class DonationField(Field):
    """What a donor needs to give by bank transfer: the organisation settings' bank details and reference, and
    each amount of the donate page with the EPC069-12 payload of its payment QR code, for an app to make its own
    code or open the banking app with it."""

    openapi_schema = {
        "type": "object",
        "properties": {
            "beneficiary": {"type": "string", "description": "The account holder; empty until it is set"},
            "iban": {"type": "string", "description": "Without spaces; empty until it is set"},
            "bic": {"type": "string"},
            "reference": {
                "type": "string",
                "description": "The Belgian structured communication every donor quotes, +++xxx/xxxx/xxxxx+++",
            },
            "suggested_amounts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "amount": {
                            "type": ["string", "null"],
                            "pattern": r"^[0-9]{1,9}\.[0-9]{2}$",
                            "description": "In euros; null: the donor chooses the amount",
                        },
                        "epc_payload": {
                            "type": ["string", "null"],
                            "maxLength": 331,
                            "description": "The text of the EPC QR code (EPC069-12 version 002, UTF-8); null while "
                            "the settings lack the beneficiary, the IBAN or the reference",
                        },
                    },
                    "required": ["amount", "epc_payload"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["beneficiary", "iban", "bic", "reference", "suggested_amounts"],
        "additionalProperties": False,
    }

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        organisation = page.organisation_settings(self.context.get("request"))
        return {
            "beneficiary": organisation.bank_account_holder,
            "iban": organisation.iban,
            "bic": organisation.bic,
            "reference": organisation.donation_reference,
            "suggested_amounts": [
                {"amount": None if code.amount is None else f"{code.amount:.2f}", "epc_payload": code.payload}
                for code in page.payment_codes(organisation)
            ],
        }
