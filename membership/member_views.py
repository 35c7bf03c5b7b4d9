"""The "my sign-up" pages: a member opens their submission with its reference and secret, without an account.

The session holds only the submission's id and the time of the last request: it ends after
MEMBER_SESSION_IDLE_SECONDS without a request, on "sign out", on withdrawal and through the quick exit.
Every answer is no-store; error reports show neither what was posted nor the variables of these views.
"""

import json
import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from home.models import OrganisationSettings
from membership import member_keys, self_service
from membership.models import Submission
from membership.models.forms import reject_garbled_post
from membership.self_service import AccessRefusedError

SESSION_KEY = "member_sign_up"
REVISION_FIELD = "revision"


class AccessForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Reference"),
        max_length=self_service.MAX_TYPED_REFERENCE_LENGTH,
        help_text=gettext_lazy("For example UTS-7K2M-9QXD."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    secret = forms.CharField(
        label=gettext_lazy("Secret"),
        max_length=member_keys.MAX_TYPED_LENGTH,
        help_text=gettext_lazy("The five groups of four characters shown with your reference."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def end_member_session(request):
    """Forget the submission and give the session a new key, so nothing of it can be reused."""
    if SESSION_KEY in request.session:
        del request.session[SESSION_KEY]
        request.session.cycle_key()


def start_member_session(request, submission):
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"id": submission.pk, "seen": time.time()}
    request.session.set_expiry(settings.MEMBER_SESSION_IDLE_SECONDS)


def idle_minutes():
    return settings.MEMBER_SESSION_IDLE_SECONDS // 60


def no_store(response):
    response["Cache-Control"] = "no-cache, no-store, must-revalidate, private, max-age=0"
    return response


def render(request, template, context=None, status=200):
    return no_store(TemplateResponse(request, f"membership/my_sign_up/{template}", context or {}, status=status))


decorators = [never_cache, sensitive_post_parameters(), sensitive_variables()]


@method_decorator(decorators, name="dispatch")
class SignInView(View):
    """Reference and secret in, the member's own submission out; refused alike whatever was wrong."""

    def get(self, request):
        return render(request, "sign_in.html", {"form": AccessForm(), "idle_minutes": idle_minutes()})

    def post(self, request):
        form = AccessForm(request.POST)
        if not form.is_valid():
            return render(request, "sign_in.html", {"form": form, "idle_minutes": idle_minutes()})
        try:
            submission = self_service.open_submission(
                request, form.cleaned_data["reference"], form.cleaned_data["secret"]
            )
        except AccessRefusedError as refusal:
            form.add_error(None, refusal.message)
            response = render(
                request, "sign_in.html", {"form": form, "idle_minutes": idle_minutes()}, status=refusal.status
            )
            if refusal.status == 429:
                response["Retry-After"] = str(refusal.wait_seconds)
            return response
        start_member_session(request, submission)
        return no_store(redirect("membership_my_sign_up_answers"))


class MemberSessionMixin:
    """The submission of the member's session, or the way back to the sign-in page when there is none."""

    def dispatch(self, request, *args, **kwargs):
        state = request.session.get(SESSION_KEY)
        if not isinstance(state, dict):
            return no_store(redirect("membership_my_sign_up"))
        if time.time() - state.get("seen", 0) > settings.MEMBER_SESSION_IDLE_SECONDS:
            end_member_session(request)
            messages.info(
                request,
                ngettext(
                    "You were signed out after %(minutes)s minute without activity.",
                    "You were signed out after %(minutes)s minutes without activity.",
                    idle_minutes(),
                )
                % {"minutes": idle_minutes()},
            )
            return no_store(redirect("membership_my_sign_up"))
        self.submission = Submission.objects.select_related("page", "page__locale").filter(pk=state.get("id")).first()
        if self.submission is None:
            end_member_session(request)
            return render(request, "gone.html", status=410)
        request.session[SESSION_KEY] = {**state, "seen": time.time()}
        request.session.set_expiry(settings.MEMBER_SESSION_IDLE_SECONDS)
        self.form_page = self_service.form_page_for(self.submission, translation.get_language())
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra):
        return {"submission": self.submission, "form_page": self.form_page, "in_member_session": True, **extra}


@method_decorator(decorators, name="dispatch")
class AnswersView(MemberSessionMixin, View):
    def get(self, request):
        answers = self_service.readable_answers(self.submission, self.form_page)
        return render(request, "answers.html", self.context(answers=answers))


@method_decorator(decorators, name="dispatch")
class CorrectView(MemberSessionMixin, View):
    """The very form of the page, filled in with the stored answers, checked as when it was sent."""

    def get_form(self, *args, **kwargs):
        page = self.form_page
        return page.get_form(*args, page=page, user=self.request.user, request=self.request, **kwargs)

    def get(self, request):
        form = self.get_form(initial=self.submission.form_data)
        return render(request, "correct.html", self.context(form=form, revision=self.submission.revision))

    def post(self, request):
        reject_garbled_post(request)
        form = self.get_form(request.POST, request.FILES)
        try:
            revision = int(request.POST.get(REVISION_FIELD, ""))
        except ValueError:
            revision = -1
        status = 200
        if form.is_valid():
            if self_service.correct(self.submission, form, revision):
                messages.success(request, gettext("Your answers have been corrected."))
                return no_store(redirect("membership_my_sign_up_answers"))
            form.add_error(
                None,
                gettext(
                    "Your sign-up was changed in another window or tab after you opened this form. "
                    "What you typed is below: check it and send it again."
                ),
            )
            status = 409
        elif form.blocked == "rate_limit":
            status = 429
        return render(
            request, "correct.html", self.context(form=form, revision=self.submission.revision), status=status
        )


@method_decorator(decorators, name="dispatch")
class DownloadView(MemberSessionMixin, View):
    """Everything kept about the submission, as JSON or as a text file to read, as it is now."""

    def get(self, request, file_format):
        filename = f"utsopi-{self.submission.reference}"
        if file_format == "json":
            body = json.dumps(self.submission.as_export(), ensure_ascii=False, indent=2)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        else:
            body = render_to_string(
                "membership/my_sign_up/answers.txt",
                self.context(answers=self_service.readable_answers(self.submission, self.form_page)),
                request=request,
            )
            response = HttpResponse(body, content_type="text/plain; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}.txt"'
        return no_store(response)


@method_decorator(decorators, name="dispatch")
class WithdrawView(MemberSessionMixin, View):
    """Says what withdrawing means, then erases the submission once the member confirms."""

    def get(self, request):
        return render(request, "withdraw.html", self.context())

    def post(self, request):
        withdrawn = self_service.withdraw(self.submission)
        end_member_session(request)
        return render(request, "withdrawn.html" if withdrawn else "gone.html", status=200 if withdrawn else 410)


@method_decorator(decorators, name="dispatch")
class SignOutView(View):
    def post(self, request):
        end_member_session(request)
        messages.info(request, gettext("You are signed out of your sign-up."))
        return no_store(redirect("membership_my_sign_up"))


@method_decorator(decorators, name="dispatch")
class QuickExitView(View):
    """The quick exit of these pages: ends the member's session, then goes on to the neutral site."""

    def get(self, request):
        end_member_session(request)
        response = HttpResponseRedirect(OrganisationSettings.for_request(request).quick_exit_url)
        return no_store(response)
