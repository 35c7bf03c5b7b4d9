"""The membership officers' admin: submissions of every form in every language, decrypted, and nothing else.

Access goes through Wagtail's own `get_forms_for_user`, narrowed by this app's
`filter_form_submissions_for_user` hook, so the list, its exports, the detail, the JSON copy, the
erasure and Wagtail's delete view all answer to the same rule. Each of them writes to the audit log
who did what to which form and how many rows, never what the rows contain. Error reports from these
views never show the decrypted answers (sensitive_variables).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.debug import sensitive_variables
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_form_types, get_forms_for_user
from wagtail.contrib.forms.views import DeleteSubmissionsView, FormPagesListView, SubmissionsListView
from wagtail.log_actions import log
from wagtail.models import Page

from membership.models import FormRetention, Submission
from membership.references import normalise_reference

VIEW_PERMISSION = "membership.view_submission"
DELETE_PERMISSION = "membership.delete_submission"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def audit(user, action, form_page, rows, **details):
    """One audit-log entry on the form's retention record (seen only by officers): who, which form, how many."""
    log(
        FormRetention.for_form(form_page),
        action,
        user=user,
        data={"form": form_page.title, "form_page_id": form_page.pk, "rows": rows, **details},
    )


def neutralise_formula(value):
    """A spreadsheet must not run what a visitor typed: '=HYPERLINK(…)' is written as text."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def as_text(value):
    return ", ".join(map(str, value)) if isinstance(value, list) else value


def may_see(user, submission):
    return get_forms_for_user(user).filter(pk=submission.page_id).exists()


class FormIndexView(FormPagesListView):
    """Wagtail's list of forms, for officers (who edit no page), one row per form whatever its languages."""

    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        originals = (
            Page.objects.filter(content_type__in=get_form_types())
            .values("translation_key")
            .annotate(original=Min("pk"))
            .values("original")
        )
        return super().get_base_queryset().filter(pk__in=originals)


@method_decorator(sensitive_variables(), name="dispatch")
class SubmissionsView(SubmissionsListView):
    """The submissions of all language versions of a form, with reference and language, decrypted."""

    results_template_name = "membership/admin/submissions_results.html"
    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        str: {SubmissionsListView.FORMAT_CSV: neutralise_formula},
    }

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            rows = context["submissions"].count()
            audit(
                self.request.user,
                "membership.submissions.export",
                self.form_page,
                rows,
                format=self.request.GET["export"],
            )
        else:
            audit(self.request.user, "membership.submissions.list", self.form_page, len(context["data_rows"]))
        return super().render_to_response(context, **response_kwargs)


class DeleteSelectedSubmissionsView(DeleteSubmissionsView):
    """Wagtail's delete view, logged, and only for those who may delete member data."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(DELETE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def handle_delete(self, submissions):
        rows = submissions.count()
        super().handle_delete(submissions)
        audit(self.request.user, "membership.submissions.delete", self.page, rows)


@method_decorator(sensitive_variables(), name="dispatch")
class SubmissionMixin:
    """Finds the submission and refuses anyone who may not see its form."""

    permission_required = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        self.submission = get_object_or_404(Submission.objects.select_related("page"), pk=kwargs["pk"])
        if not request.user.has_perm(self.permission_required) or not may_see(request.user, self.submission):
            raise PermissionDenied
        self.form_page = self.submission.page.specific
        return super().dispatch(request, *args, **kwargs)


class SubmissionAdminPageMixin(SubmissionMixin, WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailforms:index"), "label": gettext("Forms")},
            {
                "url": reverse("wagtailforms:list_submissions", args=[self.form_page.pk]),
                "label": self.form_page.get_admin_display_title(),
            },
            {"url": "", "label": self.submission.reference},
        ]


class SubmissionDetailView(SubmissionAdminPageMixin, TemplateView):
    template_name = "membership/admin/submission_detail.html"
    page_title = gettext_lazy("Form submission")
    header_icon = "form"

    def get(self, request, *args, **kwargs):
        audit(request.user, "membership.submissions.view", self.form_page, 1)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answers = self.submission.form_data
        context.update(
            submission=self.submission,
            form_page=self.form_page,
            answers=[
                (field.label, as_text(answers.get(field.clean_name))) for field in self.form_page.get_form_fields()
            ],
            may_erase=self.request.user.has_perm(DELETE_PERMISSION),
        )
        return context


class SubmissionExportView(SubmissionMixin, View):
    """Everything kept about one reference, as JSON, for the member who asked for a copy."""

    def get(self, request, *args, **kwargs):
        audit(request.user, "membership.submissions.export", self.form_page, 1, format="json")
        response = JsonResponse(self.submission.as_export(), json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = f'attachment; filename="{self.submission.reference}.json"'
        return response


class SubmissionEraseView(SubmissionAdminPageMixin, TemplateView):
    """Erase one reference at the member's request, in one action; the log keeps that it happened, not what."""

    permission_required = DELETE_PERMISSION
    template_name = "membership/admin/submission_erase.html"
    page_title = gettext_lazy("Erase a submission")
    header_icon = "bin"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submission": self.submission}

    def post(self, request, *args, **kwargs):
        reference = self.submission.reference
        self.submission.delete()
        audit(request.user, "membership.submissions.erase", self.form_page, 1)
        messages.success(request, gettext("Submission %(reference)s has been erased.") % {"reference": reference})
        return redirect("wagtailforms:list_submissions", self.form_page.pk)


class FindReferenceView(WagtailAdminTemplateMixin, TemplateView):
    """An officer types the reference a member quoted and lands on that submission."""

    template_name = "membership/admin/find_reference.html"
    page_title = gettext_lazy("Find a member reference")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        typed = request.GET.get("reference", "")
        if typed:
            reference = normalise_reference(typed)
            submission = reference and Submission.objects.filter(reference=reference).only("pk", "page_id").first()
            if submission and may_see(request.user, submission):
                return redirect("membership_submission", submission.pk)
            messages.error(request, gettext("No submission has this reference."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "typed": self.request.GET.get("reference", "")}
