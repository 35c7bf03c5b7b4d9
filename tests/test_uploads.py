"""Uploads in the admin: images within size and pixel limits and never SVG; documents of allowed types only,
served through Django so that a private collection's documents stay private."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("uploader", email="", password="x" * 16)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the messages below are Wagtail's English ones
    profile.save()
    client.force_login(user)
    return client


def png(width, height):
    """A one-bit PNG: a few kilobytes on disk, however many pixels it unpacks to (a decompression bomb)."""
    buffer = io.BytesIO()
    PillowImage.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(admin_client, name, content, content_type):
    """Through the admin's multiple upload, which the "Add an image" page uses."""
    count = get_image_model().objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert get_image_model().objects.count() == count
    return response.json()


def upload_document(admin_client, name, content):
    count = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    return response, get_document_model().objects.count() - count


def test_a_130_megapixel_image_is_refused_with_a_message(admin_client):
    content = png(13_000, 10_000)
    assert len(content) < 1024 * 1024
    result = upload_image(admin_client, "bomb.png", content, "image/png")
    assert result["success"] is False
    assert "This file has too many pixels (130000000). Maximum pixels 50000000." in result["error_message"]


def test_a_decompression_bomb_beyond_pillow_limits_is_refused_with_a_message(admin_client):
    result = upload_image(admin_client, "bigger-bomb.png", png(20_000, 10_000), "image/png")
    assert result["success"] is False
    assert "This file has too many pixels" in result["error_message"]


def test_an_svg_image_is_refused_with_a_message(admin_client):
    result = upload_image(admin_client, "logo.svg", SVG, "image/svg+xml")
    assert result["success"] is False
    message = "Not a supported image format. Supported formats: AVIF, GIF, JPG, JPEG, PNG, WEBP."
    assert message in result["error_message"]


def test_the_single_image_form_refuses_them_too(admin_client):
    count = get_image_model().objects.count()
    for name, content in (("bomb.png", png(13_000, 10_000)), ("logo.svg", SVG)):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["file"], name
    assert get_image_model().objects.count() == count


def test_an_ordinary_photo_is_accepted(admin_client):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 1200), (200, 180, 220)).save(buffer, format="JPEG")
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is True


@pytest.mark.parametrize("name", ["page.html", "page.htm", "drawing.svg", "script.js", "macro.docm"])
def test_documents_outside_the_allow_list_are_refused_with_a_message(admin_client, name):
    response, created = upload_document(admin_client, name, b"<script>alert(1)</script>")
    assert created == 0
    extension = name.rsplit(".", 1)[1]
    assert f"File extension “{extension}” is not allowed." in response.content.decode()


def test_a_document_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response, created = upload_document(admin_client, "report.pdf", b"%PDF-1.7\n" + b"0" * 2048)
    assert created == 0
    assert "This file is too big" in response.content.decode()


def test_an_allowed_document_is_accepted(admin_client):
    _response, created = upload_document(admin_client, "report.pdf", b"%PDF-1.7\n%%EOF\n")
    assert created == 1


@pytest.mark.django_db
def test_documents_are_served_by_django_and_private_ones_stay_private(client):
    Document = get_document_model()
    public = Document.objects.create(title="Leaflet", file=ContentFile(b"public leaflet", name="leaflet.txt"))
    private_collection = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = Document.objects.create(
        title="Minutes",
        collection=private_collection,
        file=ContentFile(b"private minutes", name="minutes.txt"),
    )

    response = client.get(public.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"public leaflet"

    response = client.get(private.url)
    assert response.status_code == 302
    assert "minutes" not in response["Location"].split("?")[0]

    # The files themselves are not reachable under the media address.
    assert client.get(f"/media/{private.file.name}").status_code == 404
