from django.core.management.base import BaseCommand

from home.initial_content.loader import InitialContentLoader
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Build the union's site in Dutch, English and French from its own text. "
        "Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page (used by `make run`, so editors' deletions stay).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("The site already has content; nothing loaded.")
            return
        InitialContentLoader(log=self.stdout.write).load()
