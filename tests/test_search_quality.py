"""The search quality set finds at least 9 pages in 10 among the first three results in each language (PostgreSQL)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="language analysis needs PostgreSQL"),
]


def test_recall_and_mrr_are_printed_per_language(capsys):
    call_command("search_quality", min_recall=0.9)
    output = capsys.readouterr().out
    for language_code in ("nl", "fr", "en"):
        assert f"{language_code}: recall@3 " in output
        assert "MRR" in output


def test_a_language_under_the_threshold_fails():
    with pytest.raises(CommandError, match=r"recall@3 under 1\.01"):
        call_command("search_quality", min_recall=1.01)
