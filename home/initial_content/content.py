"""What every app's part of the initial content shares: the text of one language, stable ids, and the
one way to write a StreamField.

An app's part (e.g. history/initial_content.py) is a list of page makers: functions that take a
LanguageContent and return an unsaved page (or a list of pages) with that language's text. The loader
calls each maker once for the Dutch source and once per translation.
"""

import tomllib
import uuid
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "nl"
TRANSLATION_LANGUAGES = ["en", "fr"]
# Fixed namespace: the same content always gets the same block ids and translation keys.
CONTENT_NAMESPACE = uuid.UUID("6f1d3a56-2a4e-4c57-9d51-0d8c2f6a7b10")


def stable_id(*parts):
    return str(uuid.uuid5(CONTENT_NAMESPACE, "/".join(str(part) for part in parts)))


def read_content(language):
    with open(CONTENT_DIR / f"{language}.toml", "rb") as file:
        return tomllib.load(file)


def stream(path, block_type, values):
    """StreamField data with ids that stay the same from one run (and one language) to the next."""
    return [{"type": block_type, "id": stable_id(*path, index), "value": value} for index, value in enumerate(values)]


class LanguageContent:
    """One language's text, beside the source's (for what is not text: keys, dates, targets)."""

    def __init__(self, language, content, source, page_ids, image, today):
        self.language = language
        self.content = content
        self.source = source
        self.page_ids = page_ids
        self.image = image
        self.today = today

    def __getitem__(self, key):
        return self.content[key]

    def page_fields(self, key):
        """Title, slug and search description of the page of this TOML section."""
        data = self.content[key]
        return {"title": data["title"], "slug": data["slug"], "search_description": data.get("search_description", "")}

    def sections(self, key):
        """The titled sections of this TOML section, as the `section` blocks of a page's body."""
        return stream(
            (key, "body"),
            "section",
            [
                {"heading": item["heading"], "anchor": "", "body": item["body"]}
                for item in self.content[key]["sections"]
            ],
        )
