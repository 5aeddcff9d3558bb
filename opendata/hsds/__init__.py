"""The directory as Open Referral's Human Services Data Specification (HSDS) 3.0.

A read-only API under ``/api/hsds/`` (``views``) answers with the records of ``records``:
offers and consultation hours as services, partners and the office as organizations with
their locations, consultation hours as services at their venue with schedules
(``schedules``), and topics, target groups and legal bases as taxonomies. The official
schemas it is tested against, with their licence, are in ``schema/``.
"""

#: The HSDS version the records follow.
VERSION = "3.0"
