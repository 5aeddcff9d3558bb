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


INVALID_REQUEST = re.compile(r"^(Invalid request from ip=\S*?): ([^:]*)")


class RedactRequestLines(StripQueryStrings):
    """gunicorn's error log names a malformed request with what the client sent: the whole
    request line with its query ("Invalid HTTP request line: 'GET /?q=Schulden für …'"), a
    header. Only the kind of error is kept; query strings go from every other line."""

    def filter(self, record):
        if match := INVALID_REQUEST.match(record.getMessage()):
            record.msg = f"{match[1]}: {match[2].strip()}"
            record.args = ()
            return True
        return super().filter(record)
