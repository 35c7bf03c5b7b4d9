"""PostgreSQL only: the `unaccent` and `pg_trgm` extensions, and for each text-search configuration
PostgreSQL ships, a copy named `utsopi_<name>` that folds accents before its own dictionaries (stemmer).

Search indexes each page with its language's copy (search/text_search.py). On other databases this does
nothing. The copies are made from the catalogue, so a language editors add later already has its own.
After this migration on a database that already has pages, rebuild the index once:
`python manage.py update_index`.
"""

from django.db import migrations

PREFIX = "utsopi_"
ACCENTED_TOKENS = "word, hword, hword_part"


def shipped_configurations(cursor):
    """Each configuration of pg_catalog with the dictionaries it applies to words, in order."""
    cursor.execute(
        """
        SELECT c.cfgname, array_agg(d.dictname::text ORDER BY m.mapseqno)
        FROM pg_ts_config c
        JOIN pg_namespace n ON n.oid = c.cfgnamespace AND n.nspname = 'pg_catalog'
        JOIN pg_ts_config_map m ON m.mapcfg = c.oid
        JOIN pg_ts_dict d ON d.oid = m.mapdict
        WHERE m.maptokentype = (SELECT tokid FROM ts_token_type('default') WHERE alias = 'word')
        GROUP BY c.cfgname
        """
    )
    return cursor.fetchall()


def create_configurations(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, dictionaries in shipped_configurations(cursor):
            ours = quote(PREFIX + name)
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {ours}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {ours} (COPY = pg_catalog.{quote(name)})")
            chain = ", ".join(["unaccent", *(quote(dictionary) for dictionary in dictionaries)])
            cursor.execute(f"ALTER TEXT SEARCH CONFIGURATION {ours} ALTER MAPPING FOR {ACCENTED_TOKENS} WITH {chain}")


def drop_configurations(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE %s", [f"{PREFIX}%"])
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
