"""`make run` (the development settings, as newcomers, editors trying the site and small demos use it) shows
what visitors see, error pages included, and prints each log message once."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, which holds the initial content, for the server to read."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own server on 127.0.0.1)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def make_run_server(db):
    """`manage.py runserver` with the development settings as `make run` starts it; yields (base URL, output)."""
    servers = []

    def start(extra_environment=None):
        port = free_port()
        environment = {
            key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="utsopi_site.settings.dev",
            DATABASE_URL=database_url(),
            MEMBER_DATA_KEYS="Gx3f2mW8yT5qXn0V9k1bQ7cR4dLs6hJpZaEuYiOwNtM=",
            PYTHONUNBUFFERED="1",
            **(extra_environment or {}),
        )
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=PROJECT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        servers.append(server)
        base_url = f"http://127.0.0.1:{port}"
        for _attempt in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                time.sleep(0.1)

        lines = []
        reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
        reader.start()

        def output(last_line):
            """Everything printed once `last_line` is (runserver logs a request after answering it)."""
            deadline = time.monotonic() + 20
            while not any(last_line in line for line in lines) and time.monotonic() < deadline:
                time.sleep(0.05)
            server.terminate()
            server.wait(timeout=10)
            reader.join(timeout=10)
            return "".join(lines)

        return base_url, output

    yield start
    for server in servers:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)


@pytest.mark.django_db
def test_a_mistyped_address_shows_the_sites_own_404_in_the_visitors_language(make_run_server):
    base_url, _output = make_run_server()
    status, html = fetch(f"{base_url}/nl/does-not-exist/")
    assert status == 404
    assert '<html lang="nl"' in html
    assert "Pagina niet gevonden" in html
    for language in ("nl", "fr", "en"):
        assert f'href="/{language}/"' in html
    assert "URLconf" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [None, "true"])
def test_each_log_message_is_printed_once(make_run_server, debug):
    base_url, output = make_run_server({"DEBUG": debug} if debug else None)
    assert fetch(f"{base_url}/nl/does-not-exist/")[0] == 404
    request_line = '"GET /nl/does-not-exist/ HTTP/1.1" 404'
    printed = output(request_line)
    assert printed.count("Not Found: /nl/does-not-exist/") == 1
    assert printed.count(request_line) == 1
