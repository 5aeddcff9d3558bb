"""Logging filters: what visitors search or filter for can be personal ("Schulden")."""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")


class StripQueryStrings(logging.Filter):
    """Remove query strings from log records before any handler writes them."""

    def filter(self, record):
        message = record.getMessage()
        if "?" in message:
            record.msg = QUERY_STRING.sub("", message)
            record.args = ()
        return True
