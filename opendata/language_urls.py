"""The app's addresses below a language (/de/..., /ar/...): a host site includes them inside
its ``i18n_patterns`` with ``path("", include("opendata.language_urls"))``."""

urlpatterns = []
