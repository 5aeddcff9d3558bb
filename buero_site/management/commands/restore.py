import json
import shutil
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection
from wagtail.models import Site

from buero_site import backup, page_cache


def open_archive(file):
    try:
        return tarfile.open(file)
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"{file} is not a readable backup: {error}") from error


class Command(BaseCommand):
    help = (
        "Restore a file written by `manage.py backup` into the database of DATABASE_URL and "
        "MEDIA_ROOT, then migrate and rebuild the search index. Both must be empty unless "
        "--replace is given, which deletes everything in them first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A buero-backup-….tar file.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete all tables (schema public) and all files in MEDIA_ROOT before restoring.",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask before --replace deletes anything.",
        )

    def handle(self, *args, file, replace, interactive, **options):
        backup.require_postgresql("The restore")
        started = time.monotonic()
        media_root = Path(settings.MEDIA_ROOT)
        database = connection.settings_dict["NAME"]
        with tempfile.TemporaryDirectory(prefix="buero-restore-") as work:
            work = Path(work)
            manifest = self.unpack(file, work)
            with_media = backup.MEDIA_MEMBER in manifest["members"]

            try:
                tables = connection.introspection.table_names()
            except OperationalError as error:
                raise CommandError(
                    f"Cannot reach the database {database} (create it with createdb): {error}"
                ) from error
            media_files = (
                with_media
                and media_root.is_dir()
                and any(p.is_file() for p in media_root.rglob("*"))
            )
            if (tables or media_files) and not replace:
                raise CommandError(
                    f"Nothing was changed: the database {database} has {len(tables)} tables"
                    + (f" and {media_root} holds files" if media_files else "")
                    + ". Restore into an empty database and media folder, or pass --replace "
                    "(make restore FILE=… REPLACE=1) to delete everything in them first."
                )
            if replace and (tables or media_files):
                self.confirm(interactive, database, media_root if with_media else None)
                self.empty(media_root if with_media else None)

            self.stdout.write(f"Restoring {file.name} into the database {database} …")
            backup.run(
                [
                    "pg_restore",
                    "--exit-on-error",
                    "--single-transaction",
                    "--no-owner",
                    "--no-privileges",
                    f"--dbname={database}",
                    str(work / backup.DATABASE_MEMBER),
                ],
                backup.libpq_env(connection.settings_dict),
            )
            if with_media:
                media_root.mkdir(parents=True, exist_ok=True)
                with tarfile.open(work / backup.MEDIA_MEMBER) as archive:
                    # "data": nothing outside MEDIA_ROOT, no devices, no links out of it.
                    archive.extractall(media_root, filter="data")

        restored = time.monotonic()
        # The code may be newer than the backup; the index and the caches must match the data.
        ContentType.objects.clear_cache()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("update_index", verbosity=0)
        Site.clear_site_root_paths_cache()
        page_cache.purge()
        done = time.monotonic()
        media = f" and {manifest['media_files']} media files" if with_media else ""
        self.stdout.write(
            f"Restored the backup of {manifest['created']}{media} in {done - started:.1f} s "
            f"(data {restored - started:.1f} s, migrate and search index {done - restored:.1f} s)."
        )

    @staticmethod
    def unpack(file, work):
        """Copy the archive's members into ``work`` and check them against the manifest."""
        with open_archive(file) as archive:
            try:
                manifest = json.load(archive.extractfile(backup.MANIFEST_MEMBER))
            except (KeyError, ValueError) as error:
                raise CommandError(f"{file} has no valid {backup.MANIFEST_MEMBER}.") from error
            if manifest.get("format") != backup.FORMAT:
                raise CommandError(f"{file} has backup format {manifest.get('format')!r}.")
            for name, expected in manifest["members"].items():
                if name not in (backup.DATABASE_MEMBER, backup.MEDIA_MEMBER):
                    raise CommandError(f"{file} names an unknown member {name!r}.")
                try:
                    source = archive.extractfile(name)
                except KeyError as error:
                    raise CommandError(f"{file} lacks {name}; it is incomplete.") from error
                with source, open(work / name, "wb") as target:
                    shutil.copyfileobj(source, target)
                if backup.sha256(work / name) != expected["sha256"]:
                    raise CommandError(f"{name} in {file} does not match its checksum.")
        if backup.DATABASE_MEMBER not in manifest["members"]:
            raise CommandError(f"{file} holds no database.")
        return manifest

    def confirm(self, interactive, database, media_root):
        if not interactive:
            return
        also = f" and every file in {media_root}" if media_root else ""
        try:
            answer = input(
                f"This deletes all data in the database {database}{also}. Type 'yes' to continue: "
            )
        except EOFError:
            answer = ""
        if answer != "yes":
            raise CommandError("Restore cancelled; nothing was changed.")

    @staticmethod
    def empty(media_root):
        """Drop every table, sequence and view; delete the media folder's contents."""
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        if media_root and media_root.is_dir():
            for child in media_root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
