"""The staff guides in docs/ are pages of the admin for signed-in staff: rendered, linked to each other, and
covering what staff do (publish and schedule, blocks, images, translate, review, members' requests)."""

import pytest
from bs4 import BeautifulSoup

from home import guides
from tests.conftest import sign_in_as

GUIDE_NAMES = list(guides.GUIDES)


@pytest.fixture
def translator_client(client, db):
    return sign_in_as(client, "Translators")


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("name", GUIDE_NAMES)
def test_each_guide_is_a_page_of_the_admin_in_its_language(translator_client, name):
    page = read(translator_client, f"/admin/guides/{name}/")
    guide = guides.Guide(name, guides.GUIDES[name])
    assert guide.title in page.find("h1").get_text()
    article = page.find("article", class_="staff-guide")
    assert article["lang"] == guides.GUIDES[name]
    assert article.find("h2")
    assert not article.find("h1"), "the guide's own title is the page header, not repeated"


@pytest.mark.django_db
def test_guides_link_to_each_other_inside_the_admin(translator_client):
    links = {link["href"] for link in read(translator_client, "/admin/guides/editors/").select("article a")}
    assert {"/admin/guides/translators/", "/admin/guides/editors-nl/", "/admin/guides/editors-fr/"} <= links
    assert not any(link.endswith(".md") for link in links)


@pytest.mark.django_db
def test_the_guides_are_listed_in_the_help_menu_and_on_their_own_page(translator_client):
    index = read(translator_client, "/admin/guides/")
    assert {link["href"] for link in index.select("main a[href^='/admin/guides/']")} >= {
        f"/admin/guides/{name}/" for name in GUIDE_NAMES
    }
    sidebar = translator_client.get("/admin/").content.decode()
    assert '"name": "staff-guides", "label": "Staff guides", "icon_name": "help"' in sidebar
    assert '"url": "/admin/guides/"' in sidebar


@pytest.mark.django_db
def test_only_signed_in_staff_read_the_guides_and_only_the_listed_ones(client, translator_client):
    assert translator_client.get("/admin/guides/README/").status_code == 404
    assert translator_client.get("/admin/guides/..%2F..%2Fmanage.py/").status_code == 404
    client.logout()
    response = client.get("/admin/guides/editors/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_markup_in_a_guide_is_shown_as_text_never_run(tmp_path, monkeypatch):
    (tmp_path / "editors.md").write_text("# Guide\n\n<script>alert(1)</script> and <b>bold</b>\n", encoding="utf-8")
    monkeypatch.setattr(guides, "DOCS_DIR", tmp_path)
    html = guides.Guide("editors", "en").as_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("name", "topics"),
    [
        ("editors", ["Publishing", "Scheduling", "blocks", "Images and alternative text", "Translating", "review"]),
        ("editors-nl", ["publiceren", "Plannen", "blokken", "Afbeeldingen en alternatieve tekst", "Vertalen"]),
        ("editors-fr", ["Publier", "Programmer", "blocs", "Images et texte alternatif", "Traduire"]),
        ("translators", ["Translating a page in the admin", "PO files", "a translator group per language"]),
        ("reviewers", ["Approve", "Request changes", "Review by active members"]),
        ("membership-officers", ["UTS-7K2M-9QXD", "JSON", "erase", "retention period"]),
    ],
)
def test_each_guide_covers_what_its_readers_do(name, topics):
    text = guides.Guide(name, guides.GUIDES[name]).text
    for topic in topics:
        assert topic in text, topic
