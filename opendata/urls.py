"""The app's addresses without a language prefix (the APIs): a host site includes them with
``path("", include("opendata.urls"))``."""

app_name = "opendata"
urlpatterns = []
