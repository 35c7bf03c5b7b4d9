"""The public site in a real headless Chromium: no request to another host, no console error.

Runs against a separate server process (gunicorn, DEBUG off, collected static files) with its own
SQLite database built by the loader, as a visitor would meet the site.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError(f"Browser tests are required but {CHROMIUM} is missing (apt-get install chromium).")
    pytest.skip(f"Browser tests skipped: {CHROMIUM} is missing (apt-get install chromium).", allow_module_level=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    """A production-like server on 127.0.0.1 with the union's content."""
    workdir = tmp_path_factory.mktemp("live-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "utsopi_site.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["load_initial_content"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, cwd=PROJECT, env=env, check=True, capture_output=True)
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [gunicorn, "utsopi_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=PROJECT,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"{base_url}/nl/", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.1)
    yield base_url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


def public_urls(base_url):
    """Every page of the sitemap, which lists every live page in every language."""
    with urllib.request.urlopen(f"{base_url}/sitemap.xml") as response:  # noqa: S310
        sitemap = response.read().decode()
    return sorted({urlparse(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)})


def visit(browser, base_url, paths, viewport):
    """Load each path; return requests to other hosts, console errors and failed responses."""
    page = browser.new_page(viewport=viewport)
    foreign, errors, failed = [], [], []
    page.on("request", lambda request: None if request.url.startswith(base_url) else foreign.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for path in paths:
        response = page.goto(base_url + path, wait_until="networkidle")
        assert response.status == 200, path
    page.close()
    return foreign, errors, failed


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_public_pages_make_no_third_party_request_and_log_no_error(live_site, browser, viewport):
    paths = public_urls(live_site)
    assert len(paths) >= 39
    foreign, errors, failed = visit(browser, live_site, paths, viewport)
    assert foreign == []
    assert errors == []
    assert failed == []
