"""Deletes the submissions older than their form's retention period. Run daily (see README); safe to repeat."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.forms.utils import get_form_types
from wagtail.log_actions import log
from wagtail.models import Page

from membership.models import FormRetention, Submission


class Command(BaseCommand):
    help = "Delete form submissions kept longer than their form's retention period. Prints counts only."

    def handle(self, *args, **options):
        now = timezone.now()
        for page in Page.objects.filter(content_type__in=get_form_types()).distinct():
            FormRetention.for_form(page)
        total = 0
        for retention in FormRetention.objects.exclude(retention_days=None).order_by("pk"):
            with transaction.atomic():
                _deleted, per_model = retention.expired_submissions(now).delete()
                rows = per_model.get(Submission._meta.label, 0)
                if rows:
                    log(retention, "membership.submissions.purge", data={"form": str(retention), "rows": rows})
            total += rows
            self.stdout.write(
                f"{retention}: {rows} expired submission(s) deleted (kept {retention.retention_days} days)."
            )
        self.stdout.write(f"Done: {total} expired submission(s) deleted.")
