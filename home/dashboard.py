"""A panel on the admin dashboard: what is waiting for staff, in numbers only, and the staff guides.

Counts and links, never names: the dashboard is seen by every member of staff, and who asked for a
review or who translates is nobody else's business.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState, get_default_page_content_type
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.guides import all_guides
from home.translation_report import stale_translations


def pages_waiting_for_review():
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=get_default_page_content_type()
    ).count()


class StaffOverviewPanel(Component):
    name = "staff_overview"
    template_name = "wagtailadmin/home/staff_overview.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        context = {"guides": all_guides(), "works_on_pages": False}
        # Reviews and translations concern those who work on pages; membership officers only get the guides.
        if PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"]):
            context.update(
                works_on_pages=True,
                pages_waiting_for_review=pages_waiting_for_review(),
                review_report_url=reverse("wagtailadmin_reports:workflow") + "?status=in_progress",
                translations_to_update=len(stale_translations()),
                translations_report_url=reverse("stale_translations"),
            )
        return context
