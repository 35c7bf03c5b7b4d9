"""The staff guides in docs/, shown to signed-in staff as pages of the admin, so nobody needs the repository.

Only the guides listed here are served: a name from the URL never becomes a file path by itself.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from markdown_it import MarkdownIt
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

DOCS_DIR = settings.BASE_DIR / "docs"

# Guide name (the file docs/<name>.md and the URL /admin/guides/<name>/) -> the language it is written in.
GUIDES = {
    "editors": "en",
    "editors-nl": "nl",
    "editors-fr": "fr",
    "translators": "en",
    "reviewers": "en",
    "membership-officers": "en",
}

GUIDE_LINK = re.compile(r"^(?P<name>[a-z-]+)\.md(?P<anchor>#[\w-]*)?$")

# CommonMark without raw HTML, plus tables: the guides are text, never markup to trust.
markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(frozen=True)
class Guide:
    name: str
    language: str

    @property
    def text(self):
        return (DOCS_DIR / f"{self.name}.md").read_text(encoding="utf-8")

    @property
    def title(self):
        """The guide's first heading, in its own language."""
        for line in self.text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        return self.name

    @property
    def url(self):
        return reverse("staff_guide", args=[self.name])

    def as_html(self):
        """The guide below its title (the admin header shows that); links to another guide's .md file lead to
        that guide's admin page."""
        body = self.text.replace(f"# {self.title}\n", "", 1)
        tokens = markdown.parse(body)
        for link in (child for token in tokens for child in token.children or [] if child.type == "link_open"):
            match = GUIDE_LINK.match(link.attrGet("href") or "")
            if match and match["name"] in GUIDES:
                link.attrSet("href", reverse("staff_guide", args=[match["name"]]) + (match["anchor"] or ""))
        return mark_safe(markdown.renderer.render(tokens, markdown.options, {}))  # noqa: S308 (raw HTML is off)


def all_guides():
    return [Guide(name, language) for name, language in GUIDES.items()]


class GuideIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtailadmin/guides/index.html"
    page_title = _("Staff guides")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, guides=all_guides())


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtailadmin/guides/guide.html"
    header_icon = "help"

    def setup(self, request, *args, name, **kwargs):
        super().setup(request, *args, name=name, **kwargs)
        if name not in GUIDES:
            raise Http404
        self.guide = Guide(name, GUIDES[name])

    def get_page_title(self):
        return self.guide.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("staff_guides"), "label": _("Staff guides")},
            {"url": "", "label": self.guide.title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, guide=self.guide)
