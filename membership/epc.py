"""The payment QR code banking apps read to fill in a SEPA credit transfer: the European Payments Council's
EPC069-12 code, version 002, in UTF-8 (character set 1), error correction M, at most 331 bytes of payload.

segno encodes the QR code. Its own helper, segno.helpers.make_epc_qr, does not fit: it requires an amount (the
"another amount" code has none, so the donor types it in), picks the smallest character set rather than UTF-8,
and writes EUR10.00 as EUR10. So the payload is built here and segno encodes it as it is.

Where the Belgian structured communication goes: in the structured remittance field (line 10), as its twelve
digits only, with the unstructured remittance line left out (the guidelines allow one or the other, never
both). In a SEPA transfer, Belgian banks carry a structured communication as a structured creditor reference
(Febelfin's XML standard, issuer "BBA"), and the Belgian software that prints these codes puts it in the
structured field the same way, "+++010/8068/17183+++" becoming "010806817183" (Odoo's account_qr_code_sepa,
with its sanitize_structured_reference). Put in the unstructured field instead, banking apps treat it as a
free message (letspeppol/letspeppol#274), so the bank statement no longer marks it as the union's reference.
"""

from decimal import Decimal
from functools import lru_cache

import segno
from stdnum import bic as bic_number
from stdnum import iban as iban_number
from stdnum.be import ogm_vcs
from stdnum.exceptions import ValidationError as NumberError

MAX_PAYLOAD_BYTES = 331
MIN_AMOUNT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999.99")
MAX_BENEFICIARY_LENGTH = 70
MAX_REFERENCE_LENGTH = 35
MAX_TEXT_LENGTH = 140


class PaymentCodeError(ValueError):
    """What was asked cannot be put in an EPC QR code; the message says why."""


def structured_reference(communication):
    """A Belgian structured communication as it goes in the code, digits only: +++010/8068/17183+++ -> 010806817183."""
    try:
        return ogm_vcs.validate(communication.replace("*", ""))
    except NumberError as error:
        raise PaymentCodeError(f"not a Belgian structured communication: {communication!r}") from error


def credit_transfer_payload(*, beneficiary, iban, bic="", amount=None, reference="", text=""):
    """The payload of the code: one element a line, in the guidelines' order, with nothing after the last one.

    `amount` None leaves the amount to the donor; `reference` is a structured creditor reference (for a
    Belgian structured communication, its digits: see structured_reference) and `text` free text, one or
    the other.
    """
    beneficiary = beneficiary.strip()
    if not 0 < len(beneficiary) <= MAX_BENEFICIARY_LENGTH:
        raise PaymentCodeError(f"the beneficiary name must have 1 to {MAX_BENEFICIARY_LENGTH} characters")
    try:
        iban = iban_number.validate(iban)
        bic = bic_number.validate(bic) if bic else ""
    except NumberError as error:
        raise PaymentCodeError(f"invalid bank details: {error.message}") from error
    if amount is not None and not MIN_AMOUNT <= amount <= MAX_AMOUNT:
        raise PaymentCodeError(f"the amount must be from {MIN_AMOUNT} to {MAX_AMOUNT} euros")
    if amount is not None and amount != amount.quantize(Decimal("0.01")):
        raise PaymentCodeError("the amount can have at most two decimals")
    if reference and text:
        raise PaymentCodeError("a structured reference or a text, not both")
    if len(reference) > MAX_REFERENCE_LENGTH or len(text) > MAX_TEXT_LENGTH:
        raise PaymentCodeError("the reference or the text is too long")
    lines = [
        "BCD",  # service tag
        "002",  # version
        "1",  # character set: UTF-8
        "SCT",  # identification: SEPA credit transfer
        bic,  # optional in version 002 within the EEA
        beneficiary,
        iban,
        f"EUR{amount:.2f}" if amount is not None else "",
        "",  # purpose code
        reference,  # remittance information, structured
        text,  # remittance information, unstructured
    ]
    while not lines[-1]:
        lines.pop()
    payload = "\n".join(lines)
    size = len(payload.encode("utf-8"))
    if size > MAX_PAYLOAD_BYTES:
        raise PaymentCodeError(f"the payload has {size} bytes, more than the {MAX_PAYLOAD_BYTES} allowed")
    return payload


def qr_code(payload):
    """The QR code of a payload: error correction M exactly (no boost), UTF-8 bytes, no ECI marker, no micro code."""
    return segno.make(payload, error="m", boost_error=False, encoding="utf-8", micro=False)


@lru_cache(maxsize=128)
def svg(payload, title):
    """The code as inline SVG: dark modules on a white square (scannable on any background, and printed),
    sized by CSS through its viewBox, named by its <title> for assistive technology; no style attribute.

    Encoding takes about 15 ms a code and the same codes are asked for again and again, so each process
    keeps the last ones it made."""
    markup = qr_code(payload).svg_inline(
        title=title, dark="#000", light="#fff", omitsize=True, svgclass="payment-code", lineclass=None
    )
    return markup.replace("<svg ", '<svg role="img" ', 1)
