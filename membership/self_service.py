"""A member opens, corrects, exports and withdraws their own submission with its reference and secret.

Shared by the "my sign-up" pages (membership/member_views.py) and the API (membership/api.py), so both
answer to the same rules: tries are counted per hashed address and per hashed reference in the shared
cache; a wrong reference and a wrong secret are refused alike, after the same hash check; officers learn
from the audit log and their mail that a submission was corrected or withdrawn, never whose or what.
"""

import time
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext
from django.views.decorators.debug import sensitive_variables
from wagtail.log_actions import log

from membership import member_keys, spam
from membership.models import FormRetention, Submission
from membership.references import normalise_reference

MAX_TYPED_REFERENCE_LENGTH = 100
REFERENCE_SALT = "membership.access-reference"


class AccessRefusedError(Exception):
    """The pair does not open a submission; `message` is the one thing the person is told."""

    status = 403

    def __init__(self):
        super().__init__(no_match_message())

    @property
    def message(self):
        return self.args[0]


class TooManyTriesError(AccessRefusedError):
    status = 429

    def __init__(self, wait_seconds):
        self.wait_seconds = wait_seconds
        minutes = max(1, -(-wait_seconds // 60))
        Exception.__init__(
            self,
            ngettext(
                "Too many tries. For your safety, please wait %(minutes)s minute and try again.",
                "Too many tries. For your safety, please wait %(minutes)s minutes and try again.",
                minutes,
            )
            % {"minutes": minutes},
        )


def no_match_message():
    """The same words for a wrong reference, a wrong secret, and a submission withdrawn or deleted."""
    return gettext(
        "No sign-up matches this reference and secret. Check both (they are not case-sensitive). A sign-up "
        "that was withdrawn, or deleted at the end of its retention period, no longer exists."
    )


def seconds_left(window):
    return int(window - time.time() % window) + 1


def counters(request, reference):
    """(scope, hashed identity, limit, window) of each counter this try counts against."""
    address_limit, address_window = settings.MEMBER_ACCESS_RATE_LIMIT_PER_ADDRESS
    found = [("access-address", spam.address_hash(request), address_limit, address_window)]
    if reference:
        limit, window = settings.MEMBER_ACCESS_RATE_LIMIT_PER_REFERENCE
        found.append(("access-reference", salted_hmac(REFERENCE_SALT, reference).hexdigest(), limit, window))
    return found


@sensitive_variables()
def open_submission(request, typed_reference, typed_secret):
    """The submission this reference and secret open, or AccessRefusedError / TooManyTriesError: never which was wrong.

    Every try counts against the limits of the address and of the reference; a successful one is then
    given back, so that only failed tries use them up.
    """
    typed_reference = typed_reference if isinstance(typed_reference, str) else ""
    if len(typed_reference) > MAX_TYPED_REFERENCE_LENGTH:
        typed_reference = ""
    reference = normalise_reference(typed_reference)
    counted = counters(request, reference)
    over = [
        seconds_left(window)
        for scope, identity, limit, window in counted
        if spam.count_attempt(scope, identity, limit, window)
    ]
    if over:
        raise TooManyTriesError(max(over))
    submission = (
        Submission.objects.select_related("page", "page__locale").filter(reference=reference).first()
        if reference
        else None
    )
    if not member_keys.secret_matches(typed_secret, submission.secret_hash if submission else ""):
        raise AccessRefusedError
    for scope, identity, _limit, window in counted:
        spam.forgive_attempt(scope, identity, window)
    return submission


def audit(submission, action):
    """The audit-log entry officers see: which form, one row; neither the reference nor any answer."""
    page = submission.page
    log(
        FormRetention.for_form(page),
        action,
        data={"form": page.title, "form_page_id": page.pk, "rows": 1},
    )


def form_page_for(submission, language):
    """The form in the asked language when it is live there (same questions, same keys), else the one sent."""
    sent = submission.page.specific
    translation = sent.get_translations(inclusive=True).live().filter(locale__language_code=language).first()
    return translation.specific if translation is not None else sent


@sensitive_variables()
def correct(submission, form, revision):
    """Store the corrected answers of a valid form; False when the answers changed since `revision`."""
    from membership.notifications import notify_officers_of_change

    with transaction.atomic():
        if not submission.correct(form.answers(), revision):
            return False
        audit(submission, "membership.submissions.correct")
        transaction.on_commit(partial(notify_officers_of_change, submission.page_id, "corrected"))
    return True


def withdraw(submission):
    """Erase the submission; False when it was already gone (withdrawn twice, or purged meanwhile)."""
    from membership.notifications import notify_officers_of_change

    with transaction.atomic():
        deleted, _by_model = Submission.objects.filter(pk=submission.pk).delete()
        if not deleted:
            return False
        audit(submission, "membership.submissions.withdraw")
        transaction.on_commit(partial(notify_officers_of_change, submission.page_id, "withdrawn"))
    return True


def readable_answers(submission, page):
    """[(question, answer as text)] in the page's language: choice keys shown as their labels."""
    answers = submission.form_data
    rows = []
    for field in page.get_form_fields():
        value = answers.get(field.clean_name)
        labels = dict(field.choice_options())
        if isinstance(value, list):
            text = ", ".join(str(labels.get(item, item)) for item in value)
        elif isinstance(value, bool):
            text = gettext("Yes") if value else gettext("No")
        elif value is None:
            text = ""
        else:
            text = str(labels.get(value, value))
        rows.append((field.label, text))
    return rows
