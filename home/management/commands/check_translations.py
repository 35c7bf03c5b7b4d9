from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# English is the language of the message ids, so its catalogue may leave them as they are.
LANGUAGES_THAT_MUST_BE_COMPLETE = ["nl", "fr"]


class Command(BaseCommand):
    help = "Fail when a Dutch or French catalogue has an untranslated or fuzzy string (run `make messages` first)."

    def handle(self, *args, **options):
        problems = []
        for language in LANGUAGES_THAT_MUST_BE_COMPLETE:
            path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
            if not path.exists():
                problems.append(f"{path} is missing")
                continue
            catalogue = polib.pofile(str(path))
            problems += [f"{language}: untranslated: {entry.msgid!r}" for entry in catalogue.untranslated_entries()]
            problems += [f"{language}: fuzzy: {entry.msgid!r}" for entry in catalogue.fuzzy_entries()]
        if problems:
            raise CommandError("Incomplete translations:\n  " + "\n  ".join(problems))
        self.stdout.write("Dutch and French translations are complete.")
