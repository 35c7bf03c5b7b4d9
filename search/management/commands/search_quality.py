"""`make search-quality`: how well search finds what visitors look for, per language.

Runs the query set (search/quality/queries.toml) through the site's search, prints recall@3 (the share
of queries with an expected page among the first three results) and MRR (the mean of 1/rank of the first
expected page), and fails if a language's recall@3 is under --min-recall.
"""

import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from search.query import search_pages

QUERY_SET = Path(__file__).resolve().parents[2] / "quality" / "queries.toml"
TOP = 3


def rank_of_expected(titles, expected):
    """The 1-based rank of the first expected title, or None if no result is expected."""
    for rank, title in enumerate(titles, start=1):
        if title in expected:
            return rank
    return None


class Command(BaseCommand):
    help = "Print recall@3 and MRR of the site search per language for the query set; fail under --min-recall."

    def add_arguments(self, parser):
        parser.add_argument("--min-recall", type=float, default=0.9)
        parser.add_argument("--query-set", type=Path, default=QUERY_SET)

    def handle(self, *args, min_recall, query_set, **options):
        with query_set.open("rb") as file:
            languages = tomllib.load(file)
        failing = []
        for language_code, cases in languages.items():
            locale = Locale.objects.filter(language_code=language_code).first()
            if locale is None:
                raise CommandError(f"no locale '{language_code}' in this database: load the initial content first")
            hits, reciprocal_ranks = 0, 0.0
            for case in cases:
                titles = [page.title for page in search_pages(case["query"], locale).pages[:10]]
                rank = rank_of_expected(titles, set(case["expect"]))
                hits += rank is not None and rank <= TOP
                reciprocal_ranks += 1 / rank if rank else 0.0
                if rank is None or rank > TOP:
                    self.stdout.write(f"  {language_code} missed: {case['query']!r} ({case['kind']}): {titles[:TOP]}")
            recall, mrr = hits / len(cases), reciprocal_ranks / len(cases)
            self.stdout.write(f"{language_code}: recall@{TOP} {recall:.2f}  MRR {mrr:.2f}  ({len(cases)} queries)")
            if recall < min_recall:
                failing.append(language_code)
        if failing:
            raise CommandError(f"recall@{TOP} under {min_recall} for: {', '.join(failing)}")
