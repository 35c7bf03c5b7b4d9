"""With DEBUG off, the stylesheet and every other static file is served hashed, compressed and found."""

import re

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.mark.django_db
def test_static_files_resolve_without_debug(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    client = Client()  # a new client, so WhiteNoise reads the freshly collected files

    html = client.get("/nl/").content.decode()
    urls = set(re.findall(r'(?:href|src|srcset)="(/static/[^" ]+)', html))
    assert any(url.endswith(".css") for url in urls)
    for url in urls:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), f"{url} is not hashed"
        response = client.get(url)
        assert response.status_code == 200, url
        assert "max-age=315360000" in response["Cache-Control"]

    compressed = client.get(next(url for url in urls if url.endswith(".css")), HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] in {"gzip", "br"}
