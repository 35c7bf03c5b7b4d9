"""Helpers for the member-data tests: the protected forms of the loaded site and replies a person would send."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from membership.models import FormPage, MembershipFormPage
from membership.spam import HONEYPOT_FIELD, STARTED_FIELD, form_started_token

LANGUAGES = ["nl", "fr", "en"]
FORM_SLUGS = {"volunteer": "vrijwilliger-worden", "training": "vorming-aanvragen"}
STAFF_GROUPS = ["Editors", "Moderators", "Translators", "Reviewers"]


def form_page(form, language):
    """The membership, volunteer or training form page in a language."""
    if form == "membership":
        return MembershipFormPage.objects.get(locale__language_code=language)
    source = FormPage.objects.get(locale__language_code="nl", slug=FORM_SLUGS[form])
    return FormPage.objects.get(translation_key=source.translation_key, locale__language_code=language)


def all_form_pages():
    return [form_page(form, language) for form in ["membership", *FORM_SLUGS] for language in LANGUAGES]


TEXT_ANSWERS = {"singleline": "Sam", "multiline": "Happy to help.", "email": "sam@example.org", "checkbox": "on"}


def answer_to(field):
    keys = [key for key, _label in field.choice_options()]
    if field.field_type in {"radio", "dropdown"}:
        return keys[0]
    if field.field_type in {"checkboxes", "multiselect"}:
        return keys[:1]
    return TEXT_ANSWERS[field.field_type]


def answers_for(page, **overrides):
    """Valid answers to every question of the page's form, as a browser posts them."""
    return {**{field.clean_name: answer_to(field) for field in page.get_form_fields()}, **overrides}


def reply(page, seconds_ago=60, **overrides):
    """A complete POST body: the answers plus the spam traps as a person's browser leaves them."""
    return {
        **answers_for(page, **overrides),
        HONEYPOT_FIELD: "",
        STARTED_FIELD: form_started_token(page, issued_at=time.time() - seconds_ago),
    }


def staff_member(group_name, username=None):
    user = get_user_model().objects.create_user(
        username=username or f"{group_name.lower().replace(' ', '-')}-{time.monotonic_ns()}", password="not-used"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user
