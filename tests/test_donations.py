"""Donors scan a payment QR code on the donate page and their banking app fills in the transfer: a real decoder
(zbar) reads each code the page serves, and the payload passes an EPC069-12 check with the union's IBAN, the
amount and the donation reference. Editors choose the amounts; bad bank details, references, names and amounts
are refused with a message; the API gives the same details and payloads."""

import io
import os
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw
from stdnum import iban as iban_number
from stdnum import iso11649
from stdnum.be import ogm_vcs
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import TranslationSource

from home.models import OrganisationSettings
from membership import epc
from membership.models import DonatePage, SuggestedAmount
from tests.test_api_schema import assert_valid
from tests.test_site_settings import field_errors, post_settings

ZBARIMG = "/usr/bin/zbarimg"
BENEFICIARY = "UTSOPI, Union des travailleuses et travailleurs du sexe organisés"
IBAN = "BE71096123456769"
BIC = "GKCCBEBB"
REFERENCE = "+++010/8068/17183+++"
REFERENCE_DIGITS = "010806817183"


def require_zbarimg():
    """Skip without zbar's decoder, saying so; CI (REQUIRE_BROWSER=1) fails instead, as for the browser tests."""
    if Path(ZBARIMG).exists():
        return
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"The QR code tests are required but {ZBARIMG} is missing (apt-get install zbar-tools).")
    pytest.skip(f"QR code decoding skipped: {ZBARIMG} is missing (apt-get install zbar-tools).")


def organisation():
    return OrganisationSettings.for_site(Site.objects.get(is_default_site=True))


def set_bank_details(**changes):
    settings = organisation()
    details = {"bank_account_holder": BENEFICIARY, "iban": IBAN, "bic": BIC, "donation_reference": REFERENCE}
    for field, value in {**details, **changes}.items():
        setattr(settings, field, value)
    settings.save()


def donate_page(language):
    return DonatePage.objects.get(locale__language_code=language)


# What a real decoder reads from the served image, checked against the EPC's guidelines.


