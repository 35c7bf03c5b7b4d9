"""Re-encrypts every submission with the first key of MEMBER_DATA_KEYS, so that old keys can be dropped."""

from django.core.management.base import BaseCommand
from django.db import transaction

from membership.models import Submission


class Command(BaseCommand):
    help = (
        "Re-encrypt all form submissions with the current (first) key of MEMBER_DATA_KEYS. "
        "Afterwards the old keys can be removed from the variable."
    )

    def handle(self, *args, **options):
        rotated = 0
        with transaction.atomic():
            for submission in Submission.objects.only("pk", "form_data").iterator():
                Submission.objects.filter(pk=submission.pk).update(form_data=submission.form_data)
                rotated += 1
        self.stdout.write(f"{rotated} submission(s) re-encrypted with the current key.")
