"""What backup_site and restore_site share: the storages that hold media, and how to reach PostgreSQL."""

import os
import shutil

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import CommandError

RENDITIONS_FOLDER = "images/"


def storage_for(name):
    """Renditions (images/) have their own public storage on S3; every other file is in the default one."""
    if name.startswith(RENDITIONS_FOLDER) and "renditions" in settings.STORAGES:
        return storages["renditions"]
    return storages["default"]


def walk(storage, folder=""):
    """Every file name in a storage, recursively."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a local media folder not made yet holds nothing
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}" if folder else directory)


def postgres_tool(name):
    """The full path of pg_dump or pg_restore, or a message saying what to install."""
    path = shutil.which(name)
    if path is None:
        raise CommandError(f"{name} is missing: install PostgreSQL's client tools (apt-get install postgresql-client).")
    return path


def postgres_environment(database):
    """pg_dump/pg_restore arguments for the connection (the database name last) and an environment with its password."""
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    arguments = []
    if database.get("HOST"):
        arguments += ["--host", database["HOST"]]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", database["USER"]]
    return [*arguments, database["NAME"]], env
