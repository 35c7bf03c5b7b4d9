"""The quick exit in Chromium: by click, by Shift pressed three times, and without JavaScript; never by
Shift held with a letter; and Back does not lead back to the site."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, NeutralSite

pytestmark = pytest.mark.browser

PAGE = "/en/mission-and-vision/"


@pytest.fixture
def page(browser, neutral_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    NeutralSite.requests.clear()
    yield page
    context.close()


def wait_for_neutral_site(page, neutral_site):
    page.wait_for_url(f"{neutral_site}/weather", timeout=10_000)
    assert page.locator("h1").inner_text() == "Weather /weather"


def status(page):
    return page.locator("[data-quick-exit-status]").inner_text()


def test_a_click_leaves_for_the_neutral_site_without_telling_it_where_from(page, live_site, neutral_site):
    page.goto(live_site + PAGE)
    page.get_by_role("link", name="Emergency: Exit this page").click()
    wait_for_neutral_site(page, neutral_site)
    assert NeutralSite.requests == [{"path": "/weather", "referer": None}]


COVERED = """() => {
    const shown = (selector) => getComputedStyle(document.querySelector(selector)).display !== "none";
    return {leaving: document.documentElement.classList.contains("quick-exit-leaving"),
            main: shown("main"), header: shown(".site-header"), exit: shown(".quick-exit")};
}"""


@pytest.mark.parametrize(
    "trigger",
    [
        'document.querySelector(".quick-exit__button").click()',
        'for (const type of ["keydown", "keyup", "keydown", "keyup", "keydown", "keyup"]) '
        'document.dispatchEvent(new KeyboardEvent(type, {key: "Shift", shiftKey: type === "keydown"}))',
    ],
    ids=["click", "shift"],
)
def test_the_page_is_covered_at_once(page, live_site, neutral_site, trigger):
    """In the same moment as the click or third press, before the neutral site has even answered."""
    page.goto(live_site + PAGE)
    state = page.evaluate(f"() => {{ {trigger}; return ({COVERED})(); }}")
    assert state == {"leaving": True, "main": False, "header": False, "exit": False}
    wait_for_neutral_site(page, neutral_site)


def test_shift_pressed_three_times_leaves_and_each_press_is_shown_and_announced(page, live_site, neutral_site):
    page.goto(live_site + PAGE)
    indicator = page.locator(".quick-exit__status")
    assert indicator.bounding_box()["height"] <= 1

    page.keyboard.press("Shift")
    assert status(page) == "Shift pressed. Press it 2 more times to leave this site."
    assert indicator.bounding_box()["height"] > 20
    assert page.locator("[data-quick-exit]").get_attribute("data-count") == "1"

    page.keyboard.press("Shift")
    assert status(page) == "Shift pressed. Press it 1 more time to leave this site."
    assert page.locator("[data-quick-exit]").get_attribute("data-count") == "2"

    page.keyboard.press("Shift")
    wait_for_neutral_site(page, neutral_site)
    assert NeutralSite.requests[0]["referer"] is None


def test_shift_with_a_letter_does_not_count(page, live_site):
    page.goto(live_site + PAGE)
    for _press in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(1000)
    assert page.url == live_site + PAGE
    assert page.locator("[data-quick-exit]").get_attribute("data-count") in (None, "0")
    assert NeutralSite.requests == []


def test_shift_typed_in_a_search_field_with_capitals_does_not_leave(page, live_site):
    page.goto(live_site + "/en/search/")
    page.locator("#search-query").focus()
    page.keyboard.type("Sex Work In Belgium")
    page.wait_for_timeout(1000)
    assert page.url.startswith(live_site + "/en/search/")
    assert NeutralSite.requests == []


def test_another_key_starts_the_count_again(page, live_site):
    page.goto(live_site + PAGE)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    assert page.locator("[data-quick-exit]").get_attribute("data-count") == "0"
    page.keyboard.press("Shift")
    page.wait_for_timeout(1000)
    assert page.url == live_site + PAGE
    assert status(page) == "Shift pressed. Press it 2 more times to leave this site."


def test_presses_more_than_five_seconds_apart_do_not_add_up(page, live_site):
    page.clock.install()
    page.goto(live_site + PAGE)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)
    assert status(page) == "Quick exit cancelled."
    assert page.locator(".quick-exit__status").bounding_box()["height"] <= 1
    page.keyboard.press("Shift")
    page.wait_for_timeout(1000)
    assert page.url == live_site + PAGE


@pytest.mark.parametrize("way", ["click", "shift"])
def test_back_does_not_return_to_the_site(page, live_site, neutral_site, way):
    page.goto(f"{neutral_site}/start")
    page.goto(live_site + PAGE)
    if way == "click":
        page.locator(".quick-exit__button").click()
    else:
        for _press in range(3):
            page.keyboard.press("Shift")
    wait_for_neutral_site(page, neutral_site)
    page.go_back()
    assert page.url == f"{neutral_site}/start"


def test_without_javascript_the_link_still_leaves(browser, live_site, neutral_site):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    NeutralSite.requests.clear()
    page.goto(live_site + PAGE)
    page.get_by_role("link", name="Emergency: Exit this page").click()
    wait_for_neutral_site(page, neutral_site)
    assert NeutralSite.requests == [{"path": "/weather", "referer": None}]
    context.close()


def test_the_exit_link_is_first_after_the_skip_link_and_stays_in_view(page, live_site):
    page.goto(live_site + "/nl/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "quick-exit__button"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "quick-exit__about"

    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    box = page.locator(".quick-exit__button").bounding_box()
    assert 0 <= box["y"] < 20
    assert box["x"] + box["width"] <= PHONE["width"]


def test_the_explanation_page_is_beside_the_button(page, live_site):
    page.goto(live_site + "/fr/")
    page.locator(".quick-exit__about").click()
    assert page.url == live_site + "/fr/navigation-plus-sure/"
    assert "historique" in page.locator("main").inner_text()


def test_the_exit_is_not_printed(page, live_site):
    page.goto(live_site + PAGE)
    page.emulate_media(media="print")
    assert not page.locator(".quick-exit").is_visible()
