"""The latest statements and the feed links of a language, for other pages (the home page) to show.

A template tag rather than code in the home app, so that home, the base every app imports, imports no app.
"""

from django import template

from statements.models import StatementIndexPage

register = template.Library()


def statements_index(page):
    """The live statements list of the page's language, found by its type and locale."""
    return StatementIndexPage.objects.live().public().filter(locale_id=page.locale_id).first()


@register.inclusion_tag("statements/includes/feed_links.html", takes_context=True)
def statement_feed_links(context, page):
    """<link rel="alternate"> to the RSS and Atom feeds of the page's language, if it has a statements list."""
    index = statements_index(page)
    if index is None:
        return {}
    return {"feed_title": index.title, **index.feed_links(context["request"])}


@register.inclusion_tag("statements/includes/latest_statements.html")
def latest_statements(page, count=3):
    """The newest articles of the page's language."""
    index = statements_index(page)
    if index is None:
        return {}
    return {"index": index, "statements": list(index.statements().defer_streamfields()[:count])}
