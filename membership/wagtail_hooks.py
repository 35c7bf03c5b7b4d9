"""Need to know (DESIGN §8): only membership officers and superusers reach member data in the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.forms.utils import get_form_types
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from membership import views
from membership.models import FormRetention


@hooks.register("filter_form_submissions_for_user")
def only_membership_officers_see_submissions(user, editable_forms):
    """Every form, in every language, for officers and superusers; none for anyone else, editors included."""
    if user.has_perm(views.VIEW_PERMISSION):
        return Page.objects.filter(content_type__in=get_form_types())
    return editable_forms.none()


@hooks.register("register_admin_urls", order=-1)
def member_data_urls():
    """Runs before wagtail.contrib.forms' hook, so the first three paths take the place of Wagtail's own views."""
    return [
        path("forms/", views.FormIndexView.as_view(), name="membership_forms"),
        path("forms/results/", views.FormIndexView.as_view(results_only=True), name="membership_forms_results"),
        path(
            "forms/submissions/<int:page_id>/delete/",
            views.DeleteSelectedSubmissionsView.as_view(),
            name="membership_delete_submissions",
        ),
        path("member-data/submissions/<int:pk>/", views.SubmissionDetailView.as_view(), name="membership_submission"),
        path(
            "member-data/submissions/<int:pk>/json/",
            views.SubmissionExportView.as_view(),
            name="membership_submission_json",
        ),
        path(
            "member-data/submissions/<int:pk>/erase/",
            views.SubmissionEraseView.as_view(),
            name="membership_submission_erase",
        ),
        path("member-data/reference/", views.FindReferenceView.as_view(), name="membership_find_reference"),
    ]


class OfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def find_reference_menu_item():
    return OfficersMenuItem(
        _("Member reference"),
        reverse("membership_find_reference"),
        name="member-reference",
        icon_name="search",
        order=710,
    )


MEMBER_DATA_LOG_ACTIONS = {
    "membership.submissions.list": (_("List form submissions"), _("Listed %(rows)s submissions")),
    "membership.submissions.view": (_("View a form submission"), _("Viewed one submission")),
    "membership.submissions.export": (_("Export form submissions"), _("Exported %(rows)s submissions as %(format)s")),
    "membership.submissions.delete": (_("Delete form submissions"), _("Deleted %(rows)s submissions")),
    "membership.submissions.erase": (_("Erase a submission"), _("Erased one submission at the member's request")),
    "membership.submissions.purge": (_("Purge expired submissions"), _("Deleted %(rows)s expired submissions")),
    "membership.submissions.correct": (
        _("Correction by the member"),
        _("A member corrected their submission"),
    ),
    "membership.submissions.withdraw": (
        _("Withdrawal by the member"),
        _("A member withdrew their submission; it was erased"),
    ),
}


class MemberDataLogFormatter(LogFormatter):
    """A message made of the entry's counts only: the log holds no personal data to show."""

    def format_message(self, log_entry):
        return self.message % {"rows": log_entry.data.get("rows", 0), "format": log_entry.data.get("format", "")}


@hooks.register("register_log_actions")
def member_data_log_actions(actions):
    for action, (label, message) in MEMBER_DATA_LOG_ACTIONS.items():
        formatter = type("MemberDataActionFormatter", (MemberDataLogFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)


class RetentionPermissionPolicy(ModelPermissionPolicy):
    """Retention periods come with their forms: people change them, never add or remove one."""

    def user_has_permission(self, user, action):
        return action not in {"add", "copy", "delete"} and super().user_has_permission(user, action)


register_permission_policy(FormRetention, RetentionPermissionPolicy(FormRetention), exact_class=True)


class RetentionViewSet(SnippetViewSet):
    model = FormRetention
    icon = "time"
    menu_label = _("Retention periods")
    menu_order = 720
    add_to_admin_menu = True
    list_display = ["__str__", "retention_days"]


register_snippet(RetentionViewSet)
