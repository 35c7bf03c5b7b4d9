"""Every public page lives under its language; the bare address sends visitors to their language."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("fr-BE,fr;q=0.9,en;q=0.5", "/fr/"), ("en-GB,en;q=0.8", "/en/"), ("nl-BE", "/nl/"), ("", "/nl/"), ("de", "/nl/")],
)
def test_root_sends_visitors_to_their_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_malformed_accept_language_falls_back_to_dutch(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="*;q=x,;;,\x00garbage")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"
