"""Daily totals without tracking: counted in memory, written as sums.

``count(figure, language, detail)`` adds one to a Counter in this process's memory under a
lock, nothing more: no query, no cache call, so it costs a page microseconds and cannot
break one. A thread of the process writes what was counted about once a minute
(``BUERO_FIGURES_FLUSH_SECONDS``), earlier once many keys wait, and once more when the
process ends, each key as an additive upsert of the day's total (``INSERT … ON CONFLICT
(day, figure, language, detail) DO UPDATE SET count = count + excluded.count``). Every
gunicorn worker writes its own sums; adding, never overwriting, makes that right. The thread
starts with the first count in a process, so a worker forked from a master has its own.

A write that fails (the database is restarting) is logged as a warning and its counts are
lost: figures are worth less than a page, and a retry that piles up is a leak. A process
killed without a clean exit loses up to a minute of counts. ``flush()`` writes at once; the
tests call it, since their settings (``BUERO_FIGURES_FLUSH_SECONDS = 0``) start no thread.

What a key holds is the day, the figure, the language and the detail (DailyTotal): nothing
about a visit or a visitor ever reaches this module.
"""

import atexit
import datetime
import logging
import os
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.signals import setting_changed
from django.db import DatabaseError, connections, router, transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone

from .models import DailyTotal, Figure

logger = logging.getLogger(__name__)

#: Written earlier than the interval once this many keys wait.
FLUSH_KEYS = 500
#: Beyond this many keys new ones are dropped (the figures' keys are few; this bounds memory
#: where nothing writes them, as in the tests).
MAX_KEYS = 20_000
#: Rows per INSERT (SQLite's limit on parameters).
ROWS_PER_STATEMENT = 150

_FIGURES = frozenset(Figure.values)
_LANGUAGE_LENGTH = DailyTotal._meta.get_field("language").max_length
_DETAIL_LENGTH = DailyTotal._meta.get_field("detail").max_length


#: Settings read once (a missing one costs an exception on every look), and the current
#: day with the times it begins and ends: read on every count, worked out once a day.
_settings = {}
_day = (None, 0.0, 0.0)


@receiver(setting_changed)
def _forget(**kwargs):
    global _day
    _settings.clear()
    _day = (None, 0.0, 0.0)


def _setting(name, default):
    try:
        return _settings[name]
    except KeyError:
        value = _settings[name] = getattr(settings, name, default)
        return value


def enabled():
    """Whether the site counts at all (setting ``BUERO_FIGURES_ENABLED``, default True)."""
    return _setting("BUERO_FIGURES_ENABLED", True)


def flush_seconds():
    """How often the counts are written (``BUERO_FIGURES_FLUSH_SECONDS``, default 60);
    0: only when ``flush()`` is called."""
    return _setting("BUERO_FIGURES_FLUSH_SECONDS", 60)


def today():
    """The day a count belongs to, in the site's time zone."""
    global _day
    day, begins, ends = _day
    now = time.time()
    if not begins <= now < ends:
        moment = timezone.localtime() if settings.USE_TZ else timezone.now()
        day = moment.date()
        midnight = datetime.datetime.combine(day, datetime.time(), tzinfo=moment.tzinfo)
        following = datetime.datetime.combine(
            day + datetime.timedelta(days=1), datetime.time(), tzinfo=moment.tzinfo
        )
        _day = (day, midnight.timestamp(), following.timestamp())
    return day


