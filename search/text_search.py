"""Which PostgreSQL text-search configuration analyses each language: its own stemmer, with accents folded.

Migration 0002 creates `utsopi_<name>` for each configuration PostgreSQL ships (`utsopi_dutch`,
`utsopi_french`, `utsopi_romanian`...): a copy of it that folds accents (`unaccent`) before its stemmer.
A language is analysed with the one named after it in English (Django's language name), so a language
editors add gets its stemmer without code; a language PostgreSQL has no stemmer for gets `utsopi_simple`.
"""

from django.db import connection
from django.utils.translation import get_language_info

PREFIX = "utsopi_"
FALLBACK = f"{PREFIX}simple"

_known = set()


def known_configurations():
    """The names of our configurations in this database (read once per process, once they exist)."""
    if not _known and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE %s", [f"{PREFIX}%"])
            _known.update(name for (name,) in cursor.fetchall())
    return _known


def configuration_for_language(language_code):
    """`utsopi_french` for "fr", `utsopi_romanian` for "ro", `utsopi_simple` for a language without a stemmer."""
    try:
        names = [get_language_info(language_code)["name"], get_language_info(language_code.split("-")[0])["name"]]
    except KeyError:
        return FALLBACK
    for name in names:
        candidate = PREFIX + name.lower().split()[0]
        if candidate in known_configurations():
            return candidate
    return FALLBACK


def configuration_for_object(obj):
    """An object with a locale (pages, translatable snippets) in its language's analysis; others in `simple`."""
    locale = getattr(obj, "locale", None)
    return configuration_for_language(locale.language_code) if locale is not None else FALLBACK
