"""Telling the membership officers that a form was sent: a link to the admin, never the answers."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

logger = logging.getLogger(__name__)


def notify_officers(submission_pk):
    """Called once the submission is committed; a mail failure never loses or exposes the submission."""
    from membership.models import NotificationSettings, Submission

    recipients = NotificationSettings.load().recipient_list()
    submission = Submission.objects.select_related("page").defer("form_data").filter(pk=submission_pk).first()
    if not recipients or submission is None:
        return
    context = {
        "form_title": submission.page.title,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("membership_submission", args=[submission.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("membership/email/new_submission_subject.txt", context).strip()
        body = render_to_string("membership/email/new_submission.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Could not send the notification of submission %s.", submission_pk)


def notify_officers_of_change(page_id, change):
    """A member corrected ("corrected") or withdrew ("withdrawn") a submission: which form, never who or what."""
    from membership.models import NotificationSettings
    from membership.models.submissions import FormRetention

    recipients = NotificationSettings.load().recipient_list()
    if not recipients:
        return
    retention = FormRetention.objects.filter(form_key__in=Page.objects.filter(pk=page_id).values("translation_key"))
    context = {"form_title": str(retention.first() or ""), "change": change}  # the title in the source language
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("membership/email/changed_submission_subject.txt", context).strip()
        body = render_to_string("membership/email/changed_submission.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Could not send the notification that a submission was %s.", change)
