"""The search backend: modelsearch's own, with one change on PostgreSQL: each object is indexed with the
text-search configuration of its own language (search/text_search.py) instead of one for all.

One index (modelsearch's IndexEntry table) holds every language; a search reads only the pages of one
locale, all analysed alike, with the query analysed the same way (search/query.py).
"""

import copy
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from search.text_search import FALLBACK, configuration_for_object


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_configuration = defaultdict(list)
        for obj in objs:
            by_configuration[configuration_for_object(obj)].append(obj)
        for configuration, group in by_configuration.items():
            PostgresIndex(self.backend.with_configuration(configuration)).add_items(model, group)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": FALLBACK, **params})

    def with_configuration(self, configuration):
        """This backend, indexing with the given configuration (modelsearch's indexer reads `config`)."""
        other = copy.copy(self)
        other.config = configuration
        return other


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
