"""StreamField blocks of an offer: what it is, what to bring, how to apply, questions, links."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from buero.blocks import CallToActionBlock, ContactBoxBlock, HeadingBlock, ParagraphBlock


class StepsBlock(blocks.StructBlock):
    """„So beantragen Sie es“: numbered steps in the order a family takes them."""

    heading = blocks.CharBlock(
        label="Überschrift",
        required=False,
        help_text="Leer lassen für „So beantragen Sie es“.",
    )
    steps = blocks.ListBlock(
        blocks.CharBlock(label="Schritt", max_length=300),
        label="Schritte",
        min_num=1,
        help_text="Ein Schritt je Zeile, z. B. „Antrag beim Jobcenter abholen oder herunterladen“.",
    )

    class Meta:
        icon = "list-ol"
        label = "So beantragen Sie es"
        template = "buero_angebote/blocks/steps_block.html"


class ChecklistBlock(blocks.StructBlock):
    """„Das brauchen Sie“: documents and things to bring."""

    heading = blocks.CharBlock(
        label="Überschrift", required=False, help_text="Leer lassen für „Das brauchen Sie“."
    )
    items = blocks.ListBlock(
        blocks.CharBlock(label="Unterlage", max_length=200),
        label="Unterlagen",
        min_num=1,
        help_text="Eine Unterlage je Zeile, z. B. „Personalausweis“.",
    )

    class Meta:
        icon = "tasks"
        label = "Das brauchen Sie"
        template = "buero_angebote/blocks/checklist_block.html"


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label="Frage", max_length=200, help_text="So, wie eine Familie fragen würde."
    )
    answer = ParagraphBlock(label="Antwort")

    class Meta:
        icon = "help"
        label = "Häufige Frage"
        template = "buero_angebote/blocks/faq_block.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page, another website or a downloadable form."""

    label = blocks.CharBlock(
        label="Beschriftung", max_length=120, help_text="z. B. „Antragsformular (PDF)“."
    )
    page = blocks.PageChooserBlock(label="Seite", required=False)
    url = blocks.URLBlock(label="Adresse", required=False)
    document = DocumentChooserBlock(
        label="Dokument", required=False, help_text="z. B. ein Antragsformular zum Herunterladen."
    )

    class Meta:
        icon = "link"
        label = "Link oder Download"
        template = "buero_angebote/blocks/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "url", "document") if value.get(name)]
        if len(targets) != 1:
            message = "Bitte genau eins wählen: eine Seite, eine Adresse oder ein Dokument."
            raise StructBlockValidationError(
                block_errors={
                    name: ErrorList([ValidationError(message)])
                    for name in ("page", "url", "document")
                }
            )
        return value


class OfferStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    steps = StepsBlock()
    checklist = ChecklistBlock()
    faq = FaqBlock()
    link = LinkBlock()


class YouthStreamBlock(blocks.StreamBlock):
    """The page for young people: sections, questions as a young person asks them, one
    prominent link, and whom to call."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    faq = FaqBlock()
    call_to_action = CallToActionBlock()
    contact_box = ContactBoxBlock()
