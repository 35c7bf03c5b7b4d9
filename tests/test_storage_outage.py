"""S3 unreachable while an editor uploads: a 503 "try again in a minute", never a 500, and nothing half-saved."""

import io
import socket

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


@pytest.fixture
def unreachable_bucket(settings):
    """Media on an S3 endpoint where nothing listens: a real connection refused, as when S3 is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    settings.AWS_STORAGE_BUCKET_NAME = "utsopi-media"
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{port}"
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = settings.AWS_SECRET_ACCESS_KEY = "testing"
    settings.AWS_S3_FILE_OVERWRITE = False


@pytest.fixture
def editor(db):
    client = Client(raise_request_exception=False)  # as a real server: the error handler answers
    client.force_login(get_user_model().objects.create_superuser("storage-editor", password="x" * 16))
    return client


def jpeg():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (300, 200), (90, 40, 200)).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_an_image_upload_while_s3_is_down_answers_503_and_saves_nothing(unreachable_bucket, editor):
    images = get_image_model().objects.count()
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": jpeg(), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 503
    assert response["Retry-After"]
    assert get_image_model().objects.count() == images


def test_a_document_upload_while_s3_is_down_answers_503_and_saves_nothing(unreachable_bucket, editor):
    documents = get_document_model().objects.count()
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Minutes", "file": SimpleUploadedFile("minutes.txt", b"x"), "collection": 1},
    )
    assert response.status_code == 503
    assert get_document_model().objects.count() == documents
