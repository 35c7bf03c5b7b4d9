"""Answers are encrypted at rest: a dump of the database shows none of them; officers read them in clear."""

import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from membership.models import Submission
from tests.member_data import form_page, reply

MARKER = f"Unique-Marker-{time.monotonic_ns()}"


def database_dump():
    """The raw database: the SQLite file's bytes, or pg_dump's output on PostgreSQL."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return Path(connection.settings_dict["NAME"]).read_bytes()
    database = connection.settings_dict
    pg_dump = shutil.which("pg_dump")
    assert pg_dump, "pg_dump (apt-get install postgresql-client) is needed to dump the database"
    command = [pg_dump, "--no-password", "--host", database["HOST"] or "127.0.0.1"]
    command += ["--port", str(database["PORT"] or 5432), "--username", database["USER"] or "postgres", database["NAME"]]
    environment = {**os.environ, "PGPASSWORD": database["PASSWORD"] or ""}
    return subprocess.run(command, capture_output=True, check=True, env=environment).stdout


def export(client, page, format):
    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": format})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_database_dump_holds_no_answer_and_the_officers_export_does(client, committed):
    page = form_page("membership", "fr")
    client.post(page.url, reply(page, chosen_name=MARKER, contact=f"{MARKER}@example.org"))
    submission = Submission.objects.filter(page=page).latest("pk")

    dump = database_dump()
    assert submission.reference.encode() in dump, "the dump does contain the submission"
    assert MARKER.encode() not in dump

    client.force_login(get_user_model().objects.create_superuser(username=f"root-{MARKER}", password="not-used"))
    assert MARKER.encode() in export(client, page, "csv")
    sheet = load_workbook(io.BytesIO(export(client, page, "xlsx"))).active
    assert MARKER in [cell.value for row in sheet.iter_rows() for cell in row]
    json_copy = client.get(reverse("membership_submission_json", args=[submission.pk]))
    assert json_copy.json()["answers"]["chosen_name"] == MARKER


@pytest.mark.django_db
def test_the_stored_column_is_a_token_and_the_model_reads_it_in_clear():
    page = form_page("volunteer", "en")
    submission = Submission.objects.record(page=page, answers={"chosen_name": MARKER}, consent_text="")
    with connection.cursor() as cursor:
        cursor.execute("SELECT form_data FROM membership_submission WHERE id = %s", [submission.pk])
        [stored] = cursor.fetchone()
    assert MARKER not in stored
    assert stored.startswith("gAAAAA")  # a Fernet token
    assert Submission.objects.get(pk=submission.pk).form_data == {"chosen_name": MARKER}


@pytest.mark.django_db
def test_dumpdata_keeps_the_answers_encrypted():
    page = form_page("training", "nl")
    Submission.objects.record(page=page, answers={"organisation": MARKER}, consent_text="")
    output = io.StringIO()
    call_command("dumpdata", "membership.submission", stdout=output)
    assert MARKER not in output.getvalue()
    assert "gAAAAA" in output.getvalue()


@pytest.mark.django_db
def test_a_new_key_is_rotated_in_and_the_old_one_can_then_be_dropped(settings):
    old_key = settings.MEMBER_DATA_KEYS[0]
    page = form_page("membership", "nl")
    submission = Submission.objects.record(page=page, answers={"chosen_name": MARKER}, consent_text="")
    new_key = Fernet.generate_key().decode()

    settings.MEMBER_DATA_KEYS = [new_key, old_key]
    assert Submission.objects.get(pk=submission.pk).form_data == {"chosen_name": MARKER}
    call_command("rotate_member_data_keys", stdout=io.StringIO())

    settings.MEMBER_DATA_KEYS = [new_key]
    assert Submission.objects.get(pk=submission.pk).form_data == {"chosen_name": MARKER}
