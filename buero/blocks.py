"""StreamField blocks of the standard pages; each renders through its own template."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Few features on purpose: plain, accessible prose that translates well.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label="Überschrift",
        max_length=120,
        help_text="Kurz und sagend, z. B. „So erreichen Sie uns“.",
    )
    level = blocks.ChoiceBlock(
        label="Ebene",
        choices=[("h2", "Abschnitt (H2)"), ("h3", "Unterabschnitt (H3)")],
        default="h2",
        help_text="H2 für neue Abschnitte, H3 für Unterpunkte. So finden sich auch Screenreader zurecht.",
    )

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "buero/blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault("label", "Absatz")
        kwargs.setdefault(
            "help_text",
            "Kurze Sätze, ohne Fachwörter. Links bitte mit sprechendem Text, nicht „hier“.",
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "buero/blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required, because screen readers need it."""

    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        max_length=250,
        help_text="Beschreiben Sie, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen.",
    )
    caption = blocks.CharBlock(
        label="Bildunterschrift", required=False, help_text="Optional, z. B. Fotonachweis."
    )

    class Meta:
        icon = "image"
        label = "Bild"
        template = "buero/blocks/image_block.html"


class CallToActionBlock(blocks.StructBlock):
    """One prominent link: to a page of this site or to another address."""

    label = blocks.CharBlock(
        label="Beschriftung",
        max_length=80,
        help_text="Was passiert beim Klick, z. B. „Termine ansehen“.",
    )
    page = blocks.PageChooserBlock(
        label="Seite", required=False, help_text="Eine Seite dieser Website, oder …"
    )
    url = blocks.URLBlock(
        label="Adresse", required=False, help_text="… eine andere Internetadresse (https://…)."
    )

    class Meta:
        icon = "link"
        label = "Handlungsaufforderung"
        template = "buero/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Bitte genau eins wählen: eine Seite oder eine Adresse."
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        return value


class ContactBoxBlock(blocks.StructBlock):
    """A contact box; empty fields fall back to the office's contact from the site settings."""

    heading = blocks.CharBlock(
        label="Überschrift", required=False, help_text="Leer lassen für „Kontakt“."
    )
    name = blocks.CharBlock(
        label="Name", required=False, help_text="Leer lassen für die Kontaktdaten des Büros."
    )
    text = blocks.TextBlock(
        label="Hinweis", required=False, help_text="z. B. „Rufen Sie gern an, auch anonym.“"
    )
    phone = blocks.CharBlock(label="Telefon", required=False, max_length=40)
    email = blocks.EmailBlock(label="E-Mail", required=False)

    class Meta:
        icon = "user"
        label = "Kontaktbox"
        template = "buero/blocks/contact_box_block.html"


class StandardStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    contact_box = ContactBoxBlock()


class EntryPointBlock(blocks.StructBlock):
    """A way in from the home page: a page and one sentence on what the visitor finds there.

    The entry points come after the next consultation hour, below a phone's first screen; one
    or two marked "on top" are linked right under the page's title as well.
    """

    page = blocks.PageChooserBlock(label="Seite")
    title = blocks.CharBlock(
        label="Titel", required=False, max_length=60, help_text="Leer lassen für den Seitentitel."
    )
    text = blocks.CharBlock(
        label="Kurzbeschreibung",
        max_length=140,
        help_text="Ein Satz, was man dort findet, z. B. „Wann und wo Sie uns treffen“.",
    )
    on_top = blocks.BooleanBlock(
        label="Auch ganz oben zeigen",
        required=False,
        help_text="Zusätzlich gleich unter dem Titel der Startseite zeigen, damit man den Weg "
        "auf dem Handy ohne Scrollen findet. Nur für ein, zwei Wege, z. B. „Für Jugendliche“.",
    )

    class Meta:
        icon = "doc-empty"
        label = "Einstieg"
        template = "buero/blocks/entry_point_block.html"
