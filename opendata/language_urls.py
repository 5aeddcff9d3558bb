"""The app's addresses below a language (/de/..., /ar/...), part of ``buero.urls``."""

from django.urls import path

from . import embed
from .feeds import CancellationFeed, CourseFeed, OfferFeed

urlpatterns = [
    # Atom feeds (opendata.feeds), linked from every page's <head>.
    path("feeds/angebote/", OfferFeed(), name="opendata_feed_offers"),
    path("feeds/weiterbildungen/", CourseFeed(), name="opendata_feed_courses"),
    path("feeds/ausfaelle/", CancellationFeed(), name="opendata_feed_cancellations"),
    # The dates widget for other sites to frame (opendata.embed).
    path("einbetten/termine/", embed.widget, name="opendata_embed_dates"),
    path("einbetten/termine/<slug:slug>/", embed.widget, name="opendata_embed_series"),
]
