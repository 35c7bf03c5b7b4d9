"""The form questions in a form page's API detail: built from the page's own form class, so a front end
sees the same keys, limits and choices as the HTML form. Kept apart from membership.api, whose views use
the models that use this field."""

from django.conf import settings
from django.urls import reverse
from rest_framework.fields import Field

from home.openapi import ref
from home.site_urls import absolute_url
from membership.forms import MULTIPLE_CHOICE_TYPES


class FormField(Field):
    """A form's questions as the HTML form asks them, so any front end can render and send it.

    Built from the page's own form class: a front end sees the same keys, limits and choices as the
    HTML form, and its replies go through the same checks (membership.api.form_replies).
    """

    openapi_schema = ref("Form")

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        fields = page.get_form_fields()
        form_class = page.form_builder(fields).get_form_class()
        return {
            "questions": [question(field, form_class.base_fields[field.clean_name]) for field in fields],
            "submission_url": absolute_url(request, reverse("api_form_replies", args=[page.id])),
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
    if field_type in MULTIPLE_CHOICE_TYPES:
        return list(initial or [])
    if isinstance(initial, list | tuple):  # single-choice questions keep their default key in a list
        return initial[0] if initial else None
    return initial or None
