"""The visitor's side of the protected forms: stable choice keys and the spam traps.

The form builder offers each choice under its stable key (the label is only what the visitor reads),
so a French and a Dutch answer to the same question are the same value in the one dataset.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from membership.spam import (
    HONEYPOT_FIELD,
    STARTED_FIELD,
    form_started_token,
    over_rate_limit,
    seconds_since_started,
)

MULTILINE_MAX_LENGTH = 5000

# The question types (Wagtail's FORM_FIELD_CHOICES) whose answers are choice keys: one, or a list of them.
SINGLE_CHOICE_TYPES = {"dropdown", "radio"}
MULTIPLE_CHOICE_TYPES = {"multiselect", "checkboxes"}
CHOICE_TYPES = SINGLE_CHOICE_TYPES | MULTIPLE_CHOICE_TYPES


class ProtectedForm(BaseForm):
    """A form whose reply is refused (nothing stored, nothing sent) when a script is behind it.

    `blocked` says why a reply was refused: "rate_limit", "honeypot" or "timing".
    """

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.blocked = None
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.initial[STARTED_FIELD] = form_started_token(self.page)

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visible_fields(self):
        """The questions; the honeypot is rendered apart, out of sight and out of the keyboard order."""
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def answers(self):
        """What the visitor answered, by field key, without the traps."""
        return {name: value for name, value in self.cleaned_data.items() if name not in {HONEYPOT_FIELD, STARTED_FIELD}}

    def clean(self):
        cleaned_data = super().clean()
        if self.request is not None and over_rate_limit(self.request):
            self.blocked = "rate_limit"
            raise ValidationError(
                _("This form was sent too many times from your connection. Please wait a few minutes and try again."),
                code="rate_limit",
            )
        if cleaned_data.get(HONEYPOT_FIELD):
            self.blocked = "honeypot"
            raise ValidationError(_("Your form could not be sent. Please try again."), code="honeypot")
        elapsed = seconds_since_started(self.page, cleaned_data.get(STARTED_FIELD))
        if elapsed is None or elapsed < settings.MEMBER_FORMS_MIN_FILL_SECONDS:
            self.blocked = "timing"
            if elapsed is None:  # missing or expired: a fresh one, so that sending again works
                self.data = self.data.copy()
                self.data[STARTED_FIELD] = form_started_token(self.page)
            raise ValidationError(
                _("Your form could not be sent yet. Please check your answers and send it again."), code="timing"
            )
        return cleaned_data


class ProtectedFormBuilder(FormBuilder):
    """Wagtail's form builder, with choices under stable keys and a length limit on long answers."""

    def get_formatted_field_choices(self, field):
        return field.choice_options()

    def get_formatted_field_initial(self, field):
        return field.default_choice_keys()

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in CHOICE_TYPES:
            options["initial"] = field.default_choice_keys()
        return options

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type("ProtectedForm", (ProtectedForm,), self.formfields)


# Replies sent as JSON (membership.api) are checked by the same ProtectedForm: only the JSON type of each
# answer is checked first, then the reply becomes the data the HTML form posts.


def answer_type_error(field_type, value):
    """Why an answer has the wrong JSON type for its type of question, or None; the form checks the rest."""
    if value is None:
        return None
    if field_type == "checkbox":
        return None if isinstance(value, bool) else gettext("Answer with true or false.")
    if field_type in MULTIPLE_CHOICE_TYPES:
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return None
        return gettext("Answer with a list of choice keys.")
    if field_type == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return None
    return None if isinstance(value, str) else gettext("Answer with text.")


def form_data(answers, started="", honeypot=""):
    """JSON answers as the HTML form posts them, with the form token and the honeypot."""
    data = QueryDict(mutable=True)
    for key, value in answers.items():
        if isinstance(value, list):
            data.setlist(key, value)
        elif isinstance(value, bool):
            data[key] = "on" if value else ""
        elif value is not None:
            data[key] = str(value)
    data[STARTED_FIELD] = started
    data[HONEYPOT_FIELD] = honeypot
    return data
