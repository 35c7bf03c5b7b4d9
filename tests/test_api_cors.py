"""Browsers may call the API only from the front-end origins the environment lists."""

import pytest


@pytest.fixture
def partner_site(settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.utsopi.example"]


@pytest.mark.django_db
def test_a_listed_front_end_may_read_the_api(client, partner_site):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.utsopi.example")
    assert response["Access-Control-Allow-Origin"] == "https://app.utsopi.example"


@pytest.mark.django_db
def test_other_origins_get_no_cors_permission(client, partner_site):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
def test_public_pages_never_carry_cors_headers(client, partner_site):
    response = client.get("/nl/", HTTP_ORIGIN="https://app.utsopi.example")
    assert "Access-Control-Allow-Origin" not in response
