"""Redis down: the site keeps answering; a form reply is refused with "not sent" (503); Redis back, forms work again."""

import time

from tests.servers import admin_cookies, cookie_header, form_page_ids, send_reply, valid_reply


def test_a_redis_outage_degrades_the_site_and_it_recovers_without_a_restart(production_site):
    app, other = production_site.apps
    page_id = form_page_ids(app)[0]
    html_path = app.get(f"/api/v2/pages/{page_id}/").json()["meta"]["html_url"].split("utsopi.example", 1)[-1]
    cookies = admin_cookies(production_site, "redis-outage-admin")
    reply = valid_reply(app, page_id)
    form = app.get(html_path)
    csrf = form.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    time.sleep(3.2)  # MEMBER_FORMS_MIN_FILL_SECONDS

    production_site.redis.stop()
    try:
        assert app.get("/nl/").status_code == 200
        assert other.get("/fr/").status_code == 200
        assert app.get("/api/v2/pages/").status_code == 200
        assert app.get("/admin/", headers={"Cookie": cookie_header(cookies)}).status_code == 200
        refused = send_reply(app, page_id, reply, "198.51.100.1")
        html_refused = app.post(
            html_path,
            data={"csrfmiddlewaretoken": csrf, "form-token": reply["form_token"]},
            headers={
                "Cookie": cookie_header({"csrftoken": form.cookies["csrftoken"]}),
                "Referer": "https://utsopi.example" + html_path,
            },
        )
        ready = app.get("/readyz")
    finally:
        production_site.redis.start()

    assert refused.status_code == 503
    assert refused.headers["Content-Type"] == "application/json"
    assert refused.json()["message"]
    assert html_refused.status_code == 503
    assert "Je formulier is niet verstuurd" in html_refused.text  # "Your form was not sent", in Dutch
    assert ready.status_code == 200
    assert ready.json()["checks"]["cache"] == "unavailable"

    sent = send_reply(other, page_id, reply, "198.51.100.1")
    assert sent.status_code == 201, sent.text
    assert app.get("/readyz").json()["status"] == "ready"
