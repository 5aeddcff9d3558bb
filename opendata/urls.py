"""The app's addresses without a language prefix (the APIs), part of ``buero.urls``."""

from django.urls import path

from . import embed
from .hsds import views as hsds

app_name = "opendata"
urlpatterns = [
    # The upcoming dates as JSON, for portals that show them in their own layout.
    path("api/termine.json", embed.dates_json, name="dates_json"),
    # HSDS 3.0 (opendata.hsds); the specification's paths have no trailing slash.
    path("api/hsds/", hsds.index, name="hsds_index"),
    path("api/hsds/openapi.json", hsds.openapi, name="hsds_openapi"),
    path("api/hsds/services", hsds.services, name="hsds_services"),
    path("api/hsds/services/<str:service_id>", hsds.service, name="hsds_service"),
    path("api/hsds/organizations", hsds.organizations, name="hsds_organizations"),
    path("api/hsds/organizations/<str:item_id>", hsds.organization, name="hsds_organization"),
    path(
        "api/hsds/service_at_locations",
        hsds.service_at_locations,
        name="hsds_service_at_locations",
    ),
    path(
        "api/hsds/service_at_locations/<str:item_id>",
        hsds.service_at_location,
        name="hsds_service_at_location",
    ),
    path("api/hsds/taxonomies", hsds.taxonomies, name="hsds_taxonomies"),
    path("api/hsds/taxonomies/<str:item_id>", hsds.taxonomy, name="hsds_taxonomy"),
    path("api/hsds/taxonomy_terms", hsds.taxonomy_terms, name="hsds_taxonomy_terms"),
    path("api/hsds/taxonomy_terms/<str:item_id>", hsds.taxonomy_term, name="hsds_taxonomy_term"),
]
