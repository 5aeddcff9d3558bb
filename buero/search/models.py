"""The search's data: the analysed pages (SearchDocument, SearchWord), what people type
mapped to what the site calls it, and what found nothing (counted without a trace of who
searched, see MissedSearch).

Models of the buero app (exported by buero.models), kept here with the search that reads
them: buero.models imports this module, and the search (buero.search) never imports
buero.models.
"""

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page, TranslatableMixin

from . import text


class SearchDocument(models.Model):
    """One public page as the search finds it: its terms (buero.search.text, in the
    language of the text the page shows) with the best weight of each, and what a result
    shows. Written by buero.search.documents whenever a page changes, read by
    buero.search.index; the database's full-text index over ``terms`` (an FTS5 table on
    SQLite, a GIN index on PostgreSQL, both made by the migration) finds the candidates.
    """

    page = models.OneToOneField(
        Page,
        on_delete=models.DO_NOTHING,  # documents.forget_deleted_page removes it
        db_constraint=False,
        related_name="+",
        editable=False,
    )
    #: The page's place in the tree: the pages below a home page, in the tree's order.
    path = models.CharField(max_length=255, editable=False)
    #: The language of the page's tree (the locale's), whatever language its text is in.
    language = models.CharField(max_length=10, editable=False)
    title = models.CharField(max_length=255, editable=False)
    card_text = models.TextField(blank=True, editable=False)
    #: "de" where the page shows the German source text, "" otherwise.
    source_language = models.CharField(max_length=10, blank=True, editable=False)
    #: The page type's ``search_rank``: offers first among equal matches.
    rank = models.PositiveSmallIntegerField(editable=False)
    #: The distinct terms, sorted, separated by spaces: what the full-text index holds.
    terms = models.TextField(editable=False)
    #: The best weight of each term, in the same order (title 4, summary 2, body 1).
    weights = models.TextField(editable=False)

    class Meta:
        verbose_name = "Suchdokument"
        verbose_name_plural = "Suchdokumente"
        indexes = [
            # LIKE 'path%' (the pages below a home page); on PostgreSQL only with this class.
            models.Index(
                fields=["path"], name="buero_searchdoc_path", opclasses=["varchar_pattern_ops"]
            )
        ]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A word of the pages of one language's tree, as the pages write it: the vocabulary of
    "Meinten Sie …?". Added with each page's document and kept when the page goes; only
    ``buero_rebuild_search`` clears out the words no page has any more (a suggestion is
    checked against the pages before it is offered, buero.search.index)."""

    language = models.CharField(max_length=10, editable=False)
    word = models.CharField(max_length=100, editable=False)  # normalized (text.normalize)
    written = models.CharField(max_length=100, editable=False)  # as the first page wrote it

    class Meta:
        verbose_name = "Suchwort der Seiten"
        verbose_name_plural = "Suchwörter der Seiten"
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="unique_search_word")
        ]

    def __str__(self):
        return self.written


class SearchSynonym(TranslatableMixin, models.Model):
    """What people type, mapped to what the site calls it: the search looks for the latter.

    People search with the words they heard ("Hartz IV", "BuT", "KiZ"); the pages use the
    official names. The German entries apply in every language, each language's own in it.
    """

    term = models.CharField(
        "Suchwort",
        max_length=80,
        help_text="Was Menschen eingeben, z. B. „Hartz IV“, „BuT“ oder „Kindergeldzuschlag“.",
    )
    means = models.CharField(
        "Gemeint ist",
        max_length=120,
        help_text="Wie die Seiten es nennen, z. B. „Grundsicherungsgeld“. Die Suche sucht dann "
        "danach statt nach dem Suchwort.",
    )

    panels = [FieldPanel("term"), FieldPanel("means")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Suchbegriff"
        verbose_name_plural = "Suchbegriffe"
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.means}"

    @classmethod
    def applying_in(cls, language):
        """The entries a search in ``language`` uses: its own and the German ones."""
        default = Locale.get_default().language_code
        return cls.objects.filter(locale__language_code__in={language, default})


class MissedSearch(models.Model):
    """How often a term found nothing, per language and month: what the site is missing.

    A search can be personal ("Lisa Mustermann Frauenhaus"), so a term is kept only once it
    is not one person's: after KEEP_AFTER_VISITS searches on at least two different days
    (PendingSearch counts them until then, without the term). Only the count is kept: no
    time, no address, no session; terms with digits or an "@" are never kept (they may be a
    phone number, a date of birth, an e-mail address); nothing stays longer than KEEP_DAYS.
    """

    term = models.CharField("Suchwort", max_length=100, editable=False)
    language = models.CharField("Sprache", max_length=10, editable=False)
    month = models.DateField("Monat", editable=False)
    count = models.PositiveIntegerField("Anzahl", default=0, editable=False)

    #: Days a count is kept at most, from the first day of its month
    #: (manage.py buero_purge_missed_searches, daily).
    KEEP_DAYS = 90
    #: Searches, on at least two different days, before a term is kept.
    KEEP_AFTER_VISITS = 3
    #: New terms per language and month; beyond, only known terms are counted.
    MAX_TERMS = 2000

    class Meta:
        verbose_name = "Suche ohne Ergebnis"
        verbose_name_plural = "Gesucht, aber nicht gefunden"
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language", "month"], name="unique_missed_search_per_month"
            )
        ]
        ordering = ["-month", "-count", "term"]

    def __str__(self):
        return self.term

    @classmethod
    def record(cls, query, language, today=None):
        """Count one search for ``query`` (as typed) that found nothing."""
        if any(character.isdigit() or character == "@" for character in query):
            return
        term = " ".join(text.normalize(query, language))[:100]
        if not term:
            return
        today = today or timezone.localdate()
        if cls.objects.filter(term=term, language=language).exists():
            cls._add(term, language, today, 1)  # kept already: searched by several
        elif visits := PendingSearch.count(term, language, today):
            cls._add(term, language, today, visits)

    @classmethod
    def _add(cls, term, language, today, visits):
        month = today.replace(day=1)
        rows = cls.objects.filter(term=term, language=language, month=month)
        if rows.update(count=models.F("count") + visits):
            return
        if cls.objects.filter(language=language, month=month).count() >= cls.MAX_TERMS:
            return  # a flood of made-up words: the month's list is long enough
        try:
            with transaction.atomic():
                cls.objects.create(term=term, language=language, month=month, count=visits)
        except IntegrityError:  # created by a parallel request a moment ago
            rows.update(count=models.F("count") + visits)


class PendingSearch(models.Model):
    """A term that found nothing but is not kept yet, as a keyed hash: how often and on
    which first and last day it was searched, nothing else.

    The term itself is not stored until it qualifies (MissedSearch.KEEP_AFTER_VISITS
    searches on two different days): a name that one person types, once or a few times in
    one sitting, never appears anywhere. The hash (HMAC with the secret key) cannot be read
    back; the row is deleted when the term qualifies or after KEEP_DAYS.
    """

    key = models.CharField("Schlüssel", max_length=64, unique=True, editable=False)
    visits = models.PositiveIntegerField("Suchen", default=0, editable=False)
    first_day = models.DateField("Erster Tag", db_index=True, editable=False)
    last_day = models.DateField("Letzter Tag", editable=False)

    #: Days a term has to qualify from its first search; then its count is deleted.
    KEEP_DAYS = 30
    #: New terms per day; beyond, only terms counted already are (a flood of made-up words).
    MAX_NEW_PER_DAY = 500

    class Meta:
        verbose_name = "Noch nicht gezählte Suche"
        verbose_name_plural = "Noch nicht gezählte Suchen"

    def __str__(self):
        return f"{self.key[:12]}… ({self.visits})"

    @staticmethod
    def key_for(term, language):
        return salted_hmac(
            "buero.PendingSearch", f"{language}\n{term}", algorithm="sha256"
        ).hexdigest()

    @classmethod
    def count(cls, term, language, today):
        """Count one search for ``term``: its number of searches once it qualifies (its row
        is then deleted), else 0."""
        key = cls.key_for(term, language)
        with transaction.atomic():
            pending = cls.objects.select_for_update().filter(key=key).first()
            if pending is None:
                if cls.objects.filter(first_day=today).count() >= cls.MAX_NEW_PER_DAY:
                    return 0
                try:
                    with transaction.atomic():
                        cls.objects.create(key=key, visits=1, first_day=today, last_day=today)
                    return 0
                except IntegrityError:  # created by a parallel request a moment ago
                    pending = cls.objects.select_for_update().get(key=key)
            pending.visits += 1
            pending.first_day = min(pending.first_day, today)
            pending.last_day = max(pending.last_day, today)
            if (
                pending.visits >= MissedSearch.KEEP_AFTER_VISITS
                and pending.first_day != pending.last_day
            ):
                pending.delete()
                return pending.visits
            pending.save(update_fields=["visits", "first_day", "last_day"])
            return 0
