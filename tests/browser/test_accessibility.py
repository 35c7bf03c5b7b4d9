"""Accessibility in Chromium: axe-core finds nothing on any page in any language, on forms showing their
errors and in every state of the quick exit; the membership form works with the keyboard alone; text at
200% stays usable."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

NOT_FOUND = ["/nl/bestaat-niet/", "/fr/nexiste-pas/", "/en/does-not-exist/"]


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def page(request, browser):
    # axe-core is injected as an inline script, which the site's own policy rightly forbids.
    context = browser.new_context(viewport=request.param, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def test_every_page_in_every_language_has_no_violation(page, live_site, public_paths, axe):
    assert len(public_paths) >= 48
    assert {path.split("/")[1] for path in public_paths} == {"nl", "fr", "en"}
    found = {}
    for path in [*public_paths, *NOT_FOUND]:
        page.goto(live_site + path)
        violations = axe(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_every_form_showing_its_errors_has_no_violation(page, live_site, public_paths, axe):
    forms = 0
    found = {}
    for path in public_paths:
        page.goto(live_site + path)
        form = page.locator("main form[method=post]")
        if not form.count():
            continue
        forms += 1
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible(), path
        assert page.locator(".field__error").count() >= 1, path
        violations = axe(page)
        if violations:
            found[path] = violations
    assert forms >= 9  # membership, volunteering and training, in three languages
    assert found == {}


def test_the_quick_exit_has_no_violation_in_any_state(page, live_site, axe):
    page.clock.install()
    page.goto(live_site + "/en/")
    assert axe(page) == []
    page.keyboard.press("Shift")
    assert page.locator(".quick-exit__status").is_visible()
    assert axe(page) == []
    page.keyboard.press("Shift")
    assert axe(page) == []
    page.clock.run_for(5_100)
    assert page.locator("[data-quick-exit-status]").inner_text() == "Quick exit cancelled."
    assert axe(page) == []
    page.locator(".quick-exit__button").focus()
    assert axe(page) == []


def test_the_membership_form_can_be_filled_and_sent_with_the_keyboard_alone(browser, live_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_site + "/en/")
    page.locator(".site-footer__actions a").first.click()
    form_url = page.url
    typed = {"text": "Robin", "email": "robin@example.org", "textarea": "Hello"}
    seen = []
    for _press in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; return {tag: e.tagName.toLowerCase(), type: e.type || '',"
            " name: e.name || '', inForm: !!e.closest('main form'), checked: !!e.checked}; }"
        )
        if not focused["inForm"]:
            continue
        seen.append(focused["name"] or focused["tag"])
        if focused["type"] in ("text", "email"):
            page.keyboard.type(typed[focused["type"]])
        elif focused["tag"] == "textarea":
            page.keyboard.type(typed["textarea"])
        elif focused["type"] in ("radio", "checkbox") and not focused["checked"]:
            page.keyboard.press("Space")
        elif focused["tag"] == "button":
            page.wait_for_timeout(3_500)  # a reply sent sooner than the minimum fill time counts as spam
            page.keyboard.press("Enter")
            break
    page.wait_for_load_state()
    assert "website-address" not in seen, "the honeypot must stay out of the keyboard order"
    assert page.url.startswith(form_url)
    assert not page.locator(".error-summary").count(), page.locator(".error-summary").inner_text()
    assert page.locator("h1").inner_text() == "Thank you"
    assert page.locator(".confirmation").is_visible()
    context.close()


@pytest.mark.parametrize(
    "zoom",
    [
        pytest.param({"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}, id="page-zoom-200"),
        pytest.param({"viewport": DESKTOP, "text_zoom": True}, id="text-only-200"),
        pytest.param({"viewport": PHONE, "text_zoom": True}, id="phone-text-only-200"),
    ],
)
def test_text_at_200_percent_stays_usable(browser, live_site, public_paths, zoom):
    context = browser.new_context(
        viewport=zoom["viewport"], device_scale_factor=zoom.get("device_scale_factor", 1), bypass_csp=True
    )
    page = context.new_page()
    height = zoom["viewport"]["height"]
    problems = []
    for path in [p for p in public_paths if p.startswith("/en/")]:
        page.goto(live_site + path)
        if zoom.get("text_zoom"):
            page.add_style_tag(content=":root { font-size: 200% !important; }")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            problems.append(f"{path}: scrolls sideways by {overflow}px")
        exit_box = page.locator(".quick-exit__button").bounding_box()
        if not exit_box or exit_box["x"] < 0 or exit_box["x"] + exit_box["width"] > zoom["viewport"]["width"]:
            problems.append(f"{path}: exit link out of view {exit_box}")
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(100)
        pinned = page.evaluate(
            "() => { const r = document.querySelector('.quick-exit').getBoundingClientRect(); "
            "return r.bottom > 0 ? r.bottom : 0; }"
        )
        if pinned > height / 3:
            problems.append(f"{path}: the pinned exit bar covers {pinned}px of {height}px")
        submit = page.locator("main form button[type=submit]")
        if submit.count():
            submit.scroll_into_view_if_needed()
            if not submit.is_visible():
                problems.append(f"{path}: submit button unreachable")
    assert problems == []
    context.close()
