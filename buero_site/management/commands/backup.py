import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from buero_site import backup


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump, custom format) and the media folder into "
        "one file buero-backup-YYYYMMDD-HHMMSS.tar; `manage.py restore` reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups"),
            help="Folder for the backup file (default: $BACKUP_DIR or backups/ in the project).",
        )
        parser.add_argument(
            "--skip-media",
            action="store_true",
            help="Database only, for sites whose uploads live in an S3 bucket.",
        )

    def handle(self, *args, output_dir, skip_media, **options):
        backup.require_postgresql("The backup")
        media_root = Path(settings.MEDIA_ROOT)
        if not skip_media and not isinstance(default_storage, FileSystemStorage):
            raise CommandError(
                f"Uploads are stored with {default_storage.__class__.__name__}, not in MEDIA_ROOT; "
                "back them up with that storage's own means and pass --skip-media."
            )
        output_dir.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = output_dir / f"{backup.NAME_PREFIX}{stamp}.tar"
        if target.exists():
            raise CommandError(f"{target} exists already.")

        # Everything is built in a private folder next to the target and renamed at the end,
        # so a file with the final name is always complete. Backups hold personal data
        # (accounts, password hashes), hence mode 600.
        with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
            work = Path(work)
            env = backup.libpq_env(connection.settings_dict)
            dump = work / backup.DATABASE_MEMBER
            backup.run(["pg_dump", "--format=custom", f"--file={dump}"], env)
            members = [dump]
            media_files = 0
            if not skip_media:
                members.append(work / backup.MEDIA_MEMBER)
                media_files = self.pack_media(media_root, members[-1])
            manifest = {
                "format": backup.FORMAT,
                "created": timezone.now().isoformat(),
                "database": connection.settings_dict["NAME"],
                "pg_dump": backup.run(["pg_dump", "--version"], env).stdout.strip(),
                "media_files": media_files if not skip_media else None,
                "members": {
                    path.name: {"size": path.stat().st_size, "sha256": backup.sha256(path)}
                    for path in members
                },
            }
            (work / backup.MANIFEST_MEMBER).write_text(json.dumps(manifest, indent=2) + "\n")
            partial = work / target.name
            with tarfile.open(partial, "w") as archive:
                for name in (backup.MANIFEST_MEMBER, *manifest["members"]):
                    archive.add(work / name, arcname=name)
            partial.chmod(0o600)
            partial.replace(target)

        size = target.stat().st_size / 1e6
        media = "no media" if skip_media else f"{media_files} media files"
        self.stdout.write(f"Backup written: {target} ({size:.1f} MB, {media})")

    @staticmethod
    def pack_media(media_root, path):
        """The media folder's contents, relative to it, as tar.gz; the number of files."""
        count = 0
        with tarfile.open(path, "w:gz") as archive:
            if media_root.is_dir():
                for child in sorted(media_root.iterdir()):
                    archive.add(child, arcname=child.name)
                count = sum(1 for member in archive.getmembers() if member.isfile())
        return count
