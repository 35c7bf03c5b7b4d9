"""Choices keep their stored keys when staff edit the form, so old and new answers stay one dataset."""

import pytest

from membership.models.forms import derive_choice_keys
from tests.member_data import form_page


def field_of(page, clean_name):
    return next(field for field in page.form_fields.all() if field.clean_name == clean_name)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Supporting", "Active"], ["supporting", "active"]),
        (["Active", "Supporting"], ["active", "supporting"]),
        (["Supporting", "Active member with a vote"], ["supporting", "active"]),
        (["Supporting", "Active", "Honorary"], ["supporting", "active", "honorary"]),
        (["Active"], ["active"]),
        (["Supporting", "Active", "Active!"], ["supporting", "active", "active_2"]),
    ],
    ids=["unchanged", "reordered", "renamed-in-place", "added", "removed", "clashing-new-key"],
)
def test_existing_choices_keep_their_keys(labels, expected):
    assert derive_choice_keys(labels, ["Supporting", "Active"], ["supporting", "active"]) == expected


@pytest.mark.django_db
def test_renaming_a_choice_in_the_source_form_keeps_its_stored_key():
    page = form_page("membership", "nl")
    field = field_of(page, "membership_type")
    field.choices = "Ondersteunend lid\nActief lid met stemrecht\nErelid"
    field.save()
    field.refresh_from_db()
    assert field.choice_options() == [
        ("supporting", "Ondersteunend lid"),
        ("active", "Actief lid met stemrecht"),
        ("erelid", "Erelid"),
    ]


@pytest.mark.django_db
def test_a_publication_from_the_editor_keeps_the_keys():
    page = form_page("membership", "nl")
    page.save_revision().publish()
    assert field_of(form_page("membership", "nl"), "contact_channel").choice_keys.split() == [
        "email",
        "phone",
        "messaging",
    ]


@pytest.mark.django_db
def test_a_translation_never_makes_keys_of_its_own():
    french = field_of(form_page("membership", "fr"), "membership_type")
    french.choices = "Membre de soutien\nMembre actif avec droit de vote"
    french.save()
    french.refresh_from_db()
    assert french.choice_options() == [
        ("supporting", "Membre de soutien"),
        ("active", "Membre actif avec droit de vote"),
    ]
