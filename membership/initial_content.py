"""Membership's part of the initial content: the membership form, the volunteer and training forms and the
donate page (page makers, see home/initial_content/content.py), and how long each form's answers are kept."""

from decimal import Decimal

from home.initial_content.content import SOURCE_LANGUAGE, stable_id
from membership.models import (
    DonatePage,
    FormPage,
    FormPageField,
    FormRetention,
    MembershipFormField,
    MembershipFormPage,
    SuggestedAmount,
)

# The form pages, built with the form builder; their answers are member data.
FORMS = ["membership", "volunteer", "training"]


def form_fields(content, page_key, field_model):
    """The questions of a form; keys and stored choice values come from the source, labels from this language."""
    return [
        field_model(
            translation_key=stable_id(page_key, source_field["key"]),
            sort_order=index,
            clean_name=source_field["key"],
            label=field["label"],
            field_type=source_field["field_type"],
            required=source_field["required"],
            choices="\n".join(choice["label"] for choice in field["choices"]),
            choice_keys="\n".join(choice["key"] for choice in source_field["choices"]),
            help_text=field["help_text"],
            default_value="",
        )
        for index, (field, source_field) in enumerate(
            zip(content[page_key]["fields"], content.source[page_key]["fields"], strict=True)
        )
    ]


def form_page(content, page_key, model=FormPage, field_model=FormPageField, texts=()):
    """A form page with its questions, and the texts of this TOML section named in `texts`."""
    data = content[page_key]
    return model(
        **content.page_fields(page_key),
        intro=data["intro"],
        thank_you_text=data["thank_you_text"],
        submit_label=data["submit_label"],
        form_fields=form_fields(content, page_key, field_model),
        **{name: data[name] for name in texts},
    )


def membership(content):
    return form_page(
        content,
        "membership",
        MembershipFormPage,
        MembershipFormField,
        texts=["supporting_heading", "supporting_body", "active_heading", "active_body"],
    )


def volunteer(content):
    return form_page(content, "volunteer")


def training(content):
    return form_page(content, "training")


def donate(content):
    data = content["donate"]
    return DonatePage(
        **content.page_fields("donate"),
        intro=data["intro"],
        bank_transfer_text=data["bank_transfer_text"],
        standing_order_text=data["standing_order_text"],
        tax_certificate_text=data["tax_certificate_text"],
        # Amounts are not text: every language has the source's (wagtail-localize keeps them in sync).
        suggested_amounts=[
            SuggestedAmount(sort_order=index, amount=Decimal(amount))
            for index, amount in enumerate(content.source["donate"]["suggested_amounts"])
        ],
    )


def keep_answers(loader):
    """Each form starts with the retention of its answers the content gives; officers change it later."""
    created = 0
    for key in FORMS:
        _, was_created = FormRetention.objects.get_or_create(
            form_key=loader.pages[key].translation_key,
            defaults={"retention_days": loader.contents[SOURCE_LANGUAGE][key].get("retention_days")},
        )
        created += was_created
    return created
