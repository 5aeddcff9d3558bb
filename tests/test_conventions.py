"""Project rules that keep the apps consistent: factories, tree rules, migrations, translations."""

import importlib
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from buero.models import OfficePage

#: The plugin's apps: import packages and their (distinct) app labels.
PACKAGES = ("buero", "angebote", "events", "opendata", "impact")
APPS = ("buero", "buero_angebote", "buero_events", "buero_opendata", "buero_impact")
BASE_DIR = Path(settings.BASE_DIR)


def project_models(base):
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in APPS and issubclass(model, base) and model is not base
    ]


def factory_models(app_label):
    try:
        module = importlib.import_module(f"{apps.get_app_config(app_label).name}.factories")
    except ModuleNotFoundError:
        return set()
    return {
        factory._meta.model
        for factory in vars(module).values()
        if isinstance(factory, type) and getattr(getattr(factory, "_meta", None), "model", None)
    }


@pytest.mark.parametrize(
    "model",
    [*project_models(Page), *[m for m in get_snippet_models() if m._meta.app_label in APPS]],
    ids=lambda model: model.__name__,
)
def test_every_page_type_and_snippet_has_a_factory(model):
    assert model in factory_models(model._meta.app_label), (
        f"{model.__name__} needs a factory in {model._meta.app_config.name}/factories.py"
    )


@pytest.mark.parametrize("model", project_models(Page), ids=lambda model: model.__name__)
def test_every_page_type_states_where_it_may_live(model):
    # Set on the class itself or on one of the project's abstract bases, never Wagtail's default.
    # The office's entry page is the exception: a host site places it anywhere.
    if model is not OfficePage:
        assert model.parent_page_types is not None, f"{model.__name__} sets no parent_page_types"
    assert model.subpage_types is not None, f"{model.__name__} sets no subpage_types"


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def po_files():
    return sorted(
        path
        for folder in (*PACKAGES, "buero_site")
        for path in (BASE_DIR / folder / "locale").glob("*/LC_MESSAGES/django.po")
    )


def test_every_shipped_language_has_a_catalogue():
    shipped = {code for code, _name in settings.LANGUAGES}
    for folder in ("buero", "buero_site"):
        found = {
            path.parent.parent.name
            for path in (BASE_DIR / folder / "locale").glob("*/LC_MESSAGES/django.po")
        }
        assert found == shipped, folder


@pytest.mark.parametrize("po_path", po_files(), ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_catalogue_is_complete_and_compiled(po_path):
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy}"
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in catalogue.translated_entries()
    }
    actual = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in compiled
        if entry.msgid
    }
    assert actual == expected, f"{po_path.with_suffix('.mo')} is out of date: run `make messages`"


def test_apps_never_import_the_host_project():
    offenders = [
        str(path.relative_to(BASE_DIR))
        for package in PACKAGES
        for path in (BASE_DIR / package).rglob("*.py")
        if re.search(r"^\s*(from|import)\s+buero_site", path.read_text(), re.M)
    ]
    assert not offenders


TECHNICAL_FIELDS = {"id", "page_ptr", "sort_order", "locale", "translation_key", "page", "site"}


def editor_fields():
    from django.apps import apps as django_apps
    from wagtail.models import Page

    page_fields = {field.name for field in Page._meta.get_fields()}
    for label in APPS:
        for model in django_apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if (
                    getattr(field, "editable", False)
                    and not field.auto_created
                    and field.name not in TECHNICAL_FIELDS
                    and not (issubclass(model, Page) and field.name in page_fields)
                ):
                    yield pytest.param(field, id=f"{model.__name__}.{field.name}")


@pytest.mark.parametrize("field", list(editor_fields()))
def test_every_editor_facing_field_has_a_german_label_and_help_text(field):
    assert str(field.help_text).strip(), "a help text that says what to write and why"
    assert str(field.verbose_name) != field.name.replace("_", " "), "a German label"
