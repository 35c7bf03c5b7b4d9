from django.apps import AppConfig
from django.db import connection


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared content"

    def ready(self):
        from home import (
            navigation,  # noqa: F401  (connects the signal receivers)
            upstream_patches,
        )

        if connection.vendor == "sqlite":
            self.unpatched_sqlite_lexeme_as_sql = upstream_patches.escape_quotes_in_sqlite_search_terms()
        self.unpatched_redirect_form_clean = upstream_patches.refuse_redirect_loops()