class _Buffer:
    """This process's counts since the last write, and the thread that writes them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.flushing = threading.Lock()
        self.counts = Counter()
        self.dropped = 0
        self.wake = threading.Event()
        self.stopped = False
        self.writer = None

    def add(self, key, n):
        with self.lock:
            if key not in self.counts and len(self.counts) >= MAX_KEYS:
                self.dropped += n
                return
            self.counts[key] += n
            many = len(self.counts) >= FLUSH_KEYS
        if self.writer is None and flush_seconds():
            self.start_writer()
        elif many:
            self.wake.set()

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, Counter()
            dropped, self.dropped = self.dropped, 0
        if dropped:
            logger.warning("%d counts were dropped: more than %d keys waited.", dropped, MAX_KEYS)
        return counts

    def start_writer(self):
        interval = flush_seconds()
        with self.lock:
            if self.writer is not None or not interval:
                return
            self.writer = threading.Thread(
                target=self.write_every, args=(interval,), name="buero-figures", daemon=True
            )
        self.writer.start()
        atexit.register(self.flush)

    def write_every(self, interval):
        while not self.stopped:
            self.wake.wait(interval)
            self.wake.clear()
            self.flush()
            # The thread's own connection: not held open between writes.
            connections.close_all()

    def stop(self):
        """End the writer after one last write (tests)."""
        self.stopped = True
        self.wake.set()
        if self.writer is not None:
            self.writer.join()

    def flush(self):
        with self.flushing:
            counts = self.take()
            if not counts:
                return True
            try:
                add_totals(counts)
            except DatabaseError as error:
                # The database is restarting or gone: expected now and then, no traceback.
                logger.warning(
                    "%d figures could not be written and are lost (%s).",
                    sum(counts.values()),
                    type(error).__name__,
                )
                return False
            except Exception:
                logger.warning(
                    "%d figures could not be written and are lost.",
                    sum(counts.values()),
                    exc_info=True,
                )
                return False
        return True


_buffer = _Buffer()


def _forked():
    """A forked child (a gunicorn worker) starts empty, with a writer of its own; what the
    parent counted is the parent's to write (its copy here is emptied, since the child
    inherits the parent's exit handlers)."""
    global _buffer
    _buffer.counts, _buffer.stopped = Counter(), True
    _buffer = _Buffer()


os.register_at_fork(after_in_child=_forked)


def count(figure, language="", detail="", n=1):
    """Add ``n`` to today's total of ``figure`` in ``language`` with ``detail``. Never
    raises and never touches the database or the cache."""
    try:
        if not enabled():
            return
        if figure not in _FIGURES:
            logger.warning("Unknown figure %r, not counted.", figure)
            return
        key = (
            today(),
            figure,
            (language or "")[:_LANGUAGE_LENGTH],
            (detail or "")[:_DETAIL_LENGTH],
        )
        _buffer.add(key, n)
    except Exception:
        logger.warning("A figure (%s) could not be counted.", figure, exc_info=True)


def receive(figure, language="", detail="", **kwargs):
    """Receiver of buero.figures.counted: the plugin's apps say what happened there."""
    count(figure, language, detail)


def pending():
    """A copy of what waits to be written: {(day, figure, language, detail): n}."""
    with _buffer.lock:
        return dict(_buffer.counts)


def discard():
    """Forget what waits to be written (tests)."""
    _buffer.take()


def flush():
    """Write what this process counted; True when written. A failure is logged and the
    counts are lost; it never raises."""
    return _buffer.flush()


def add_totals(counts):
    """Add {(day, figure, language, detail): n} to the stored totals, in one transaction."""
    alias = router.db_for_write(DailyTotal)
    connection = connections[alias]
    rows = sorted((*key, n) for key, n in counts.items())
    with transaction.atomic(using=alias):
        if connection.vendor in ("postgresql", "sqlite"):
            for start in range(0, len(rows), ROWS_PER_STATEMENT):
                _upsert(connection, rows[start : start + ROWS_PER_STATEMENT])
        else:
            for day, figure, language, detail, n in rows:
                _add_with_orm(alias, day, figure, language, detail, n)


def _upsert(connection, rows):
    quote = connection.ops.quote_name
    table = quote(DailyTotal._meta.db_table)
    key = ", ".join(quote(name) for name in ("day", "figure", "language", "detail"))
    total = quote("count")
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    params = [
        value
        for day, figure, language, detail, n in rows
        for value in (connection.ops.adapt_datefield_value(day), figure, language, detail, n)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key}, {total}) VALUES {values} "  # noqa: S608 (names quoted)
            f"ON CONFLICT ({key}) DO UPDATE SET {total} = {table}.{total} + excluded.{total}",
            params,
        )


def _add_with_orm(alias, day, figure, language, detail, n):
    """Other databases: add to the row, or create it."""
    rows = DailyTotal.objects.using(alias).filter(
        day=day, figure=figure, language=language, detail=detail
    )
    if not rows.update(count=F("count") + n):
        DailyTotal.objects.using(alias).create(
            day=day, figure=figure, language=language, detail=detail, count=n
        )
