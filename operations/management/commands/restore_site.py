"""manage.py restore_site DIR: a backup_site backup, into an empty database and empty media storage."""

import json
import subprocess
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.backups import postgres_environment, postgres_tool, storage_for, walk


class Command(BaseCommand):
    help = "Restore a backup made by backup_site into an empty database and empty media storage."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        source = Path(directory)
        if not (source / "manifest.json").is_file() or not (source / "database.dump").is_file():
            raise CommandError(f"{source} is not a backup made by backup_site (no manifest.json or database.dump).")
        manifest = json.loads((source / "manifest.json").read_text())
        if connection.vendor != "postgresql":
            raise CommandError(
                "restore_site restores into PostgreSQL (production); this site uses " + connection.vendor
            )
        if connection.introspection.table_names():
            raise CommandError("The database is not empty: restore only into a new, empty database.")
        if next(walk(default_storage), None) is not None:
            raise CommandError("The media storage is not empty: restore only into empty storage.")
        arguments, env = postgres_environment(connection.settings_dict)
        result = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
            [
                postgres_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                *arguments[:-1],
                "--dbname",
                arguments[-1],
                str(source / "database.dump"),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        restored = 0
        folder = source / "media"
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                saved = storage_for(name).save(name, ContentFile(path.read_bytes()))
                if saved != name:
                    raise CommandError(f"The storage renamed {name} to {saved}: is it really empty?")
                restored += 1
        self.stdout.write(f"Restored the database and {restored} media files from {source} ({manifest['made_at']}).")
        self.stdout.write(
            "The member-data key (MEMBER_DATA_KEYS) was not in the backup: set the same key as before in this "
            "site's environment, or the submissions stay unreadable."
        )
