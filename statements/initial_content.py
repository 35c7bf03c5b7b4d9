"""The statements list and its first two articles, from statements/content/{nl,en,fr}.toml.

The site's loader (home/initial_content/loader.py) calls source_pages() with itself: the Dutch pages are
created when missing, and the loader translates each through wagtail-localize like its own pages.
"""

import tomllib
import uuid
from functools import cache
from pathlib import Path

from statements.models import StatementIndexPage, StatementPage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SOURCE_LANGUAGE = "nl"
# Fixed namespace: the same article always gets the same block ids.
CONTENT_NAMESPACE = uuid.UUID("a3c1f0e2-6b7d-4c18-9e25-7f4b2d8c1e60")


@cache
def read_content(language):
    with open(CONTENT_DIR / f"{language}.toml", "rb") as file:
        return tomllib.load(file)


def block_id(key, index):
    return str(uuid.uuid5(CONTENT_NAMESPACE, f"{key}/body/{index}"))


def index_page(language):
    data = read_content(language)["index"]
    return StatementIndexPage(
        title=data["title"],
        slug=data["slug"],
        search_description=data["search_description"],
        intro=data["intro"],
    )


def article_page(language, position):
    """An article in this language; its date and kind are the source's."""
    data = read_content(language)["articles"][position]
    source = read_content(SOURCE_LANGUAGE)["articles"][position]
    return StatementPage(
        title=data["title"],
        slug=data["slug"],
        date=source["date"],
        kind=source["kind"],
        summary=data["summary"],
        body=[
            {"type": "paragraph", "id": block_id(source["key"], index), "value": text}
            for index, text in enumerate(data["body"])
        ],
    )


def source_pages(loader, home, locale):
    """Adds the Dutch list under the home page and its articles under it, when missing.

    Returns (key, page, make) for each, make(builder) giving the page in the builder's language, as the
    loader's own tree does; the list is in loader.page_ids["statements"] for the menus.
    """
    index = loader.child(home, index_page(SOURCE_LANGUAGE), locale)
    loader.page_ids["statements"] = index.id
    tree = [("statements", index, lambda builder: index_page(builder.language))]
    for position, article in enumerate(read_content(SOURCE_LANGUAGE)["articles"]):
        page = loader.child(index, article_page(SOURCE_LANGUAGE, position), locale)
        tree.append((article["key"], page, lambda builder, position=position: article_page(builder.language, position)))
    return tree
