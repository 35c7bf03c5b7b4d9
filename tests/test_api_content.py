"""A front end can build the whole site from the API: every page type, every language, resolved links."""

import pytest
from django.test import Client
from wagtail.models import Page

from events.models import EventPage
from history.models import HistoryPage
from home.models import HomePage, MissionPage


@pytest.fixture
def api(db):
    return Client()


def get(api, url, **params):
    response = api.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_list_the_french_pages_and_follow_their_translations(api):
    listing = get(api, "/api/v2/pages/", locale="fr", limit=50)
    assert listing["meta"]["total_count"] == Page.objects.live().filter(locale__language_code="fr").count()
    assert {item["meta"]["locale"] for item in listing["items"]} == {"fr"}

    mission = next(item for item in listing["items"] if item["meta"]["type"] == "home.MissionPage")
    detail = get(api, mission["meta"]["detail_url"])
    translations = {translation["locale"]: translation for translation in detail["meta"]["translations"]}
    assert set(translations) == {"nl", "fr", "en"}
    dutch = get(api, translations["nl"]["api_url"])
    assert dutch["title"] == "Missie & Visie"
    assert translations["en"]["url"] == "http://localhost/en/mission-and-vision/"


def test_translation_of_finds_a_page_in_another_language(api):
    dutch = MissionPage.objects.get(locale__language_code="nl")
    listing = get(api, "/api/v2/pages/", translation_of=dutch.id, locale="en")
    assert [item["title"] for item in listing["items"]] == ["Mission & Vision"]


def test_history_comes_with_its_timeline_in_the_pages_language(api):
    history = HistoryPage.objects.get(locale__language_code="fr")
    detail = get(api, f"/api/v2/pages/{history.id}/")
    timeline = detail["timeline"]
    assert [entry["date_display"] for entry in timeline[:3]] == ["été 2015", "fin 2015", "15 décembre 2015"]
    assert timeline[0]["precision"] == "season"
    assert timeline[2]["date"] == "2015-12-15"
    photo = timeline[0]["image"]
    assert photo["url"].startswith("http://localhost/media/images/")
    assert photo["width"] > 0
    assert photo["alt"] == timeline[0]["image_caption"]


def test_mission_sections_carry_their_anchors(api):
    mission = MissionPage.objects.get(locale__language_code="en")
    sections = get(api, f"/api/v2/pages/{mission.id}/")["body"]
    assert sections[0]["type"] == "section"
    assert sections[0]["value"]["anchor"] == "utsopi-defends-the-interests-of-all-sex-workers-in-belgium"
    assert sections[0]["value"]["body"].startswith("<p>")


def test_home_page_links_are_resolved_in_the_pages_language(api):
    home = HomePage.objects.get(locale__language_code="fr")
    detail = get(api, f"/api/v2/pages/{home.id}/")
    join = detail["calls_to_action"][0]["value"]
    assert join["page"]["locale"] == "fr"
    assert join["page"]["url"] == "http://localhost/fr/devenir-membre/"
    assert {highlight["value"]["page"]["locale"] for highlight in detail["highlights"]} == {"fr"}


def test_rich_text_links_are_absolute(api):
    mission = MissionPage.objects.get(locale__language_code="nl")
    faq = mission.get_parent().get_children().get(slug="faq")
    mission.intro = f'<p>Zie de <a linktype="page" id="{faq.id}">FAQ</a>.</p>'
    mission.save_revision().publish()
    detail = get(api, f"/api/v2/pages/{mission.id}/")
    assert 'href="http://localhost/nl/faq/"' in detail["intro"]


def test_events_have_brussels_times_and_no_address_when_on_request(api):
    event = EventPage.objects.get(locale__language_code="nl", slug="brussels-meeting")
    detail = get(api, f"/api/v2/pages/{event.id}/")
    assert detail["start"][-6:] in {"+01:00", "+02:00"}
    assert detail["address_on_request"] is True
    assert detail["venue"] == ""
    workshop = get(api, f"/api/v2/pages/{EventPage.objects.get(locale__language_code='en', slug='ghent-workshop').id}/")
    assert workshop["venue"].startswith("Vooruit")


def test_site_content_gives_menus_footer_and_settings_per_language(api):
    site = get(api, "/api/v2/site/", locale="fr")
    assert site["main_menu"][0] == {
        "title": "Mission & vision",
        "url": "http://localhost/fr/mission-et-vision/",
        "page_id": MissionPage.objects.get(locale__language_code="fr").id,
        "api_url": f"http://localhost/api/v2/pages/{MissionPage.objects.get(locale__language_code='fr').id}/",
    }
    assert "travailleuses et travailleurs du sexe" in site["footer_text"]
    assert site["organisation"]["contact_email"] == "info@utsopi.be"
    assert [language["code"] for language in site["languages"]] == ["nl", "en", "fr"]


def test_search_is_scoped_to_a_language(api):
    listing = get(api, "/api/v2/pages/", search="suédois", locale="fr")
    assert "Mission & vision" in [item["title"] for item in listing["items"]]
    assert {item["meta"]["locale"] for item in listing["items"]} == {"fr"}
    assert get(api, "/api/v2/pages/", search='"suédois', locale="fr")["meta"]["total_count"] >= 0