def served_codes(html):
    """Each payment QR code of the page: its <svg> element and the amount under it."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (figure.find("svg"), figure.find("figcaption").get_text(strip=True))
        for figure in soup.select(".payment-codes figure")
    ]


def rasterise(svg, pixels_per_module=8):
    """A PNG of the served SVG, drawn from its own geometry: the viewBox, and the dark path's horizontal runs
    of one module each (segno writes `M x y.5`, relative moves `m` and runs `h`); anything else fails."""
    assert not svg.get("style"), "a style attribute breaks the CSP"
    assert not svg.find(attrs={"style": True}), "a style attribute breaks the CSP"
    _, _, width, height = (int(float(number)) for number in svg["viewbox"].split())
    [dark] = svg.find_all("path", attrs={"stroke": True})
    assert dark["stroke"] == "#000"
    assert not dark.get("transform")
    assert not dark.get("stroke-width")
    image = Image.new("L", (width * pixels_per_module, height * pixels_per_module), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, arguments in re.findall(r"([A-Za-z])([^A-Za-z]*)", dark["d"]):
        numbers = [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", arguments)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command == "h":
            row = int(y)
            draw.rectangle(
                (
                    int(x) * pixels_per_module,
                    row * pixels_per_module,
                    int(x + numbers[0]) * pixels_per_module - 1,
                    (row + 1) * pixels_per_module - 1,
                ),
                fill=0,
            )
            x += numbers[0]
        else:
            raise AssertionError(f"unexpected SVG path command {command!r}")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def decode(png, tmp_path):
    """The exact bytes zbarimg reads from the image (-Sbinary: no character set guessing, no added newline)."""
    image = tmp_path / "code.png"
    image.write_bytes(png)
    result = subprocess.run(
        [ZBARIMG, "--raw", "-q", "-Sbinary", str(image)], capture_output=True, timeout=30, check=False
    )
    assert result.returncode == 0, f"zbarimg found no code: {result.stderr.decode(errors='replace')}"
    return result.stdout


def epc_problems(payload):
    """What is wrong with a payload by EPC069-12 (version 002, UTF-8, SEPA credit transfer); [] if nothing."""
    problems = []
    if len(payload) > epc.MAX_PAYLOAD_BYTES:
        problems.append(f"{len(payload)} bytes, more than 331")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return [*problems, "not UTF-8"]
    if "\r" in text:
        problems.append("carriage returns: lines end with LF only here")
    lines = text.split("\n")
    if not 7 <= len(lines) <= 12:
        return [*problems, f"{len(lines)} lines, not 7 to 12"]
    if lines[-1] == "":
        problems.append("something after the last element")
    lines += [""] * (12 - len(lines))
    service, version, charset, identification, bic, name, iban, amount, purpose, reference, text, note = lines
    expected = [("service tag", service, "BCD"), ("version", version, "002"), ("character set", charset, "1")]
    expected.append(("identification", identification, "SCT"))
    problems += [f"{label} {value!r}, not {want!r}" for label, value, want in expected if value != want]
    if bic and not re.fullmatch(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", bic):
        problems.append(f"BIC {bic!r}")
    if not 1 <= len(name) <= 70:
        problems.append(f"beneficiary name of {len(name)} characters")
    if not iban_number.is_valid(iban) or iban != iban_number.compact(iban):
        problems.append(f"IBAN {iban!r}")
    match = re.fullmatch(r"EUR([0-9]{1,9}(?:\.[0-9]{1,2})?)", amount)
    if amount and not (match and Decimal("0.01") <= Decimal(match[1]) <= Decimal("999999999.99")):
        problems.append(f"amount {amount!r}")
    if purpose and not re.fullmatch(r"[A-Z0-9]{1,4}", purpose):
        problems.append(f"purpose {purpose!r}")
    if reference and text:
        problems.append("both a structured reference and a text")
    if reference and not (len(reference) <= 35 and (iso11649.is_valid(reference) or ogm_vcs.is_valid(reference))):
        problems.append(f"structured reference {reference!r}")
    if len(text) > 140 or len(note) > 70:
        problems.append("remittance text or note too long")
    return problems


def epc_fields(payload):
    lines = payload.decode("utf-8").split("\n")
    return dict(zip(["bic", "name", "iban", "amount", "purpose", "reference"], lines[4:10] + [""] * 6, strict=False))


def test_the_validator_of_this_file_refuses_what_the_guidelines_refuse():
    good = f"BCD\n002\n1\nSCT\n{BIC}\nUTSOPI\n{IBAN}\nEUR12.50\n\n{REFERENCE_DIGITS}".encode()
    assert epc_problems(good) == []
    assert epc_problems(good.replace(b"002", b"001"))
    assert epc_problems(good.replace(b"EUR12.50", b"EUR12.505"))
    assert epc_problems(good.replace(b"EUR12.50", b"EUR1000000000"))
    assert epc_problems(good.replace(IBAN.encode(), b"BE71096123456768"))
    assert epc_problems(good.replace(REFERENCE_DIGITS.encode(), b"010806817184"))
    assert epc_problems(good + b"\nand a text")
    assert epc_problems(good + b"\n")
    assert epc_problems(good.replace(b"UTSOPI", b"U" * 71))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_each_code_on_the_donate_page_decodes_to_a_valid_transfer_with_its_amount(client, tmp_path, language):
    require_zbarimg()
    set_bank_details()
    response = client.get(donate_page(language).url)
    assert response.status_code == 200
    codes = served_codes(response.content.decode())
    assert len(codes) == 4, "10, 25 and 50 euros, and another amount"

    amounts = []
    for svg, caption in codes:
        name = svg.find("title").get_text()
        assert svg["role"] == "img"
        assert BENEFICIARY in name
        assert caption in name or not caption.startswith("€"), "the code's accessible name says its amount"
        payload = decode(rasterise(svg), tmp_path)
        assert epc_problems(payload) == [], payload
        fields = epc_fields(payload)
        assert (fields["name"], fields["iban"], fields["bic"]) == (BENEFICIARY, IBAN, BIC)
        assert fields["reference"] == REFERENCE_DIGITS
        amounts.append(fields["amount"])
    assert amounts == ["EUR10.00", "EUR25.00", "EUR50.00", ""]


@pytest.mark.django_db
def test_the_details_are_written_out_for_people_who_cannot_scan(client):
    set_bank_details()
    soup = BeautifulSoup(client.get(donate_page("en").url).content, "html.parser")
    details = {
        row.find("dt").get_text(strip=True): row.find("dd").get_text(strip=True)
        for row in soup.select(".bank-details__row")
    }
    assert details == {
        "Account holder": BENEFICIARY,
        "IBAN": "BE71 0961 2345 6769",
        "BIC": BIC,
        "Structured communication": REFERENCE,
        "Amount": "€10, €25, €50 or another amount",
    }
    assert not soup.select(".bank-details .visually-hidden"), "visible to everybody, not to screen readers only"
    assert [caption for _svg, caption in served_codes(str(soup))] == ["€10", "€25", "€50", "Another amount"]
    assert soup.find("h2", string="Give every month")
    assert soup.find("h2", string="Tax certificates")


@pytest.mark.django_db
def test_amounts_follow_the_visitors_language(client):
    page = donate_page("nl")
    page.suggested_amounts.add(SuggestedAmount(amount=Decimal("12.50"), sort_order=3))
    page.save_revision().publish()
    set_bank_details()
    captions = [caption for _svg, caption in served_codes(client.get(page.url).content.decode())]
    assert "€ 12,50" in captions
    french = donate_page("fr")
    french.suggested_amounts.add(SuggestedAmount(amount=Decimal("12.50"), sort_order=3))
    french.save_revision().publish()
    captions = [caption for _svg, caption in served_codes(client.get(french.url).content.decode())]
    assert "12,50 €" in captions


@pytest.mark.django_db
@pytest.mark.parametrize("missing", ["bank_account_holder", "iban", "donation_reference"])
def test_without_the_name_iban_or_reference_the_page_shows_no_code_and_still_works(client, missing):
    set_bank_details(**{missing: ""})
    for language in ["nl", "fr", "en"]:
        response = client.get(donate_page(language).url)
        assert response.status_code == 200
        assert served_codes(response.content.decode()) == []
        html = response.content.decode()
        assert ("BE71 0961 2345 6769" in html) == (missing != "iban")


@pytest.mark.django_db
def test_the_api_gives_the_bank_details_and_each_amounts_payload(client, tmp_path):
    set_bank_details()
    page = donate_page("fr")
    openapi = client.get("/api/v2/openapi.json").json()
    response = client.get(f"/api/v2/pages/{page.id}/")
    assert_valid(openapi, "/pages/{id}/", response)
    donation = response.json()["donation"]
    assert {key: donation[key] for key in ["beneficiary", "iban", "bic", "reference"]} == {
        "beneficiary": BENEFICIARY,
        "iban": IBAN,
        "bic": BIC,
        "reference": REFERENCE,
    }
    assert [entry["amount"] for entry in donation["suggested_amounts"]] == ["10.00", "25.00", "50.00", None]
    assert client.get("/api/v2/site/", {"locale": "fr"}).json()["donations"]["reference"] == REFERENCE
    for entry in donation["suggested_amounts"]:
        assert epc_problems(entry["epc_payload"].encode()) == []
    if Path(ZBARIMG).exists():
        [(svg, _caption), *_] = served_codes(client.get(page.url).content.decode())
        assert decode(rasterise(svg), tmp_path).decode() == donation["suggested_amounts"][0]["epc_payload"]

    set_bank_details(donation_reference="")
    response = client.get(f"/api/v2/pages/{page.id}/")
    assert_valid(openapi, "/pages/{id}/", response)
    assert [entry["epc_payload"] for entry in response.json()["donation"]["suggested_amounts"]] == [None] * 4


# Editors: settings and amounts, and what is refused.


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["010806817183", "+++010/8068/17183+++", "***010/8068/17183***", "010/8068/17183"])
def test_the_reference_is_saved_in_its_written_form(editor_client, typed):
    response = post_settings(editor_client, donation_reference=typed)
    assert response.status_code == 302
    assert organisation().donation_reference == REFERENCE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("iban", "BE71 0961 2345 6768", "This is not a valid IBAN"),
        ("bic", "GKCC", "This is not a valid BIC"),
        ("donation_reference", "+++010/8068/17184+++", "This is not a valid structured communication"),
        ("donation_reference", "donation", "This is not a valid structured communication"),
        ("bank_account_holder", "U" * 71, "A payment QR code holds at most 70 characters for the beneficiary name"),
    ],
)
def test_bad_bank_details_are_refused_with_a_message_keeping_what_was_typed(editor_client, field, typed, message):
    set_bank_details()
    before = organisation()
    response = post_settings(editor_client, **{field: typed})
    assert response.status_code == 200
    assert [error for error in field_errors(response) if error.startswith(message)], field_errors(response)
    form = BeautifulSoup(response.content, "html.parser").find("form", id="w-editor-form")
    assert form.find("input", attrs={"name": field})["value"] == typed
    assert getattr(organisation(), field) == getattr(before, field)


@pytest.mark.django_db
def test_a_name_too_big_for_the_code_in_bytes_is_refused(editor_client):
    set_bank_details()
    name = "\N{ROSE}" * 70  # 70 characters, but four bytes each
    response = post_settings(editor_client, bank_account_holder=name)
    assert response.status_code == 200
    assert any("takes too much room in a payment QR code" in error for error in field_errors(response))


def edit_donate_page(client, page, amounts):
    """The donate page's edit form as an editor posts it, publishing, with these suggested amounts typed in."""
    url = f"/admin/pages/{page.id}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    existing = int(data["suggested_amounts-TOTAL_FORMS"])
    for index in range(existing):
        data[f"suggested_amounts-{index}-DELETE"] = "1"
    for index, amount in enumerate(amounts, start=existing):
        data.update(
            {
                f"suggested_amounts-{index}-amount": amount,
                f"suggested_amounts-{index}-id": "",
                f"suggested_amounts-{index}-ORDER": str(index + 1),
            }
        )
    data["suggested_amounts-TOTAL_FORMS"] = str(existing + len(amounts))
    data["action-publish"] = "action-publish"
    return client.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1000000000", "A payment QR code carries at most 999999999.99 euros"),
        ("99999999999999", "A payment QR code carries at most 999999999.99 euros"),
        ("0", "Enter an amount of at least 0.01 euro."),
        ("-5", "Enter an amount of at least 0.01 euro."),
    ],
)
def test_an_amount_a_code_cannot_carry_is_refused_with_a_message(editor_client, typed, message):
    page = donate_page("nl")
    response = edit_donate_page(editor_client, page, [typed])
    assert response.status_code == 200
    errors = field_errors(response)
    assert any(error.startswith(message) for error in errors), errors
    assert [amount.amount for amount in donate_page("nl").suggested_amounts.all()] == [10, 25, 50]


