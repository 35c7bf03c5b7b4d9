"""RSS 2.0 and Atom feeds of one language's statements, written by django.contrib.syndication.

Only what the list shows: title, summary, date, kind and the article's address, all absolute on the site's
public address (Settings > Sites). The articles come from the list's own query: live, public, this language.
"""

import uuid

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from home.models.site_settings import OrganisationSettings

# Fixed namespace for the ids of feed entries: an article keeps its id when its title or address changes.
ENTRY_NAMESPACE = uuid.UUID("5b0f7d1e-3c2a-4e59-8f61-2d9a4c7e8b13")


class RssStatementFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.organisation = OrganisationSettings.for_request(request)
        with translation.override(self.index.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        # Translators: the name of the feed of statements in feed readers. The dash is an en dash.
        return gettext("%(organisation)s – %(list)s") % {  # noqa: RUF001
            "organisation": self.organisation.organisation_name,
            "list": self.index.title,
        }

    def link(self):
        return self.index.get_full_url(self.request)

    def feed_url(self):
        return self.link() + self.index.reverse_subpage(self.route_name)

    def description(self):
        return self.index.meta_description or self.index.title

    subtitle = description
    route_name = "rss"

    def items(self):
        return self.index.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{uuid.uuid5(ENTRY_NAMESPACE, f'{item.translation_key}/{item.locale_id}')}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at()

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at()

    def item_categories(self, item):
        return [item.get_kind_display()]

    def item_author_name(self, item):
        return self.organisation.organisation_name


class AtomStatementFeed(RssStatementFeed):
    feed_type = Atom1Feed
    route_name = "atom"
