"""The statements list and its first two articles, from statements/content/{nl,en,fr}.toml.

Page makers for the site's loader (home/initial_content/loader.py, settings.INITIAL_CONTENT_PAGES): it creates
the Dutch pages when missing and translates each through wagtail-localize like every app's pages.
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


def statements(content):
    """Page maker (see home/initial_content/content.py): the list, in the content's language."""
    return index_page(content.language)


def articles(content):
    """Page maker: the articles, under the list."""
    return [
        article_page(content.language, position) for position in range(len(read_content(SOURCE_LANGUAGE)["articles"]))
    ]


articles.parent = "statements"
