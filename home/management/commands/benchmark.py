"""Measure what DESIGN §11 budgets: server time, queries and transferred size of every public page and the API.

Speed is measured here and written down (docs/performance.md), never asserted in timed tests: a test
suite on a busy two-core machine would fail by chance. Query counts, which do not vary, are asserted
in the tests. Requests go through the whole Django stack in this process (every middleware, the
templates, the database of DATABASE_URL), without a network or a front cache, so the times are the
server's own work. Run it with DEBUG off (`make benchmark` does).
"""

import gzip
import statistics
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

TEXT_PAGE_BUDGET_BYTES = 50 * 1024


class Command(BaseCommand):
    help = "Measure server time, queries and size of every live page and of the content API."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Timed requests per address (default 20).")

    def handle(self, *args, repeat, **options):
        if settings.DEBUG:
            raise CommandError("Run with DEBUG=false: debug mode keeps every query and slows every page.")
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
        client = Client(HTTP_HOST=host, HTTP_ACCEPT_ENCODING="identity")
        pages = [page for page in Page.objects.live().public().filter(depth__gt=1).specific() if page.url]
        if not pages:
            raise CommandError("No live pages: run `manage.py load_initial_content` first.")
        rows = [self.measure(client, "page", page.url, repeat) for page in pages]
        rows += [self.measure(client, "api", url, repeat) for url in api_addresses(pages)]
        self.report(rows, repeat)

    def measure(self, client, kind, url, repeat):
        client.get(url)  # the first request fills Wagtail's and Django's own caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries)  # now: the log is gone once the connection closes after a request
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
        times = []
        for _request in range(repeat):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        return {
            "kind": kind,
            "url": url,
            "queries": query_count,
            "median": statistics.median(times),
            "p95": percentile(times, 95),
            "bytes": len(response.content),
            "gzip": len(gzip.compress(response.content)),
        }

    def report(self, rows, repeat):
        self.stdout.write(
            f"{connection.vendor}, {repeat} requests an address; times in milliseconds of server work\n\n"
            f"{'address':<58} {'queries':>7} {'median':>7} {'p95':>7} {'KB':>6} {'KB gz':>6}"
        )
        for row in rows:
            self.stdout.write(
                f"{row['url'][:58]:<58} {row['queries']:>7} {row['median']:>7.1f} {row['p95']:>7.1f} "
                f"{row['bytes'] / 1024:>6.1f} {row['gzip'] / 1024:>6.1f}"
            )
        for kind in ("page", "api"):
            measured = [row for row in rows if row["kind"] == kind]
            slowest = max(measured, key=lambda row: row["median"])
            self.stdout.write(
                f"\n{kind}: {len(measured)} addresses; median of medians "
                f"{statistics.median(row['median'] for row in measured):.1f} ms; slowest {slowest['url']} "
                f"{slowest['median']:.1f} ms; at most {max(row['queries'] for row in measured)} queries"
            )
        heaviest = max((row for row in rows if row["kind"] == "page"), key=lambda row: row["gzip"])
        within = "within" if heaviest["gzip"] <= TEXT_PAGE_BUDGET_BYTES else "OVER"
        self.stdout.write(
            f"largest page transferred (gzip): {heaviest['url']} {heaviest['gzip'] / 1024:.1f} KB, "
            f"{within} the 50 KB budget (HTML only; the stylesheet and script are cached files)"
        )


def api_addresses(pages):
    """The API a front end calls: listings and the site content per language, and each page's detail."""
    languages = sorted({page.locale.language_code for page in pages})
    addresses = []
    for language in languages:
        addresses += [f"/api/v2/pages/?locale={language}", f"/api/v2/site/?locale={language}"]
    return addresses + [f"/api/v2/pages/{page.id}/" for page in pages]


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]
