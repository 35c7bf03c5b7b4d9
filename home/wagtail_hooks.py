from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import upstream_patches
from home.dashboard import StaffOverviewPanel
from home.guides import GuideIndexView, GuideView
from home.models import FooterText, Menu
from home.navigation import requested_language, translation_to_serve_instead
from home.translation_report import StaleTranslationsReportView


@hooks.register("before_serve_page")
def send_to_an_available_language(page, request, serve_args, serve_kwargs):
    """A page asked for in a language it is not live in goes to its best live translation, with a notice.

    Wagtail would otherwise show the Dutch page under a French address.
    """
    requested = requested_language(request)
    target = translation_to_serve_instead(page, requested, request)
    if target is None:
        return None
    return redirect(f"{target.get_url(request)}?{urlencode({'unavailable': requested})}")


@hooks.register("register_admin_urls")
def upstream_patch_urls():
    return upstream_patches.admin_urls


@hooks.register("register_admin_urls")
def translation_report_urls():
    return [
        path("reports/translations-to-update/", StaleTranslationsReportView.as_view(), name="stale_translations"),
        path(
            "reports/translations-to-update/results/",
            StaleTranslationsReportView.as_view(results_only=True),
            name="stale_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return MenuItem(_("Translations to update"), reverse("stale_translations"), icon_name="globe", order=700)


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    list_display = ["name", "locale"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer texts")
    list_display = ["__str__", "locale"]


register_snippet(MenuViewSet)
register_snippet(FooterTextViewSet)


@hooks.register("construct_homepage_panels")
def add_staff_overview_panel(request, panels):
    panels.append(StaffOverviewPanel())


@hooks.register("register_admin_urls")
def staff_guide_urls():
    return [
        path("guides/", GuideIndexView.as_view(), name="staff_guides"),
        path("guides/<slug:name>/", GuideView.as_view(), name="staff_guide"),
    ]


@hooks.register("register_help_menu_item")
def staff_guides_menu_item():
    return MenuItem(_("Staff guides"), reverse("staff_guides"), icon_name="help", order=900)
