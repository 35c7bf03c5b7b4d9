"""Where answers are kept: encrypted, under a random reference, for as long as each form's retention allows."""

import datetime
import hashlib
from functools import partial

from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import AbstractFormSubmission, validate_to_address
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Locale, Page

from membership import member_keys, references
from membership.encryption import EncryptedJSONField

REFERENCE_ATTEMPTS = 5


class SubmissionManager(models.Manager):
    @sensitive_variables()
    def record(self, page, answers, consent_text):
        """Store one reply under a new unique reference; officers are told once it is safely stored.

        The returned submission carries, in `secret`, the member's secret in clear: shown once, then gone.
        """
        from membership.notifications import notify_officers

        secret = member_keys.new_secret()
        secret_hash = member_keys.hash_secret(secret)  # slow on purpose: before the transaction, not in it
        with transaction.atomic():
            submission = self._create_with_new_reference(
                page=page,
                form_data=answers,
                language=page.locale.language_code,
                consent_text=consent_text,
                consented_at=timezone.now() if consent_text else None,
                secret_hash=secret_hash,
            )
            transaction.on_commit(partial(notify_officers, submission.pk))
        submission.secret = secret
        return submission

    def _create_with_new_reference(self, **fields):
        for _attempt in range(REFERENCE_ATTEMPTS - 1):
            try:
                with transaction.atomic():
                    return self.create(reference=references.new_reference(), **fields)
            except IntegrityError:  # the one-in-a-trillion reference already taken: draw again
                continue
        return self.create(reference=references.new_reference(), **fields)


class Submission(AbstractFormSubmission):
    """One reply to a protected form. The answers are encrypted; what is in clear says nothing about the person."""

    form_data = EncryptedJSONField()
    reference = models.CharField(_("reference"), max_length=references.LENGTH, unique=True, editable=False)
    language = models.CharField(
        _("language"), max_length=16, editable=False, help_text=_("The language version of the form that was sent.")
    )
    consent_text = models.TextField(_("consent text shown"), blank=True, editable=False)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True, editable=False)
    secret_hash = models.CharField(
        _("hash of the member's secret"),
        max_length=256,
        blank=True,
        editable=False,
        help_text=_("Lets the member open their own submission; the secret itself is never stored."),
    )
    revision = models.PositiveIntegerField(
        _("revision"), default=0, editable=False, help_text=_("How many times the member corrected the answers.")
    )

    objects = SubmissionManager()

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        """The reference only: this is what logs and admin messages may show."""
        return self.reference

    @property
    def consent_version(self):
        """A short fingerprint of the consent text shown, to tell versions apart in a spreadsheet."""
        if not self.consent_text:
            return ""
        return hashlib.sha256(self.consent_text.encode()).hexdigest()[:12]

    def get_data(self):
        return {
            **self.form_data,
            "submit_time": self.submit_time,
            "reference": self.reference,
            "language": self.language,
            "consent_version": self.consent_version,
            "consented_at": self.consented_at,
        }

    def as_export(self):
        """Everything kept about this reply, for the member who asks for a copy (GDPR art. 15)."""
        return {
            "reference": self.reference,
            "form": self.page.title,
            "language": self.language,
            "submitted_at": self.submit_time.isoformat(),
            "consent_text": self.consent_text,
            "consented_at": self.consented_at.isoformat() if self.consented_at else None,
            "answers": self.form_data,
        }

    def correct(self, answers, revision):
        """Replace the answers if nobody changed them since `revision`; False when they were (a replay).

        The submission date is kept: retention still counts from the day the form was sent.
        """
        updated = Submission.objects.filter(pk=self.pk, revision=revision).update(
            form_data=answers, revision=models.F("revision") + 1
        )
        if updated:
            self.form_data, self.revision = answers, revision + 1
        return bool(updated)


class FormRetention(models.Model):
    """How long one form's submissions are kept, for all its language versions. Changed by membership officers."""

    form_key = models.UUIDField(
        unique=True, editable=False, help_text=_("The translation key shared by the form's language versions.")
    )
    retention_days = models.PositiveIntegerField(
        _("retention in days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Submissions older than this are deleted every night. Empty: kept until an officer erases them."),
    )

    panels = [FieldPanel("retention_days")]

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")

    def __str__(self):
        page = self.form_pages().filter(locale=Locale.get_default()).first() or self.form_pages().first()
        return page.title if page else str(self.form_key)

    @classmethod
    def for_form(cls, page):
        retention, _created = cls.objects.get_or_create(
            form_key=page.translation_key, defaults={"retention_days": page.specific.default_retention_days}
        )
        return retention

    def form_pages(self):
        return Page.objects.filter(translation_key=self.form_key)

    def expired_submissions(self, now=None):
        if self.retention_days is None:
            return Submission.objects.none()
        cutoff = (now or timezone.now()) - datetime.timedelta(days=self.retention_days)
        return Submission.objects.filter(page__translation_key=self.form_key, submit_time__lt=cutoff)


@register_setting(icon="mail")
class NotificationSettings(BaseGenericSetting):
    """Who is told that a form was sent. Only superusers may change it: no group is given this permission."""

    recipients = models.CharField(
        _("recipients"),
        max_length=1000,
        blank=True,
        validators=[validate_to_address],
        help_text=_(
            "E-mail addresses of the membership officers, separated by commas. They receive a link to the "
            "admin, never the answers."
        ),
    )

    class Meta:
        verbose_name = _("notifications of new submissions")

    def recipient_list(self):
        return [address.strip() for address in self.recipients.split(",") if address.strip()]
