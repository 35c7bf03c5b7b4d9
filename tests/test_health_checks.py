"""The load balancer asks /healthz (is the process alive) and /readyz (can it serve the site) of each app server."""

import json

import pytest


def test_healthz_answers_without_the_database(client):
    """No django_db mark: any database access here would fail the test."""
    response = client.get("/healthz", headers={"host": "10.0.0.7"})  # a load balancer asks by address
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_checks_database_migrations_cache_and_storage(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_health_checks_take_no_posts(client):
    response = client.post("/readyz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_on_real_servers_readyz_turns_503_while_the_database_is_down_and_back_after(production_site):
    app = production_site.apps[0]
    assert app.get("/readyz").json()["status"] == "ready"
    production_site.postgres.stop()
    try:
        down = app.get("/readyz")
        alive = app.get("/healthz")
    finally:
        production_site.postgres.start()
    assert down.status_code == 503
    assert down.json() == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "migrations": "unavailable", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in down.headers["Cache-Control"]
    assert alive.status_code == 200
    assert app.get("/readyz").status_code == 200
    assert json.dumps(down.json()).count("127.0.0.1") == 0  # nothing about where the parts are
