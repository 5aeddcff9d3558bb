"""`manage.py backup` and `manage.py restore` (`make backup`, `make restore FILE=…`).

The round trip restores into a database created here and a fresh media folder, through a
separate process as `make restore` does, and compares what an office would miss: pages with
their revisions and translations, images with their files, the site settings.
"""

import io
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import wagtail_factories
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.forms.models import model_to_dict
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from buero.factories import OfficeInfoPageFactory
from buero.models import OfficeSettings

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump/pg_restore need PostgreSQL: runs in the CI's PostgreSQL leg "
    "(DATABASE_URL=postgres://…); on SQLite the commands refuse, tested below",
)


def backup_into(folder):
    call_command("backup", output_dir=folder, stdout=io.StringIO())
    [archive] = folder.glob("buero-backup-*.tar")
    return archive


def database_url(name):
    """The test database's server and role, another database name."""
    params = connection.settings_dict
    user = quote(params["USER"] or "")
    password = quote(str(params["PASSWORD"] or ""))
    port = f":{params['PORT']}" if params["PORT"] else ""
    return f"postgres://{user}:{password}@{params['HOST']}{port}/{name}"


def restore_in_a_new_process(archive, database, media_root, *options):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "buero_site.settings.test",
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(archive), "--no-input", *options],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def snapshot(alias, media_root):
    """Everything the comparison looks at, read through the connection ``alias``."""
    images = get_image_model().objects.using(alias).order_by("id")
    return {
        "pages": list(
            Page.objects.using(alias)
            .order_by("path")
            .values_list(
                "id",
                "title",
                "url_path",
                "path",
                "live",
                "has_unpublished_changes",
                "latest_revision_id",
                "live_revision_id",
                "locale__language_code",
                "translation_key",
                "content_type__model",
            )
        ),
        "revisions": list(
            Revision.objects.using(alias)
            .order_by("id")
            .values_list("id", "object_id", "content_type__model", "content", "created_at")
        ),
        "images": [
            (image.id, image.title, image.file.name, image.width, image.height, image.file_hash)
            for image in images
        ],
        "image_files": {
            image.file.name: (Path(media_root) / image.file.name).read_bytes() for image in images
        },
        "office": [model_to_dict(office) for office in OfficeSettings.objects.using(alias)],
    }


@pytest.fixture
def content(home, translate, office, settings, tmp_path):
    """A small site with history, a translation, an image and the settings, in a media
    folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    wagtail_factories.ImageFactory(title="Der Jugendclub von außen")
    page = OfficeInfoPageFactory(parent=home, title="Über uns")
    page.save_revision().publish()
    page.title = "Über uns und das Büro"
    page.save_revision().publish()
    page.title = "Über uns (Entwurf)"
    page.save_revision()
    translate(page, "en", title="About us")
    return page


@pytest.fixture
def fresh_database(transactional_db):
    """An empty database next to the test database, reachable as the alias "restored"."""
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    # Set as a connection, not a configured alias, which the test case would forbid.
    connections["restored"] = connections["default"].__class__(
        {**connection.settings_dict, "NAME": name}, "restored"
    )
    yield name
    # First, so that nothing below can leave the database behind; FORCE ends the connection.
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    connections["restored"].close()
    del connections["restored"]


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_a_fresh_database_and_media_folder(
    content, fresh_database, settings, tmp_path
):
    archive = backup_into(tmp_path / "backups")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    restored_media = tmp_path / "restored-media"

    result = restore_in_a_new_process(archive, fresh_database, restored_media)

    assert result.returncode == 0, result.stderr
    original = snapshot("default", settings.MEDIA_ROOT)
    assert snapshot("restored", restored_media) == original
    # The comparison covers what the fixture built, not two empty lists.
    titles = {(title, code) for _id, title, *_rest, code, _key, _model in original["pages"]}
    assert {("Über uns und das Büro", "de"), ("About us", "en")} <= titles
    english = Page.objects.using("restored").get(title="About us")
    assert english.translation_key == content.translation_key
    assert Revision.objects.using("restored").filter(object_id=str(content.pk)).count() == 3
    assert len(original["image_files"]) == 1
    assert original["office"][0]["phone"] == "030 23125 100"
    assert IndexEntry.objects.using("restored").exists(), "update_index ran"


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_with_replace_deletes_what_was_there(content, fresh_database, settings, tmp_path):
    archive = backup_into(tmp_path / "backups")
    restored_media = tmp_path / "restored-media"
    (restored_media / "images").mkdir(parents=True)
    (restored_media / "images" / "stray.jpg").write_bytes(b"not from the backup")
    with connections["restored"].cursor() as cursor:
        cursor.execute("CREATE TABLE stray (id integer)")
    connections["restored"].close()

    refused = restore_in_a_new_process(archive, fresh_database, restored_media)
    replaced = restore_in_a_new_process(archive, fresh_database, restored_media, "--replace")

    assert refused.returncode != 0
    assert "Nothing was changed" in refused.stderr
    assert replaced.returncode == 0, replaced.stderr
    assert "stray" not in connections["restored"].introspection.table_names()
    assert not (restored_media / "images" / "stray.jpg").exists()
    assert snapshot("restored", restored_media) == snapshot("default", settings.MEDIA_ROOT)


@postgresql_only
def test_the_test_database_is_whole_again_after_the_round_trips(django_db_setup, django_db_blocker):
    """Without a database fixture this test runs after the transactional ones above (as
    pytest-django orders them), which end with Django's flush: tests/conftest.py restores
    what the migrations wrote, for whichever test a worker runs next."""
    with django_db_blocker.unblock():
        assert Page.objects.filter(depth=1).exists()
        office_page = ContentType.objects.get_for_model(OfficeInfoPageFactory._meta.model)
        assert ContentType.objects.filter(pk=office_page.pk).exists()
        assert Permission.objects.filter(codename="add_page").exists()


@postgresql_only
@pytest.mark.django_db
def test_restore_refuses_a_database_with_tables(home, tmp_path):
    archive = backup_into(tmp_path)

    with pytest.raises(CommandError, match=r"Nothing was changed: the database .* has \d+ tables"):
        call_command("restore", archive)

    assert Page.objects.filter(pk=home.pk).exists()


@postgresql_only
@pytest.mark.django_db
def test_restore_refuses_an_altered_backup(home, tmp_path):
    archive = backup_into(tmp_path / "backups")
    altered = tmp_path / "altered.tar"
    with tarfile.open(archive) as source, tarfile.open(altered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "database.dump":
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match=r"database\.dump in .* does not match its checksum"):
        call_command("restore", altered, replace=True, interactive=False)

    assert Page.objects.filter(pk=home.pk).exists()


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="the refusal is for SQLite, the dev default"
)
def test_backup_and_restore_refuse_sqlite(tmp_path):
    with pytest.raises(CommandError, match="for the PostgreSQL production set-up"):
        call_command("backup", output_dir=tmp_path / "backups")
    with pytest.raises(CommandError, match="for the PostgreSQL production set-up"):
        call_command("restore", tmp_path / "some.tar")

    assert not (tmp_path / "backups").exists()
