"""Browser tests of visitor safety and accessibility: a production-like site in real headless Chromium.

The site runs in its own process (gunicorn, DEBUG off, collected static files, two-factor login on) with its
own SQLite database built by the loader. Its quick exit leads to a small local server standing in for the
neutral site, so no test ever reaches another host. Servers listen on 127.0.0.1, ports 8031-8039.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
PORTS = range(8031, 8040)
ADMIN_USERNAME = "browser-editor"
ADMIN_PASSWORD = "a-long-password-for-the-browser-tests"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def require(condition, reason):
    """Skip when a browser tool is missing, saying which; CI (REQUIRE_BROWSER=1) fails instead."""
    if condition:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"Browser tests are required but {reason}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason}")


def free_port():
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port between {PORTS.start} and {PORTS.stop - 1} on 127.0.0.1.")


class NeutralSite(BaseHTTPRequestHandler):
    """The stand-in for the quick exit's neutral site; it notes each request and the Referer it got.

    /weather answers after a short delay, so that tests can see what the visitor sees while it loads.
    """

    requests = []

    def do_GET(self):
        if self.path == "/favicon.ico":
            self.send_error(404)
            return
        NeutralSite.requests.append({"path": self.path, "referer": self.headers.get("Referer")})
        if self.path.startswith("/weather"):
            time.sleep(0.8)
        body = f"<!doctype html><html lang=en><title>Weather</title><h1>Weather {self.path}</h1>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def neutral_site():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), NeutralSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def totp_key():
    """The hex key of the browser tests' admin's authenticator app."""
    return secrets.token_hex(20)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, neutral_site, totp_key):
    """A production-like server on 127.0.0.1 with the union's content."""
    require(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing (apt-get install chromium).")
    workdir = tmp_path_factory.mktemp("safety-site")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "utsopi_site.settings.dev",
        "DEBUG": "false",
        "ADMIN_TWO_FACTOR": "true",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": base_url,
    }
    setup = (
        "from django.contrib.auth import get_user_model\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        "from wagtail.models import Site\n"
        "from home.models import OrganisationSettings\n"
        "organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))\n"
        f"organisation.quick_exit_url = {neutral_site + '/weather'!r}\n"
        "organisation.save()\n"
        f"user = get_user_model().objects.create_superuser({ADMIN_USERNAME!r}, email='', password={ADMIN_PASSWORD!r})\n"
        f"TOTPDevice.objects.create(user=user, name='Phone', confirmed=True, key={totp_key!r})\n"
    )
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_initial_content"],
        ["shell", "-c", setup],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(manage + command, cwd=PROJECT, env=env, check=True, capture_output=True)
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [gunicorn, "utsopi_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=PROJECT,
        env=env,
    )
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
def browser(live_site):
    """Per module: Playwright's sync API allows one instance at a time, and other modules start their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def public_paths(live_site):
    """Every page of the sitemap, which lists every live page in every language."""
    with urllib.request.urlopen(f"{live_site}/sitemap.xml") as response:  # noqa: S310
        sitemap = response.read().decode()
    return sorted({urlparse(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)})


@pytest.fixture
def axe():
    """Runs axe-core (from npm, see package.json) on a page; returns its violations, described."""
    require(AXE.exists(), f"{AXE.relative_to(PROJECT)} is missing (npm ci).")

    def run(page):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
            for violation in result["violations"]
        ]

    return run
