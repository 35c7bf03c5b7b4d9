"""PostgreSQL restarted under load: no answer is a 500, no reply that got a reference is lost, the app recovers."""

import threading
import time
from collections import Counter

from tests.servers import form_page_ids, send_reply, stored_references, valid_reply

LOAD_SECONDS = 60
RESTART_AT = 25


def test_a_database_restart_under_load_gives_503s_not_500s_and_loses_no_reply(production_site):
    apps = production_site.apps
    page_id = form_page_ids(apps[0])[0]
    reply = valid_reply(apps[0], page_id)
    time.sleep(3.2)  # MEMBER_FORMS_MIN_FILL_SECONDS
    statuses = Counter()
    problems = []
    references = []
    lock = threading.Lock()
    stop_at = time.monotonic() + LOAD_SECONDS

    def note(path, response):
        with lock:
            statuses[response.status_code] += 1
            if response.status_code >= 500 and response.status_code != 503:
                problems.append((path, response.status_code))
            json_answer = response.headers.get("Content-Type") == "application/json"
            if response.status_code == 503 and path.startswith("/api/") and not json_answer:
                problems.append((path, "503 not in JSON"))

    def read(worker):
        paths = ["/nl/", "/fr/", "/api/v2/pages/", f"/api/v2/forms/{page_id}/"]
        count = 0
        while time.monotonic() < stop_at:
            path = paths[count % len(paths)]
            try:
                note(path, apps[(count + worker) % 2].get(path, timeout=10))
            except Exception as error:  # a refused or dropped connection is as bad as a 500
                with lock:
                    problems.append((path, type(error).__name__))
            count += 1

    def write():
        count = 0
        while time.monotonic() < stop_at:
            response = send_reply(apps[count % 2], page_id, reply, f"192.0.2.{count % 250}")
            note("/api/v2/forms/", response)
            if response.status_code == 201:
                references.append(response.json()["reference"])
            count += 1
            time.sleep(0.1)

    threads = [threading.Thread(target=read, args=(worker,)) for worker in range(3)]
    threads.append(threading.Thread(target=write))
    for thread in threads:
        thread.start()
    time.sleep(RESTART_AT)
    production_site.postgres.stop()
    time.sleep(3)
    production_site.postgres.start()
    for thread in threads:
        thread.join()

    assert problems == []
    assert statuses[503] > 0, "the restart should have been seen"
    assert references
    assert set(references) <= stored_references(production_site)
    assert apps[0].get("/nl/").status_code == 200
    assert apps[1].get("/api/v2/pages/").status_code == 200
