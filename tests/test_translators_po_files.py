"""Translators work with PO files: download, translate, upload, publish; a wrong file changes nothing."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from home.models import MissionPage


@pytest.fixture
def admin_client(admin_client, admin_user):
    """pytest-django's admin, reading the admin's messages in English."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


@pytest.fixture
def french_mission_translation(db):
    source = MissionPage.objects.get(locale__language_code="nl")
    return Translation.objects.get(source__object_id=source.translation_key, target_locale__language_code="fr")


PO_FROM_ELSEWHERE = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'


def upload(client, translation, content, name="mission-fr.po"):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile(name, content), "next": "/admin/"},
        follow=True,
    )


def test_po_round_trip_changes_the_public_french_page(admin_client, client, french_mission_translation):
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[french_mission_translation.id]))
    assert response.status_code == 200
    catalogue = polib.pofile(response.content.decode())
    entry = next(entry for entry in catalogue if entry.msgstr == "Une place à chaque table")
    entry.msgstr = "Une place à toutes les tables"

    response = upload(admin_client, french_mission_translation, str(catalogue).encode())
    assert "Successfully imported translations from PO File." in response.content.decode()

    french_mission_translation.save_target(publish=True)
    french_page = MissionPage.objects.get(locale__language_code="fr")
    french_page.get_latest_revision().publish()  # save_target publishes on commit; tests never commit

    html = client.get("/fr/mission-et-vision/").content.decode()
    assert "Une place à toutes les tables" in html
    assert "Une place à chaque table" not in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\xff\xfe not a po file at all", "Please upload a valid PO file."),
        (
            b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n',
            "cannot be imported",
        ),
    ],
    ids=["garbage", "po-from-elsewhere"],
)
def test_a_wrong_file_is_refused_with_a_message_and_changes_nothing(
    admin_client, french_mission_translation, content, message
):
    before = list(StringTranslation.objects.filter(locale__language_code="fr").values_list("id", "data"))
    response = upload(admin_client, french_mission_translation, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(StringTranslation.objects.filter(locale__language_code="fr").values_list("id", "data")) == before
