"""manage.py backup_site DIR: the database (pg_dump) and every media file, into a new directory.

The member-data key (MEMBER_DATA_KEYS) is never written: submissions stay encrypted in the dump, and
only someone who also holds the key (kept apart, README: Backup and restore) can read them.
"""

import json
import subprocess
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from operations.backups import postgres_environment, postgres_tool, storage_for, walk

KEY_NOTE = (
    "The member-data key (MEMBER_DATA_KEYS) is not in this backup: submissions in it can be read only with "
    "the key, kept apart from the backup."
)


class Command(BaseCommand):
    help = "Back up the site: a PostgreSQL dump and every media file, into a new directory (never the member-data key)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A directory that does not exist yet.")

    def handle(self, directory, **options):
        target = Path(directory)
        if target.exists():
            raise CommandError(f"{target} already exists: give a new directory, so that no backup is overwritten.")
        if connection.vendor != "postgresql":
            raise CommandError("backup_site backs up PostgreSQL (production); this site uses " + connection.vendor)
        target.mkdir(parents=True)
        command, env = postgres_environment(connection.settings_dict)
        dump = target / "database.dump"
        result = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
            [
                postgres_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(dump),
                *command,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        count = 0
        for name in walk(default_storage):  # on S3 one bucket holds the renditions too
            path = target / "media" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with storage_for(name).open(name, "rb") as source:
                path.write_bytes(source.read())
            count += 1
        manifest = {
            "made_at": timezone.now().isoformat(),
            "database": "database.dump",
            "media_files": count,
            "member_data_key": "not included",
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
        self.stdout.write(f"Backed up the database and {count} media files into {target}.")
        self.stdout.write(KEY_NOTE)
