"""Production settings: they refuse to start without secrets and pass Django's deploy checks."""

import os
import subprocess
import sys

from django.conf import settings

#: A Fernet key, as production needs one for the encrypted fields (events/encryption.py).
FIELD_KEY = "m1y4ZPq0dO8kz6nY7cN1mX0yS3eVbQ2rT5uW8aH9jKc="


#: What production needs to start, with an in-memory database.
PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "offenes-buero.example.org",
    "FIELD_ENCRYPTION_KEYS": FIELD_KEY,
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "FIELD_ENCRYPTION_KEYS",
            "CONN_MAX_AGE",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="buero_site.settings.production", **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_real_environment_values():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k8Jq2vN0x-Zr7LwP3sT6yB1mC9dF4hG5jK0lQ8uV2wX7zA3bE6",
        ALLOWED_HOSTS="offenes-buero.example.org",
        FIELD_ENCRYPTION_KEYS=FIELD_KEY,
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="offenes-buero.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def check_with_field_encryption_keys(value):
    return run_manage(
        "check",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="offenes-buero.example.org",
        FIELD_ENCRYPTION_KEYS=value,
    )


def test_production_refuses_to_start_without_field_encryption_keys():
    result = check_with_field_encryption_keys("")
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS must be set in production" in result.stderr


def test_production_refuses_to_start_with_malformed_field_encryption_keys():
    for value in (",", "not-a-key", f"{FIELD_KEY},short"):
        result = check_with_field_encryption_keys(value)
        assert result.returncode != 0, value
        assert "FIELD_ENCRYPTION_KEYS must hold Fernet keys" in result.stderr, value
        assert "short" not in result.stderr.split("ImproperlyConfigured")[-1], value


def test_production_counts_one_proxy_and_refuses_a_count_that_is_no_number():
    code = "from django.conf import settings; print(settings.BUERO_REVERSE_PROXY_COUNT)"
    environment = dict(PRODUCTION_ENVIRONMENT)
    result = run_manage("shell", "-c", code, **environment)
    assert result.stdout.strip().splitlines()[-1] == "1", result.stderr
    result = run_manage("shell", "-c", code, AXES_PROXY_COUNT="2", **environment)
    assert result.stdout.strip().splitlines()[-1] == "2", result.stderr
    for value in ("eins", "-1"):
        result = run_manage("check", AXES_PROXY_COUNT=value, **environment)
        assert result.returncode != 0
        assert "AXES_PROXY_COUNT must be a whole number of 0 or more" in result.stderr


def test_production_keeps_its_database_connections_unless_told_otherwise():
    code = "from django.db import connection; print(connection.settings_dict['CONN_MAX_AGE'])"
    environment = dict(PRODUCTION_ENVIRONMENT)
    for value, expected in ((None, "None"), ("60", "60"), ("0", "0"), ("none", "None")):
        env = environment if value is None else {**environment, "CONN_MAX_AGE": value}
        result = run_manage("shell", "-c", code, **env)
        assert result.stdout.strip().splitlines()[-1] == expected, result.stderr


def machine_translator(**env):
    code = (
        "from wagtail_localize.machine_translators import get_machine_translator;"
        "translator = get_machine_translator();"
        "print(translator.display_name if translator else 'none')"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="offenes-buero.example.org",
        FIELD_ENCRYPTION_KEYS=FIELD_KEY,
        DATABASE_URL="sqlite:///:memory:",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_machine_translation_is_offered_only_with_a_deepl_key():
    assert machine_translator(DEEPL_API_KEY="") == "none"
    assert machine_translator(DEEPL_API_KEY="demo-key:fx") == "DeepL"


def test_media_can_live_on_an_s3_compatible_store_served_from_the_sites_own_path():
    # Reads the settings only: django-storages is an optional extra, not installed here.
    code = (
        "from django.conf import settings;"
        "options = settings.STORAGES['default']['OPTIONS'];"
        "print(settings.STORAGES['default']['BACKEND'], options['custom_domain'])"
    )
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("AWS_")},
        "DJANGO_SETTINGS_MODULE": "buero_site.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "offenes-buero.example.org",
        "FIELD_ENCRYPTION_KEYS": FIELD_KEY,
        "AWS_STORAGE_BUCKET_NAME": "buero-media",
    }

    def settings_with(**extra):
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env={**environment, **extra},
            capture_output=True,
            text=True,
            check=False,
        )

    missing = settings_with()
    assert missing.returncode != 0
    assert "AWS_S3_CUSTOM_DOMAIN must be set in production" in missing.stderr
    result = settings_with(AWS_S3_CUSTOM_DOMAIN="offenes-buero.example.org/media")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "offenes-buero.example.org/media",
    ]
