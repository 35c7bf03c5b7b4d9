"""A front end's script, with nothing but the OpenAPI document and HTTP, on the production-like server.

It lists the French pages, reads the history with its timeline, follows every page's translations, gets the
menus, renders the membership form and sends it; every answer is checked against the document's schema.
"""

import json
import time
import urllib.request
from urllib.parse import urlencode

import pytest
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.browser


class Api:
    """The API as a script sees it: the server named in the OpenAPI document, answers checked against it."""

    def __init__(self, live_site):
        with urllib.request.urlopen(f"{live_site}/api/v2/openapi.json") as response:  # noqa: S310 (local server)
            self.document = json.load(response)
        self.base = self.document["servers"][0]["url"]

    def call(self, operation, url, method="get", body=None, **query):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 (the local test server)
            f"{url}?{urlencode(query)}" if query else url,
            data=data,
            method=method.upper(),
            headers={"Content-Type": "application/json"} if data else {},
        )
        with urllib.request.urlopen(request) as response:  # noqa: S310 (local server)
            status, answer = response.status, json.load(response)
        announced = self.document["paths"][operation][method]["responses"][str(status)]["content"]
        schema = {**announced["application/json"]["schema"], "components": self.document["components"]}
        errors = [error.message for error in Draft202012Validator(schema).iter_errors(answer)]
        assert errors == [], (operation, errors[:3])
        return status, answer

    def get(self, operation, url, **query):
        return self.call(operation, url, **query)[1]

    def pages(self, **query):
        return self.get("/pages/", f"{self.base}/pages/", limit=50, **query)["items"]

    def page(self, url):
        return self.get("/pages/{id}/", url)


@pytest.fixture(scope="module")
def api(live_site):
    return Api(live_site)


def test_list_the_french_pages_and_follow_every_translation(api):
    french = api.pages(locale="fr")
    assert len(french) > 10
    assert {item["meta"]["locale"] for item in french} == {"fr"}
    for item in french:
        page = api.page(item["meta"]["detail_url"])
        languages = {translation["locale"] for translation in page["meta"]["translations"]}
        assert languages == {"nl", "fr", "en"}, page["title"]
        for translation in page["meta"]["translations"]:
            other = api.page(translation["api_url"])
            assert other["meta"]["locale"] == translation["locale"]
            assert other["title"] == translation["title"]
            assert other["meta"]["html_url"] == translation["url"]
            assert other["meta"]["type"] == page["meta"]["type"]


def test_read_the_history_with_its_timeline(api):
    assert "HistoryPage" in api.document["components"]["schemas"]
    [history] = api.pages(locale="fr", type="history.HistoryPage")
    timeline = api.page(history["meta"]["detail_url"])["timeline"]
    assert len(timeline) > 3
    assert all(entry["date"] and entry["precision"] and entry["title"] for entry in timeline)
    assert [entry["date"] for entry in timeline] == sorted(entry["date"] for entry in timeline)


def test_get_the_menus_and_open_each_entry(api):
    site = api.get("/site/", f"{api.base}/site/", locale="fr")
    assert site["main_menu"]
    assert site["footer_menu"]
    for entry in site["main_menu"] + site["footer_menu"]:
        page = api.page(entry["api_url"])
        assert page["meta"]["locale"] == "fr"
        assert page["title"] == entry["title"]


def test_render_the_membership_form_and_send_it(api):
    [item] = api.pages(locale="fr", type="membership.MembershipFormPage")
    form = api.page(item["meta"]["detail_url"])["form"]
    token = api.get("/forms/{id}/", form["submission_url"])["form_token"]
    answers = {}
    for question in form["questions"]:
        if question["type"] == "checkbox":
            answers[question["key"]] = True
        elif question["choices"]:
            first = question["choices"][0]["key"]
            answers[question["key"]] = [first] if question["type"] in {"checkboxes", "multiselect"} else first
        else:
            answers[question["key"]] = "Camille"
    time.sleep(form["send_after_seconds"])

    status, receipt = api.call(
        "/forms/{id}/",
        form["submission_url"],
        method="post",
        body={"answers": answers, "form_token": token, "website_address": ""},
    )
    assert status == 201
    assert receipt["reference"].startswith("UTS-")
    assert "Camille" not in json.dumps(receipt)
