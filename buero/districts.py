"""The 19 Ortschaften of the Einheitsgemeinde Stadt Tangerhütte, shared by every app."""

from django.db import models


class District(models.TextChoices):
    """The town first, then the villages alphabetically.

    Place names are the same in every language, so the labels are not translated.
    """

    TANGERHUETTE = "tangerhuette", "Tangerhütte"
    BELLINGEN = "bellingen", "Bellingen"
    BIRKHOLZ = "birkholz", "Birkholz"
    BITTKAU = "bittkau", "Bittkau"
    COBBEL = "cobbel", "Cobbel"
    DEMKER = "demker", "Demker"
    GRIEBEN = "grieben", "Grieben"
    HUESELITZ = "hueselitz", "Hüselitz"
    JERCHEL = "jerchel", "Jerchel"
    KEHNERT = "kehnert", "Kehnert"
    LUEDERITZ = "luederitz", "Lüderitz"
    RINGFURTH = "ringfurth", "Ringfurth"
    SCHELLDORF = "schelldorf", "Schelldorf"
    SCHERNEBECK = "schernebeck", "Schernebeck"
    SCHOENWALDE = "schoenwalde", "Schönwalde (Altmark)"
    UCHTDORF = "uchtdorf", "Uchtdorf"
    UETZ = "uetz", "Uetz"
    WEISSEWARTE = "weissewarte", "Weißewarte"
    WINDBERGE = "windberge", "Windberge"