@pytest.mark.django_db
def test_editors_choose_the_amounts_up_to_the_largest_a_code_carries(client, editor_client, tmp_path):
    response = edit_donate_page(editor_client, donate_page("nl"), ["5", "999999999.99"])
    assert response.status_code == 302, field_errors(response)
    set_bank_details()
    client.logout()
    codes = served_codes(client.get(donate_page("nl").url).content.decode())
    assert [caption for _svg, caption in codes][:2] == ["€ 5", "€ 999999999,99"]
    if Path(ZBARIMG).exists():
        assert epc_fields(decode(rasterise(codes[1][0]), tmp_path))["amount"] == "EUR999999999.99"


@pytest.mark.django_db
def test_translations_get_the_dutch_amounts_when_they_are_synchronised(client):
    page = donate_page("nl")
    page.suggested_amounts.add(SuggestedAmount(amount=Decimal("100"), sort_order=3))
    page.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(page)
    source.create_or_update_translation(Locale.objects.get(language_code="fr"))
    french = donate_page("fr")
    assert [amount.amount for amount in french.suggested_amounts.all()] == [10, 25, 50, 100]


# The payload module itself.


def test_the_payload_refuses_what_a_code_cannot_carry():
    details = {"beneficiary": "UTSOPI", "iban": IBAN, "bic": BIC, "reference": REFERENCE_DIGITS}
    assert epc.credit_transfer_payload(**details, amount=Decimal("12.5")).endswith("\nEUR12.50\n\n010806817183")
    with pytest.raises(epc.PaymentCodeError, match="amount"):
        epc.credit_transfer_payload(**details, amount=Decimal("1000000000"))
    with pytest.raises(epc.PaymentCodeError, match="amount"):
        epc.credit_transfer_payload(**details, amount=Decimal("0"))
    with pytest.raises(epc.PaymentCodeError, match="beneficiary"):
        epc.credit_transfer_payload(**{**details, "beneficiary": "U" * 71})
    with pytest.raises(epc.PaymentCodeError, match="bytes"):
        epc.credit_transfer_payload(**{**details, "beneficiary": "\N{ROSE}" * 70}, amount=Decimal("10"))
    with pytest.raises(epc.PaymentCodeError, match="not both"):
        epc.credit_transfer_payload(**details, text="gift")
    assert epc.qr_code(epc.credit_transfer_payload(**details)).error == "M"
