"""Backup, lose the database and the media, restore: the same site in every language, the same replies for officers.

The other production tests share these servers and run after it on the restored site, which is itself a check.
"""

import subprocess
import time

from cryptography.fernet import Fernet

from tests.servers import BUCKET, MEMBER_DATA_KEY, PG_BIN, form_page_ids, send_reply, valid_reply

PAGES = """
from wagtail.models import Page
for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
    print(page.get_url())
"""
READ_REPLY = """
from membership.models import Submission
print(Submission.objects.get(reference="{reference}").form_data["{key}"])
"""
OTHER_KEY = Fernet.generate_key().decode()


def snapshot(app, paths):
    """Each page's status and title, as a visitor sees them."""
    answers = {}
    for path in paths:
        response = app.get(path)
        title = response.text.split("<title>", 1)[-1].split("</title>", 1)[0] if response.status_code == 200 else ""
        answers[path] = (response.status_code, title)
    return answers


def test_a_restored_backup_is_the_same_site_with_the_same_replies_and_no_key(production_site, tmp_path):
    app = production_site.apps[0]
    page_id = form_page_ids(app)[0]
    reply = valid_reply(app, page_id)
    key = next(key for key, value in reply["answers"].items() if value == "Sam")
    reply["answers"][key] = "Sam Backup-Marker"
    time.sleep(3.2)  # MEMBER_FORMS_MIN_FILL_SECONDS
    reference = send_reply(app, page_id, reply, "198.51.100.77").json()["reference"]
    paths = production_site.shell(PAGES).split()
    assert {path.split("/")[1] for path in paths} >= {"nl", "fr", "en"}
    before = snapshot(app, paths)

    backup = tmp_path / "backup"
    made = production_site.manage("backup_site", str(backup))
    assert "MEMBER_DATA_KEYS" in made.stdout
    for path in backup.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert MEMBER_DATA_KEY.encode() not in content
            assert b"Backup-Marker" not in content

    postgres = ["-h", "127.0.0.1", "-p", str(production_site.postgres.port), "-U", "postgres"]
    subprocess.run([str(PG_BIN / "dropdb"), *postgres, "--force", "utsopi"], check=True)
    assert app.get("/nl/").status_code == 503  # the database is gone: "try again in a minute", not a 500
    subprocess.run([str(PG_BIN / "createdb"), *postgres, "utsopi"], check=True)
    bucket = production_site.bucket_client()
    for item in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        bucket.delete_object(Bucket=BUCKET, Key=item["Key"])

    restored = production_site.manage("restore_site", str(backup))
    assert "MEMBER_DATA_KEYS" in restored.stdout
    assert snapshot(app, paths) == before
    assert production_site.shell(READ_REPLY.format(reference=reference, key=key)) == "Sam Backup-Marker"
    without_key = production_site.manage(
        "shell",
        "--no-imports",
        "-c",
        READ_REPLY.format(reference=reference, key=key),
        env={"MEMBER_DATA_KEYS": OTHER_KEY},
        check=False,
    )
    assert "Backup-Marker" not in without_key.stdout
    assert without_key.returncode != 0
