"""The one search of the site: the search page and the content API's `?search=` both call search_pages().

On PostgreSQL each page is indexed in its own language's analysis (search/backend.py): stems, accents
folded. The query is analysed the same way in the visitor's language, so "sekswerker" finds
"sekswerkers" and "decriminalisation" finds "décriminalisation". Words no page has (a typo) are replaced
by the most similar word of that language's pages (pg_trgm), and pages found only that way come after
the exact matches. Title matches come before body matches.

Elsewhere (SQLite for `make run`) it is modelsearch's own search (FTS5, which folds accents but has no
stemmer), with any word instead of every word when every word finds nothing.

Queries are never stored or logged: nothing here writes to the database.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.text_search import configuration_for_language

MAX_QUERY_LENGTH = 200
MAX_CORRECTED_WORDS = 8
MIN_CORRECTED_LENGTH = 5
MIN_SIMILARITY = 0.3
OPERATORS = ("and", "or")


@dataclass
class SearchResults:
    query: str  # the query as searched: control characters removed, spaces collapsed, at most 200 characters
    pages: QuerySet  # or modelsearch's results, away from PostgreSQL: both can be counted and sliced
    suggestion: str = ""  # the query with its unknown words replaced by the nearest known ones, if any


def clean_query(text):
    """Visible characters only (no NUL or other control characters), single spaces, at most 200 characters."""
    text = "".join(" " if unicodedata.category(char).startswith(("C", "Z")) else char for char in text or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_pages(query, locale, pages=None, *, operator="and", order_by_relevance=True):
    """The live public pages of `locale` (every locale if None) that match `query`, best first.

    `pages` narrows the candidates (the API's other filters); `operator` "or" asks for any word.
    """
    query = clean_query(query)
    if pages is None:
        pages = Page.objects.live().public()
    pages = pages.not_type(apps.get_model("search", "SearchPage"))
    if locale is not None:
        pages = pages.filter(locale=locale)
    if not query:
        return SearchResults(query, pages.none())
    if connection.vendor == "postgresql":
        return search_postgres(query, locale, pages, operator, order_by_relevance)
    backend = get_search_backend()
    results = backend.search(query, pages, operator=operator, order_by_relevance=order_by_relevance)
    if operator == "and" and not results:
        results = backend.search(query, pages, operator="or", order_by_relevance=order_by_relevance)
    return SearchResults(query, results)


def search_postgres(query, locale, pages, operator, order_by_relevance):
    words = re.findall(r"\w+", query)
    config = configuration_expression(locale)
    exact = text_query(words, operator, config)
    if exact is None:
        return SearchResults(query, pages.none())
    corrections = corrected_words(words, pages, locale) if locale is not None else {}
    suggestion = " ".join(corrections.get(word, word) for word in words) if corrections else ""
    corrected = text_query(suggestion.split(), operator, config) if suggestion else None

    title, body = F("index_entries__title"), F("index_entries__body")
    exact_match = Q(index_entries__title=exact) | Q(index_entries__body=exact)
    matches = exact_match
    either = exact
    title_match = Q(index_entries__title=exact)
    if corrected is not None:
        matches |= Q(index_entries__title=corrected) | Q(index_entries__body=corrected)
        either = exact | corrected
        title_match |= Q(index_entries__title=corrected)
    found = pages.filter(matches)
    if not order_by_relevance:
        return SearchResults(query, found, suggestion)
    found = found.annotate(
        exact_hit=Case(When(exact_match, then=Value(1)), default=Value(0), output_field=IntegerField()),
        title_hit=Case(When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField()),
        rank=SearchRank(title, either) * 2 + SearchRank(body, either),
    ).order_by("-exact_hit", "-title_hit", "-rank", "path")
    return SearchResults(query, found, suggestion if not found.filter(exact_match).exists() else "")


def configuration_expression(locale):
    """The text-search configuration of `locale`; with no locale, each page's own."""
    if locale is not None:
        return configuration_for_language(locale.language_code)
    return Case(
        *(
            When(locale_id=each.id, then=Value(configuration_for_language(each.language_code)))
            for each in Locale.objects.all()
        ),
        default=Value(configuration_for_language("")),
    )


def text_query(words, operator, config):
    """The words as one tsquery, every word (or any with "or"), each analysed by `config`."""
    if not words:
        return None
    combined = None
    for word in words:
        term = SearchQuery(word, config=config, search_type="plain")
        combined = term if combined is None else (combined & term if operator == "and" else combined | term)
    return combined


CORRECTIONS_SQL = """
WITH entries AS (
    SELECT title, body, title_text, body_text FROM {index_table}
    WHERE content_type_id = ANY(%s) AND object_id IN (SELECT CAST(candidate.id AS text) FROM ({pages}) candidate)
), lexicon AS (
    SELECT DISTINCT word, unaccent(word) AS folded
    FROM entries,
        regexp_split_to_table(lower(concat_ws(' ', title_text, body_text)), '[^[:alnum:]]+') AS word
    WHERE length(word) >= 3
)
SELECT asked.word, (
    SELECT lexicon.word FROM lexicon
    WHERE similarity(lexicon.folded, asked.folded) >= %s
    ORDER BY similarity(lexicon.folded, asked.folded) DESC, abs(length(lexicon.folded) - length(asked.folded)),
        lexicon.word
    LIMIT 1
)
FROM (SELECT word, unaccent(lower(word)) AS folded FROM unnest(%s::text[]) AS word) asked
WHERE NOT EXISTS (
    SELECT 1 FROM entries WHERE (entries.title || entries.body) @@ plainto_tsquery(%s::regconfig, asked.word)
)
"""


def corrected_words(words, pages, locale):
    """{word: nearest word of these pages} for the query's words of 5 letters or more that no page has."""
    asked = [word for word in dict.fromkeys(words) if len(word) >= MIN_CORRECTED_LENGTH][:MAX_CORRECTED_WORDS]
    if not asked:
        return {}
    pages_sql, pages_params = pages.order_by().values("id").query.sql_with_params()
    index_table = get_app_config().get_model("IndexEntry")._meta.db_table
    sql = CORRECTIONS_SQL.format(index_table=index_table, pages=pages_sql)
    params = [
        list(get_descendants_content_types_pks(Page)),
        *pages_params,
        MIN_SIMILARITY,
        asked,
        configuration_for_language(locale.language_code),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {word: nearest for word, nearest in cursor.fetchall() if nearest}
