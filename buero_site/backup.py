"""What `manage.py backup` and `manage.py restore` share: the archive's layout and PostgreSQL.

A backup is one uncompressed tar file with three members: the database as a pg_dump archive
in custom format (already compressed), the media folder as a tar.gz and a manifest with
SHA-256 checksums, so a restore can refuse a truncated or altered file before it touches
anything.
"""

import hashlib
import os
import subprocess

from django.core.management.base import CommandError
from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient

FORMAT = 1
DATABASE_MEMBER = "database.dump"
MEDIA_MEMBER = "media.tar.gz"
MANIFEST_MEMBER = "manifest.json"
NAME_PREFIX = "buero-backup-"


def require_postgresql(action):
    """Backups are pg_dump archives; the SQLite of `make run` is a file one copies instead."""
    if connection.vendor != "postgresql":
        raise CommandError(
            f"{action} is for the PostgreSQL production set-up; this database is "
            f"{connection.display_name} (DATABASE_URL unset or not postgres://…). Set "
            'DATABASE_URL=postgres://… (docs/betrieb.md, "Sichern und wiederherstellen").'
        )


def libpq_env(settings_dict):
    """The environment for pg_dump/pg_restore: connection facts as PG* variables.

    The password goes through the environment, never the command line (visible in `ps`).
    """
    _args, extra = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(extra or {})}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def run(args, env):
    """Run a PostgreSQL client program; any failure is a CommandError with its message."""
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise CommandError(
            f"{args[0]} not found; install the PostgreSQL client programs (Debian: "
            "postgresql-client) in the version of the server or newer."
        ) from error
    if result.returncode != 0:
        raise CommandError(
            f"{args[0]} failed (exit status {result.returncode}):\n{result.stderr.strip()}"
        )
    return result


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
