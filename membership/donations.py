"""Donations, the part of membership that brings in money rather than members: the API's view of the donate
page and the bank details as donors read them. The page and the settings are in membership/models/donate.py,
the payment QR codes in membership/epc.py."""

from rest_framework.fields import Field

from home.openapi import STRING, obj


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


SITE_DONATIONS_SCHEMA = obj({"account_holder": STRING, "iban": STRING, "bic": STRING, "reference": STRING})


def site_donations(organisation):
    """The bank details in the API's site content, for a front end's footer or donate screen."""
    return {
        "account_holder": organisation.bank_account_holder,
        "iban": organisation.iban,
        "bic": organisation.bic,
        "reference": organisation.donation_reference,
    }
