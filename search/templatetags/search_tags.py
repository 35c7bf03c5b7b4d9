from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag
def specific_pages(pages):
    """The specific versions of a list of pages (e.g. search results), in the same order, in one query per page type."""
    pages = list(pages)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    return [specific.get(page.pk, page) for page in pages]
