"""Search's part of the initial content: the search page (a page maker, see home/initial_content/content.py)."""

from search.models import SearchPage


def search(content):
    return SearchPage(**content.page_fields("search"), intro=content["search"]["intro"])
