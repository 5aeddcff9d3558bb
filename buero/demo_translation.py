"""Hand-written translations of the demo content, applied through wagtail-localize.

Each app that ships demo content keeps one gettext catalogue per language in
``<app>/demo_translations/<language>.po``: the German text of a translatable segment as
``msgid``, its translation as ``msgstr``. Applying a catalogue goes the way an editor's
translation goes: a ``TranslationSource`` is extracted from the German object, its segments are
exported as PO (``export_po``), filled from the catalogue, imported (``import_po``) and saved
(``save_target``). The admin therefore shows these pages as ordinary translations with their
status, and a later sync after a change of the German page works as for any other page.

``manage.py buero_demo_strings`` writes the German segments of the demo objects into the catalogues,
keeping what is translated already; translators then fill the empty ``msgstr``.
"""

from pathlib import Path

import polib
from django.apps import apps
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

#: The languages the demo content is translated into by hand.
DEMO_LANGUAGES = ("en", "ar", "uk", "fa", "ru", "pl", "ro")
TOOL_NAME = "Demo-Übersetzung"


def catalogue_path(app_label, language):
    return Path(apps.get_app_config(app_label).path) / "demo_translations" / f"{language}.po"


def load_catalogue(app_label, language):
    """The shipped translations as {(context, German text): translation}.

    An entry without ``msgctxt`` serves every context, so one sentence that appears on several
    pages is translated once.
    """
    path = catalogue_path(app_label, language)
    if not path.exists():
        return {}
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def lookup(catalogue, context, text):
    return catalogue.get((context, text)) or catalogue.get((None, text), "")


def translate(instance, locale, catalogue):
    """Translate ``instance`` into ``locale`` from ``catalogue``; return the missing strings.

    A translation is only made when the catalogue has every string: a demo page must never
    mix two languages. With strings missing nothing is created and they are returned.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    po = source.export_po()
    for entry in po:
        entry.msgstr = lookup(catalogue, entry.msgctxt, entry.msgid)
    missing = [entry.msgid for entry in po if not entry.msgstr]
    if missing:
        return missing
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.import_po(po, tool_name=TOOL_NAME)
    if isinstance(instance, DraftStateMixin):
        # save_target(publish=True) publishes when the transaction commits, from a copy of the
        # page taken now; pages translated later in the same transaction would be lost from
        # its tree counts. Publishing the fresh draft at once avoids that.
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()
    else:
        translation.save_target()
    return []


def is_translated(instance, locale):
    if isinstance(instance, Page):
        # An alias mirrors the German page; translating turns it into a real translation.
        return instance.get_translations().filter(locale=locale, alias_of__isnull=True).exists()
    return (
        type(instance)
        .objects.filter(translation_key=instance.translation_key, locale=locale)
        .exists()
    )


def translate_demo_objects(app_label, objects, stdout=None):
    """Translate what is not translated yet into every demo language; return how many."""
    created = 0
    for language in DEMO_LANGUAGES:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            continue
        catalogue = load_catalogue(app_label, language)
        for instance in objects:
            if is_translated(instance, locale):
                continue
            missing = translate(instance, locale, catalogue)
            if not missing:
                created += 1
            elif stdout is not None:
                stdout.write(f"  {language}: {instance}: not translated, {len(missing)} missing")
    return created


def extract(app_label, objects):
    """Write the German segments of ``objects`` into the app's catalogues; return the count.

    Existing translations are kept; strings no longer used are marked obsolete.
    """
    strings = {}
    for instance in objects:
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        for entry in source.export_po():
            strings.setdefault(entry.msgid, entry.msgctxt)
    for language in DEMO_LANGUAGES:
        path = catalogue_path(app_label, language)
        path.parent.mkdir(exist_ok=True)
        old = polib.pofile(str(path)) if path.exists() else polib.POFile()
        known = {(entry.msgctxt, entry.msgid): entry for entry in old}
        po = polib.POFile(wrapwidth=100)
        po.metadata = {
            "Project-Id-Version": f"{app_label} demo content",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for text, context in strings.items():
            entry = known.pop((None, text), None) or polib.POEntry(msgid=text, msgstr="")
            entry.occurrences = []
            entry.comment = context
            po.append(entry)
        for (context, _text), entry in known.items():
            if context is not None:  # context-specific translations are kept as they are
                po.append(entry)
        po.save(str(path))
    return len(strings)
