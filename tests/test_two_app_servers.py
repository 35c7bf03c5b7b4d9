"""Two app servers on one database and one Redis behave as one site."""

import re
import time

from tests.servers import admin_cookies, admin_post, cookie_header, form_page_ids, send_reply


def test_the_form_rate_limit_is_counted_through_both_servers(production_site):
    app, other = production_site.apps
    page_id = form_page_ids(app)[0]
    if 600 - time.time() % 600 < 30:  # MEMBER_FORMS_RATE_LIMIT counts per window of 600 s: start in a fresh one
        time.sleep(600 - time.time() % 600 + 1)
    honeypot = {"answers": {}, "form_token": "x", "website_address": "a script fills in every field"}
    statuses = [send_reply((app, other)[i % 2], page_id, honeypot, "203.0.113.9").status_code for i in range(20)]
    assert statuses == [400] * 20
    assert send_reply(app, page_id, honeypot, "203.0.113.9").status_code == 429
    assert send_reply(other, page_id, honeypot, "203.0.113.9").status_code == 429
    assert send_reply(other, page_id, honeypot, "203.0.113.10").status_code == 400  # another visitor


def test_an_admin_session_works_on_both_servers(production_site):
    cookies = {"Cookie": cookie_header(admin_cookies(production_site, "two-servers-admin"))}
    for app in production_site.apps:
        response = app.get("/admin/", headers=cookies)
        assert response.status_code == 200
        assert "two-servers-admin" in response.text


def test_a_page_published_through_one_admin_shows_on_the_other_at_once(production_site):
    app, other = production_site.apps
    page = app.get("/api/v2/pages/?type=home.HomePage&locale=en").json()["items"][0]
    url = page["meta"]["html_url"].split("utsopi.example", 1)[-1]
    production_site.shell(
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(id={page['id']}).specific\n"
        "page.title = 'Published through the other server'\n"
        "page.save_revision()\n"
    )
    assert "Published through the other server" not in other.get(url).text
    cookies = admin_cookies(production_site, "publishing-admin")
    published = admin_post(app, f"/admin/bulk/wagtailcore/page/publish/?id={page['id']}", cookies)
    assert published.status_code == 302
    assert "Published through the other server" in other.get(url).text


def test_a_redirect_import_started_on_one_server_is_confirmed_on_the_other(production_site):
    """Between its two steps the uploaded file waits in the shared cache, not on one server's disk."""
    app, other = production_site.apps
    cookies = admin_cookies(production_site, "redirects-admin")
    uploaded = admin_post(
        app,
        "/admin/redirects/import/",
        cookies,
        files={"import_file": ("redirects.csv", b"from,to\n/old-flyer/,https://utsopi.example/nl/\n", "text/csv")},
    )
    assert uploaded.status_code == 200
    hidden = dict(
        re.findall(r'name="(import_file_name|input_format|csrfmiddlewaretoken)" value="([^"]+)"', uploaded.text)
    )
    confirmed = other.post(
        "/admin/redirects/import/process/",
        data={**hidden, "from_index": "0", "to_index": "1", "permanent": "on", "site": ""},
        headers={
            "Cookie": cookie_header(
                {**cookies, "csrftoken": uploaded.request.headers["Cookie"].split("csrftoken=")[1]}
            ),
            "Referer": "https://utsopi.example/admin/redirects/import/",
        },
    )
    assert confirmed.status_code in {200, 302}, confirmed.status_code
    for server in (app, other):
        moved = server.get("/old-flyer/")
        assert moved.status_code == 301
        assert moved.headers["Location"] == "https://utsopi.example/nl/"
