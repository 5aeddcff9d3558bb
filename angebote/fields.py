"""A model field for several fixed choices that filters the same way on SQLite and PostgreSQL."""

from django import forms
from django.core import exceptions
from django.db import models

SEPARATOR = "|"


class MultipleChoiceField(models.CharField):
    """Stores chosen codes as ``|a|b|``.

    An ArrayField exists only on PostgreSQL, and JSONField's ``contains`` lookup is missing
    on SQLite; a delimited string can be filtered exactly on both with ``contains("|a|")``.
    The Python value is a list of codes.
    """

    description = "Several choices"

    def __init__(self, *args, choices=(), **kwargs):
        self.multiple_choices = list(choices)
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.multiple_choices
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return list(value)
        return [code for code in str(value).split(SEPARATOR) if code]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return f"{SEPARATOR}{SEPARATOR.join(value)}{SEPARATOR}" if value else ""
        return value  # a lookup value such as "|a|"

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {str(code) for code, _label in self.multiple_choices}
        invalid = [code for code in value if code not in valid]
        if invalid:
            raise exceptions.ValidationError(
                "Ungültige Auswahl: %(codes)s", params={"codes": ", ".join(invalid)}
            )
        if not value and not self.blank:
            raise exceptions.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.multiple_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        return form_class(**defaults)

    def labels(self, codes):
        """The display labels of the given codes, in the order of the choices."""
        chosen = set(codes)
        return [label for code, label in self.multiple_choices if code in chosen]

    @staticmethod
    def lookup(code):
        """The ``contains`` value that matches exactly one code."""
        return f"{SEPARATOR}{code}{SEPARATOR}"
