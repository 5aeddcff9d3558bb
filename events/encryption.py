"""Personal contact data encrypted at rest (issue 12).

Appointment requests keep a phone number or an e-mail address. With ``EncryptedTextField``
the database table holds a Fernet token (AES-128-CBC with HMAC-SHA256, see the
``cryptography`` package) instead of the text, so a copy of the database alone, a backup or
a look at the raw table reveals nothing. The keys come from the setting
``BUERO_FIELD_ENCRYPTION_KEYS``: a list of url-safe base64 Fernet keys, newest first. The first key
encrypts, every key decrypts. To rotate, put a new key first, keep the old ones after it, run
``manage.py buero_rotate_encryption_keys`` (``rotate()`` below), then remove the old keys.

What the field cannot do, because each value is encrypted with a random IV and the same text
gives a different token every time:

* No filtering or ordering by content. Only ``field__isnull`` and ``field=""`` (blank) work;
  any other lookup raises ``FieldError`` instead of silently matching nothing. Find rows by
  other columns (id, date, status) and compare the decrypted values in Python.
* No ``unique`` or ``db_index``: the system checks reject them (events.E901).
* ``dumpdata`` and other serialisation write the *decrypted* text (``loaddata`` encrypts it
  again): treat such exports as personal data.
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models, transaction
from django.db.models import ExpressionWrapper, F, Value

SETTING = "BUERO_FIELD_ENCRYPTION_KEYS"
GENERATE = (
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


class DecryptionError(Exception):
    """A stored token that none of the configured keys can decrypt."""


def fernet():
    """The ``MultiFernet`` of ``settings.BUERO_FIELD_ENCRYPTION_KEYS`` (cached per tuple of keys)."""
    keys = getattr(settings, SETTING, None)
    if isinstance(keys, str | bytes):
        raise ImproperlyConfigured(
            f"{SETTING} must be a list of keys (newest first), not a single string."
        )
    return _multi_fernet(tuple(keys or ()))


@functools.lru_cache(maxsize=8)
def _multi_fernet(keys):
    if not keys:
        raise ImproperlyConfigured(
            f"{SETTING} is empty: encrypted fields need at least one Fernet key. "
            f"Generate one with: {GENERATE}"
        )
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except (TypeError, ValueError):
            # The key itself is never part of the message: it may be a real one, mistyped.
            raise ImproperlyConfigured(
                f"{SETTING}: key {position} of {len(keys)} is not a Fernet key (32 url-safe "
                f"base64-encoded bytes). Generate one with: {GENERATE}"
            ) from None
    return MultiFernet(fernets)


def encrypt(text):
    """A Fernet token (str) of ``text`` under the newest key."""
    return fernet().encrypt(text.encode()).decode("ascii")


def decrypt(token, where="A value"):
    """The text of a token; ``DecryptionError`` when no configured key fits."""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise undecryptable(where) from None


def undecryptable(where):
    return DecryptionError(
        f"{where} could not be decrypted with any key in {SETTING}. Was the key that "
        "encrypted it removed before `manage.py buero_rotate_encryption_keys` had re-encrypted "
        "every row? Put the old key back after the newest one, run the command, and only "
        "then remove the old key."
    )


class EncryptedExact(models.lookups.Exact):
    """``field=""`` finds blank values; any other value cannot match a random token."""

    def get_prep_lookup(self):
        if self.rhs not in ("", None) and not hasattr(self.rhs, "resolve_expression"):
            raise FieldError(
                f"{self.lhs.output_field.name} is encrypted: rows cannot be found by its "
                "content, only with __isnull or = '' (blank). Filter by other fields and "
                "compare the decrypted values in Python."
            )
        return super().get_prep_lookup()


class EncryptedTextField(models.TextField):
    """A ``TextField`` whose values are stored as Fernet tokens.

    In Python the value is plain text; ``None`` stays NULL and ``""`` stays blank (not
    encrypted), so ``blank=True`` and ``null=True`` mean what they mean on a ``TextField``.
    See the module's docstring for what cannot be done with it (filtering by content).
    """

    description = "Text encrypted at rest (Fernet token)"

    def get_lookup(self, lookup_name):
        if lookup_name == "exact":
            return EncryptedExact
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None  # Django answers with "Unsupported lookup … for EncryptedTextField".

    def get_transform(self, lookup_name):
        return None

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self.unique or self.primary_key or self.db_index:
            errors.append(
                checks.Error(
                    "An EncryptedTextField cannot be unique, a primary key or indexed: the "
                    "same text gives a different token every time.",
                    obj=self,
                    id="buero_events.E901",
                )
            )
        return errors

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value, where=self._where())

    def to_python(self, value):
        # Plain text in Python: str passes through, anything else becomes str (TextField).
        return super().to_python(value)

    def _where(self):
        model = getattr(self, "model", None)
        return f"A value of {model._meta.label}.{self.name}" if model else "A value"


def rotate(queryset, field_names, batch_size=500):
    """Re-encrypt ``field_names`` of every row of ``queryset`` with the newest key.

    Reads the stored tokens (not the decrypted text) and writes ``MultiFernet.rotate()`` of
    each back, keeping the original timestamp. Works in batches of ``batch_size`` rows, each
    in its own transaction; running it again is harmless. Returns the number of rows
    re-encrypted (rows whose fields are all NULL or blank are not counted).
    """
    field_names = list(field_names)
    if not field_names:
        return 0
    model = queryset.model
    for name in field_names:
        if not isinstance(model._meta.get_field(name), EncryptedTextField):
            raise TypeError(f"{model._meta.label}.{name} is not an EncryptedTextField")
    multi = fernet()
    # The raw column, without from_db_value: an output field that is a plain TextField.
    raw = {
        f"_raw_{name}": ExpressionWrapper(F(name), output_field=models.TextField())
        for name in field_names
    }
    rows = queryset.order_by("pk").annotate(**raw).values_list("pk", *raw)
    count, last = 0, None
    while True:
        batch = list((rows if last is None else rows.filter(pk__gt=last))[:batch_size])
        if not batch:
            return count
        with transaction.atomic(using=queryset.db):
            for pk, *tokens in batch:
                changes = {}
                for name, token in zip(field_names, tokens, strict=True):
                    if token:
                        try:
                            new = multi.rotate(token.encode()).decode("ascii")
                        except InvalidToken:
                            where = f"{model._meta.label}.{name} of the row with pk {pk}"
                            raise undecryptable(where) from None
                        # A Value with a plain TextField: written as is, not encrypted again.
                        changes[name] = Value(new, output_field=models.TextField())
                if changes:
                    model._base_manager.using(queryset.db).filter(pk=pk).update(**changes)
                    count += 1
        last = batch[-1][0]


def encrypted_fields(candidates=None):
    """``(model, [field names])`` of every model with an ``EncryptedTextField`` of its own.

    ``candidates`` (models) defaults to all installed models. Fields inherited from a
    concrete parent (multi-table inheritance) count for the parent only, proxies are left
    out: each table is listed once.
    """
    found = []
    for model in apps.get_models() if candidates is None else candidates:
        if model._meta.proxy:
            continue
        names = [
            field.name
            for field in model._meta.local_concrete_fields
            if isinstance(field, EncryptedTextField)
        ]
        if names:
            found.append((model, names))
    return found


def check_keys(app_configs=None, **kwargs):
    """buero_events.E902: usable keys, as soon as an installed model has an encrypted field."""
    if not encrypted_fields():
        return []
    try:
        fernet()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="buero_events.E902")]
    return []
