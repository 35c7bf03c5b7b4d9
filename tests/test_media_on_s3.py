"""Media on an S3-compatible server: public renditions, private originals and documents served only by the app."""

import io
import re

import requests
from PIL import Image

from tests.servers import BUCKET, admin_cookies, admin_post, cookie_header

PRIVATE_DOCUMENT = """
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.documents.models import Document
root = Collection.get_first_root_node()
collection = root.add_child(name="Officers only")
CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
document = Document(title="Minutes", collection=collection)
document.file.save("minutes (vertrouwelijk) é&%.txt", ContentFile(b"private minutes"), save=False)
document.save()
print(document.id, document.file.name, document.url)
"""


def jpeg(name):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 40, 90)).save(buffer, "JPEG")
    return (name, buffer.getvalue(), "image/jpeg")


def anonymous(url):
    return requests.get(url, timeout=10)


def test_the_initial_content_and_its_renditions_are_in_the_bucket_and_public_images_load(production_site):
    app = production_site.apps[0]
    history = app.get("/api/v2/pages/?type=history.HistoryPage&locale=nl").json()["items"][0]
    page = app.get(history["meta"]["html_url"].split("utsopi.example", 1)[-1])
    endpoint = f"http://127.0.0.1:{production_site.s3_port}/{BUCKET}/"
    sources = set(re.findall(rf"{re.escape(endpoint)}images/[^\"' ,]+", page.text))
    assert sources, "the home page shows images from the bucket"
    for source in sources:
        assert anonymous(source).status_code == 200
    keys = [item["Key"] for item in production_site.bucket_client().list_objects_v2(Bucket=BUCKET)["Contents"]]
    originals = [key for key in keys if key.startswith("original_images/")]
    assert originals
    assert anonymous(endpoint + originals[0]).status_code == 403  # originals are private


def test_an_editor_uploads_an_image_with_an_odd_name_and_its_renditions_go_to_the_bucket(production_site):
    app = production_site.apps[0]
    cookies = admin_cookies(production_site, "s3-editor")
    response = admin_post(
        app,
        "/admin/images/add/",
        cookies,
        data={"title": "Meeting in Brussel", "collection": "1"},
        files={"file": jpeg("réunion & 100% #1 (copie).jpg")},
    )
    assert response.status_code == 302, response.text[:500]
    made = production_site.shell(
        "from wagtail.images.models import Image\n"
        "image = Image.objects.get(title='Meeting in Brussel')\n"
        "print(image.file.name)\n"
        "for spec in ['width-300|format-avif', 'width-300|format-webp', 'width-300|format-jpeg']:\n"
        "    print(image.get_rendition(spec).url)\n"
    ).split()
    original, renditions = made[0], made[1:]
    assert original.startswith("original_images/")
    assert [url.rsplit(".", 1)[-1] for url in renditions] == ["avif", "webp", "jpg"]
    for url, content_type in zip(renditions, ["image/avif", "image/webp", "image/jpeg"], strict=True):
        answer = anonymous(url)
        assert answer.status_code == 200
        assert answer.headers["Content-Type"] == content_type
    keys = [item["Key"] for item in production_site.bucket_client().list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert original in keys


def test_a_private_document_is_refused_by_the_bucket_and_served_by_the_app_to_staff_only(production_site):
    app = production_site.apps[1]
    _document_id, key, url = production_site.shell(PRIVATE_DOCUMENT).split(maxsplit=2)
    bucket_url = f"http://127.0.0.1:{production_site.s3_port}/{BUCKET}/{key}"
    assert anonymous(bucket_url).status_code == 403
    assert url.startswith("/documents/")
    refused = app.get(url)
    assert refused.status_code == 302
    assert "/login" in refused.headers["Location"] or "/admin/login" in refused.headers["Location"]
    cookies = {"Cookie": cookie_header(admin_cookies(production_site, "s3-officer"))}
    served = app.get(url, headers=cookies)
    assert served.status_code == 200
    assert served.content == b"private minutes"
