"""The Content Security Policy as Chromium enforces it: public pages break none of it and call no other host;
the admin, behind its two-factor login, works under its own policy."""

import json

import pytest
from django_otp.oath import totp

from tests.browser.conftest import ADMIN_PASSWORD, ADMIN_USERNAME, DESKTOP, PHONE

pytestmark = pytest.mark.browser

# Chromium reports every blocked script, style, image or frame as a securitypolicyviolation event.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


class Watch:
    """A browser page whose requests to other hosts, console errors, failed files and policy violations are kept."""

    def __init__(self, browser, live_site, viewport):
        self.context = browser.new_context(viewport=viewport, locale="en-GB")
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.live_site = live_site
        self.foreign, self.errors, self.failed, self.violations = [], [], [], []
        self.page.on("request", self.request)
        self.page.on("response", self.response)
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)

    def request(self, request):
        if not request.url.startswith((self.live_site, "data:", "blob:")):
            self.foreign.append(request.url)

    def response(self, response):
        """A stylesheet, script or image that fails; the page's own status is checked by the test."""
        if response.status >= 400 and not response.request.is_navigation_request():
            self.failed.append(response.url)

    def visit(self, path):
        response = self.page.goto(self.live_site + path, wait_until="networkidle")
        self.check()
        return response

    def check(self):
        self.violations += [f"{self.page.url}: {item}" for item in self.page.evaluate("window.__violations || []")]

    def close(self):
        self.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_public_pages_break_no_policy_and_call_no_other_host(browser, live_site, public_paths, viewport):
    watch = Watch(browser, live_site, viewport)
    assert len(public_paths) >= 39
    for path in [*public_paths, "/fr/nexiste-pas/"]:
        response = watch.visit(path)
        assert response.status == (404 if path == "/fr/nexiste-pas/" else 200), path
        assert response.headers["content-security-policy"], path
    assert watch.violations == []
    assert watch.foreign == []
    assert watch.failed == []
    assert [error for error in watch.errors if "404 (Not Found)" not in error] == []
    watch.close()


def test_the_faq_structured_data_is_not_blocked(browser, live_site):
    """A JSON-LD block is data, not script: script-src does not apply to it, and Chromium agrees."""
    watch = Watch(browser, live_site, DESKTOP)
    watch.visit("/en/faq/")
    blocks = watch.page.locator('script[type="application/ld+json"]').all_inner_texts()
    assert any(json.loads(block).get("@type") == "FAQPage" for block in blocks)
    assert watch.violations == []
    assert watch.errors == []
    watch.close()


def test_the_admin_sign_in_calls_no_other_host(browser, live_site):
    watch = Watch(browser, live_site, DESKTOP)
    watch.visit("/admin/login/")
    assert watch.page.locator("#id_username").is_visible()
    assert watch.foreign == []
    assert watch.violations == []
    assert watch.errors == []
    watch.close()


def test_the_admin_asks_for_the_code_then_works_under_its_own_policy(browser, live_site, totp_key):
    watch = Watch(browser, live_site, DESKTOP)
    page = watch.page
    watch.visit("/admin/login/?next=/admin/pages/")
    page.fill("#id_username", ADMIN_USERNAME)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/**")
    watch.check()
    # The password alone opens nothing.
    watch.visit("/admin/pages/")
    assert "/admin/two-factor/verify/" in page.url

    code = totp(bytes.fromhex(totp_key))
    page.fill("#id_code", f"{code:06d}")
    page.click("main form.login-form button[type=submit]")
    page.wait_for_url("**/admin/pages/")
    watch.check()

    for path in ("/admin/images/", "/admin/documents/", "/admin/snippets/", "/admin/users/"):
        assert watch.visit(path).status == 200, path
    # The membership form's editor has inline panels, written as inline scripts and styles.
    watch.visit("/admin/pages/search/?q=Word+lid")
    page.locator("a[href$='/edit/']", has_text="Word lid").first.click()
    page.wait_for_load_state("networkidle")
    watch.check()
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    assert "has been updated" in page.locator(".messages").inner_text()
    # The preview shows the public page in a frame of the admin.
    page.get_by_role("button", name="Toggle preview").first.click()
    preview = page.frame_locator("iframe[src*='/preview/']")
    assert preview.locator("h1").inner_text(timeout=10_000) == "Word lid"
    watch.check()
    assert watch.violations == []
    assert watch.foreign == []
    watch.close()
