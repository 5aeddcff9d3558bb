"""The app's addresses without a language prefix (the APIs): a host site includes them with
``path("", include("opendata.urls"))``."""

from django.urls import path

from . import embed

app_name = "opendata"
urlpatterns = [
    # The upcoming dates as JSON, for portals that show them in their own layout.
    path("api/termine.json", embed.dates_json, name="dates_json"),
]
