"""Contact data encrypted at rest (issue 12): events/encryption.py and its command."""

import os
import re
import subprocess
import sys
from io import StringIO

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection, models
from django.test import override_settings
from django.test.utils import isolate_apps

from events import encryption
from events.encryption import DecryptionError, EncryptedTextField, rotate
from events.management.commands import buero_rotate_encryption_keys as rotate_encryption_keys

PHONE = "0151 2345 6789"
EMAIL = "amira.haddad@example.org"
KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()


@pytest.fixture
def probe(db):
    """A model with encrypted fields and its table, both gone after the test.

    The table is created with plain SQL inside the test's transaction (SQLite's schema
    editor refuses to work in one), so it is rolled back with everything else.
    """
    with isolate_apps("tests.events"):

        class Probe(models.Model):
            id = models.IntegerField(primary_key=True)
            contact = EncryptedTextField(blank=True, null=True)
            note = EncryptedTextField(blank=True, default="")

            class Meta:
                app_label = "encryption_tests"
                db_table = "encryption_probe"

            def __str__(self):
                return f"Probe {self.pk}"

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE encryption_probe (id integer PRIMARY KEY, contact text NULL, "
            "note text NOT NULL)"
        )
    return Probe


def raw(pk, column="contact"):
    """What the database table holds, without the field's decryption."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM encryption_probe WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def write_raw(pk, contact, note=""):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO encryption_probe (id, contact, note) VALUES (%s, %s, %s)",
            [pk, contact, note],
        )


# The field's methods


def test_a_value_survives_the_round_trip_through_the_field():
    field = EncryptedTextField()
    for text in (PHONE, EMAIL, "+49 (0) 3935 / 12 34", "Dr. Ö. Şahin – الهاتف"):
        token = field.get_prep_value(text)
        assert field.from_db_value(token, None, connection) == text


def test_the_token_does_not_contain_the_text_and_differs_every_time():
    field = EncryptedTextField()
    first, second = field.get_prep_value(PHONE), field.get_prep_value(PHONE)
    assert first != second  # random IV: equal texts are not recognisable in the table
    for token in (first, second):
        assert PHONE not in token
        assert "2345" not in token
        assert (
            Fernet(settings.BUERO_FIELD_ENCRYPTION_KEYS[0]).decrypt(token.encode()).decode()
            == PHONE
        )


def test_blank_and_null_stay_what_they_are():
    field = EncryptedTextField()
    assert field.get_prep_value("") == ""
    assert field.get_prep_value(None) is None
    assert field.from_db_value("", None, connection) == ""
    assert field.from_db_value(None, None, connection) is None


def test_to_python_passes_text_through():
    field = EncryptedTextField()
    assert field.to_python(PHONE) == PHONE
    assert field.to_python(None) is None
    assert field.to_python(42) == "42"


def test_deconstruct_gives_the_public_path_so_migrations_stay_clean():
    field = EncryptedTextField(blank=True, null=True, verbose_name="Telefon oder E-Mail")
    field.set_attributes_from_name("contact")
    name, path, args, kwargs = field.deconstruct()
    assert (name, path, args) == ("contact", "events.encryption.EncryptedTextField", [])
    assert kwargs == {"blank": True, "null": True, "verbose_name": "Telefon oder E-Mail"}
    rebuilt = EncryptedTextField(*args, **kwargs)
    rebuilt.set_attributes_from_name(name)
    assert rebuilt.deconstruct() == field.deconstruct()


# The keys


def test_the_keys_are_built_once_per_tuple_of_keys():
    default = encryption.fernet()
    assert encryption.fernet() is default
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        rotated = encryption.fernet()
        assert rotated is not default
        assert encryption.fernet() is rotated
    assert encryption.fernet() is default


@pytest.mark.parametrize("keys", [[], None, ()])
def test_no_keys_is_a_configuration_error(keys):
    with (
        override_settings(BUERO_FIELD_ENCRYPTION_KEYS=keys),
        pytest.raises(ImproperlyConfigured, match="BUERO_FIELD_ENCRYPTION_KEYS is empty"),
    ):
        encryption.fernet()


@pytest.mark.parametrize(
    ("keys", "position"),
    [
        (["not-a-fernet-key"], "key 1 of 1"),
        ([KEY_A, "c2hvcnQ="], "key 2 of 2"),  # valid base64, but 5 bytes
        ([KEY_A, KEY_B[:-2]], "key 2 of 2"),
    ],
)
def test_a_malformed_key_is_a_configuration_error_that_does_not_show_the_key(keys, position):
    with (
        override_settings(BUERO_FIELD_ENCRYPTION_KEYS=keys),
        pytest.raises(ImproperlyConfigured, match=position) as error,
    ):
        encryption.fernet()
    assert "Fernet.generate_key()" in str(error.value)
    assert keys[-1] not in str(error.value)


def test_a_single_string_instead_of_a_list_is_a_configuration_error():
    with (
        override_settings(BUERO_FIELD_ENCRYPTION_KEYS=KEY_A),
        pytest.raises(ImproperlyConfigured, match="must be a list"),
    ):
        encryption.fernet()


# Through the database


def test_the_raw_table_holds_tokens_and_the_model_gives_the_text(probe):
    probe.objects.create(id=1, contact=PHONE, note=EMAIL)
    probe.objects.bulk_create([probe(id=2, contact=EMAIL)])
    probe.objects.filter(id=2).update(note=PHONE)

    for pk, column in ((1, "contact"), (1, "note"), (2, "contact"), (2, "note")):
        stored = raw(pk, column)
        assert stored.startswith("gAAAAA"), stored  # a Fernet token (version byte 0x80)
        assert PHONE not in stored
        assert EMAIL not in stored
        assert "example.org" not in stored

    first = probe.objects.get(id=1)
    assert (first.contact, first.note) == (PHONE, EMAIL)
    assert list(probe.objects.order_by("id").values_list("contact", "note")) == [
        (PHONE, EMAIL),
        (EMAIL, PHONE),
    ]
    first.refresh_from_db()
    assert first.contact == PHONE


def test_blank_and_null_are_stored_as_such_and_can_be_found(probe):
    probe.objects.create(id=1, contact=None)
    probe.objects.create(id=2, contact="")
    probe.objects.create(id=3, contact=PHONE)
    assert raw(1) is None
    assert raw(2) == ""
    assert raw(1, "note") == ""
    assert [p.id for p in probe.objects.filter(contact__isnull=True)] == [1]
    assert [p.id for p in probe.objects.filter(contact="")] == [2]
    assert [p.id for p in probe.objects.filter(contact=None)] == [1]
    assert sorted(p.id for p in probe.objects.exclude(contact="").exclude(contact=None)) == [3]


@pytest.mark.parametrize(
    "lookup",
    [
        {"contact": PHONE},
        {"contact__exact": PHONE},
        {"contact__icontains": "0151"},
        {"contact__startswith": "0151"},
        {"contact__in": [PHONE]},
        {"contact__lower": PHONE},
    ],
)
def test_rows_cannot_be_found_by_their_content(probe, lookup):
    with pytest.raises(FieldError):
        list(probe.objects.filter(**lookup))


def test_a_token_that_no_key_decrypts_raises_a_clear_error(probe):
    foreign = Fernet(Fernet.generate_key()).encrypt(PHONE.encode()).decode()
    write_raw(1, foreign)
    write_raw(2, PHONE)  # plain text written before the field was encrypted
    for pk in (1, 2):
        with pytest.raises(DecryptionError) as error:
            probe.objects.get(id=pk)
        message = str(error.value)
        assert "encryption_tests.Probe.contact" in message
        assert "BUERO_FIELD_ENCRYPTION_KEYS" in message
        assert "rotate_encryption_keys" in message
        assert PHONE not in message


def test_an_encrypted_field_cannot_be_unique_or_indexed():
    with isolate_apps("tests.events"):

        class Bad(models.Model):
            contact = EncryptedTextField(unique=True)
            note = EncryptedTextField(db_index=True)
            fine = EncryptedTextField(blank=True)

            class Meta:
                app_label = "encryption_tests"

            def __str__(self):
                return "bad"

        errors = [error for error in Bad.check() if error.id == "buero_events.E901"]
    assert [error.obj.name for error in errors] == ["contact", "note"]


def test_the_system_check_reports_unusable_keys_once_a_model_has_an_encrypted_field(
    probe, monkeypatch
):
    assert encryption.check_keys() == []  # no installed model has one (yet)
    monkeypatch.setattr(encryption, "encrypted_fields", lambda: [(probe, ["contact", "note"])])
    assert encryption.check_keys() == []
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[]):
        assert [error.id for error in encryption.check_keys()] == ["buero_events.E902"]


# Rotation


def test_rotation_moves_every_token_to_the_newest_key(probe):
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_A]):
        probe.objects.create(id=1, contact=PHONE, note=EMAIL)
        probe.objects.create(id=2, contact=EMAIL, note="")
        probe.objects.create(id=3, contact=None, note="")
    before = raw(1)

    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        # The new key first, the old one after it: old rows still read, new ones use B.
        assert probe.objects.get(id=1).contact == PHONE
        probe.objects.create(id=4, contact=PHONE)
        Fernet(KEY_B).decrypt(raw(4).encode())
        assert rotate(probe.objects.all(), ["contact", "note"], batch_size=2) == 3

    assert raw(1) != before
    assert raw(3) is None
    assert raw(2, "note") == ""
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B]):
        assert list(probe.objects.order_by("id").values_list("contact", "note")) == [
            (PHONE, EMAIL),
            (EMAIL, ""),
            (None, ""),
            (PHONE, ""),
        ]
    for pk, column in ((1, "contact"), (1, "note"), (2, "contact")):
        with pytest.raises(InvalidToken):
            Fernet(KEY_A).decrypt(raw(pk, column).encode())
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_A]), pytest.raises(DecryptionError):
        probe.objects.get(id=1)


def test_rotation_of_a_part_of_the_rows_and_again_is_harmless(probe):
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_A]):
        for pk in range(1, 6):
            probe.objects.create(id=pk, contact=f"{PHONE}-{pk}")
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        assert rotate(probe.objects.filter(id__lte=2), ["contact"]) == 2
        assert rotate(probe.objects.all(), ["contact"], batch_size=2) == 5
        assert rotate(probe.objects.all(), ["contact"]) == 5
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B]):
        assert [p.contact for p in probe.objects.order_by("id")] == [
            f"{PHONE}-{pk}" for pk in range(1, 6)
        ]


def test_rotation_stops_at_a_token_that_no_key_decrypts(probe):
    write_raw(7, Fernet(Fernet.generate_key()).encrypt(PHONE.encode()).decode())
    with pytest.raises(
        DecryptionError, match=re.escape("encryption_tests.Probe.contact of the row with pk 7")
    ):
        rotate(probe.objects.all(), ["contact"])


def test_rotation_accepts_only_encrypted_fields(probe):
    with pytest.raises(TypeError, match="not an EncryptedTextField"):
        rotate(probe.objects.all(), ["id"])
    assert rotate(probe.objects.all(), []) == 0


def test_the_command_rotates_every_encrypted_field_and_prints_counts(probe, monkeypatch):
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_A]):
        probe.objects.create(id=1, contact=PHONE, note=EMAIL)
        probe.objects.create(id=2, contact="", note="")
    assert encryption.encrypted_fields([probe]) == [(probe, ["contact", "note"])]
    monkeypatch.setattr(
        rotate_encryption_keys, "encrypted_fields", lambda: encryption.encrypted_fields([probe])
    )
    out = StringIO()
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        call_command("buero_rotate_encryption_keys", "--batch-size", "1", stdout=out)
    assert "encryption_tests.Probe (contact, note): 1 rows re-encrypted" in out.getvalue()
    with override_settings(BUERO_FIELD_ENCRYPTION_KEYS=[KEY_B]):
        assert probe.objects.get(id=1).note == EMAIL


def test_the_command_without_encrypted_fields_says_so(monkeypatch):
    # A host site that installs the apps without appointment requests has no such field.
    monkeypatch.setattr(
        "events.management.commands.buero_rotate_encryption_keys.encrypted_fields", lambda: []
    )
    out = StringIO()
    call_command("buero_rotate_encryption_keys", stdout=out)
    assert "nothing to do" in out.getvalue()


# Settings


def settings_subprocess(code, **env):
    environment = {
        **{key: value for key, value in os.environ.items() if key != "FIELD_ENCRYPTION_KEYS"},
        **env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_refuse_to_import_without_field_encryption_keys():
    code = "import buero_site.settings.production"
    base = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "offenes-buero.example.org"}
    missing = settings_subprocess(code, **base)
    assert missing.returncode != 0
    assert "ImproperlyConfigured" in missing.stderr
    assert "FIELD_ENCRYPTION_KEYS must be set in production" in missing.stderr
    malformed = settings_subprocess(code, **base, FIELD_ENCRYPTION_KEYS="not-a-key")
    assert "FIELD_ENCRYPTION_KEYS must hold Fernet keys" in malformed.stderr
    good = settings_subprocess(
        "from buero_site.settings import production as p; print(p.BUERO_FIELD_ENCRYPTION_KEYS)",
        **base,
        FIELD_ENCRYPTION_KEYS=f" {KEY_B} , {KEY_A} ",
    )
    assert good.returncode == 0, good.stderr
    assert good.stdout.strip() == str([KEY_B, KEY_A])


def test_dev_settings_keep_one_generated_key_in_a_file(tmp_path):
    # With BUERO_FIELD_ENCRYPTION_KEYS set, importing dev.py writes no key file into the project.
    key_file = tmp_path / ".field-encryption-key"
    code = (
        "import sys, pathlib; from buero_site.settings import dev;"
        "print(dev.BUERO_FIELD_ENCRYPTION_KEYS[0]);"
        "print(dev._field_encryption_key(pathlib.Path(sys.argv[1])))"
    )
    runs = [
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", code, str(key_file)],
            cwd=settings.BASE_DIR,
            env={**os.environ, "FIELD_ENCRYPTION_KEYS": KEY_A},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][0] == KEY_A
    generated = runs[0][1]
    Fernet(generated)
    assert runs[1][1] == generated
    assert key_file.read_text().strip() == generated
    assert key_file.stat().st_mode & 0o777 == 0o600
