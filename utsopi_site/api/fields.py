"""Serializer fields for what Wagtail's API does not give out of the box."""

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
