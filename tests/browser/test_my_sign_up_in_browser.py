"""A member's reference and secret in Chromium under the strict policy: the Print button appears, the small
file downloads with the secret in it, the pair opens "my sign-up", and the quick exit ends that session."""

from pathlib import Path

import pytest

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


def test_the_secret_is_kept_then_opens_my_sign_up_until_the_quick_exit(browser, live_site, neutral_site):
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.goto(live_site + "/en/")
    page.locator(".site-footer__actions a").first.click()
    page.locator("input[name=chosen_name]").fill("Robin")
    page.locator("input[name=contact_channel]").first.check()
    page.locator("input[name=contact]").fill("robin@example.org")
    page.locator("input[name=membership_type]").first.check()
    page.locator("input[name=consent]").check()
    page.wait_for_timeout(3_500)  # a reply sent sooner than the minimum fill time counts as spam
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    secret = page.locator(".member-key__secret").inner_text()
    reference = page.locator(".confirmation__reference strong").first.inner_text()
    assert page.get_by_role("button", name="Print").is_visible(), "print.js ran under the strict policy"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a text file").click()
    key_file = Path(download.value.path()).read_text(encoding="utf-8")
    assert reference in key_file
    assert secret in key_file

    page.get_by_role("link", name="My sign-up: see, correct or withdraw what you sent").first.click()
    page.get_by_label("Reference").fill(reference.lower())
    page.get_by_label("Secret").fill(secret.replace("-", " "))
    page.get_by_role("button", name="Open my sign-up").click()
    page.wait_for_load_state()
    assert "Robin" in page.locator("main").inner_text()
    answers_url = page.url

    page.get_by_role("link", name="Emergency: Exit this page").click()
    page.wait_for_url(f"{neutral_site}/weather", timeout=10_000)
    page.goto(answers_url)
    assert page.url.endswith("/en/my-sign-up/"), "the session ended with the quick exit"
    context.close()
