"""Donations, the part of membership that brings in money rather than members: the bank details as donors
read them, on the donate page and in the API. The donate page and the donation settings (the bank details)
are in membership/models/donate.py, the payment QR codes in membership/epc.py."""

from rest_framework.fields import Field
from stdnum import iban as iban_number

from home.openapi import STRING, obj


class DonationField(Field):
    """What a donor needs to give by bank transfer: the donation settings' bank details and reference, and
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
        bank = page.donation_settings(self.context.get("request"))
        return {
            "beneficiary": bank.bank_account_holder,
            "iban": bank.iban,
            "bic": bank.bic,
            "reference": bank.donation_reference,
            "suggested_amounts": [
                {"amount": None if code.amount is None else f"{code.amount:.2f}", "epc_payload": code.payload}
                for code in page.payment_codes(bank)
            ],
        }


SITE_DONATIONS_SCHEMA = obj({"account_holder": STRING, "iban": STRING, "bic": STRING, "reference": STRING})


def site_donations(bank):
    """The donation settings in the API's site content, for a front end's footer or donate screen."""
    return {
        "account_holder": bank.bank_account_holder,
        "iban": bank.iban,
        "bic": bank.bic,
        "reference": bank.donation_reference,
    }


def format_iban(value):
    """BE68539007547034 -> BE68 5390 0754 7034, as donors read it from paper or a screen."""
    if not value:
        return ""
    return iban_number.format(value)
