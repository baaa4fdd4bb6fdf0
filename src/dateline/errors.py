"""Dateline's error catalogue.

Every error carries a stable code (``E1xx`` input, ``E2xx`` config, ``E3xx``
store, ``E4xx`` HTTP API) that appears in its message and in ``ingest_log``.  Batch commands
record these and go on; the library raises them.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error Dateline raises on purpose."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None):
        if code is not None:
            self.code = code
        self.reason = message
        super().__init__(f"[{self.code}] {message}")


class InputError(DatelineError):
    """An input could not be turned into an article (and never will be as is)."""

    code = "E100"


class ConfigError(DatelineError):
    """A configuration value or data file is wrong."""

    code = "E200"


class StoreError(DatelineError):
    """The database could not be read or written."""

    code = "E300"


# Stable input codes: (code, short name).  Documented in docs/errors.md.
E_EMPTY = "E101"          # empty or whitespace-only text
E_BINARY = "E102"         # binary content (image, archive, ...)
E_DECODE = "E103"         # bytes that could not be decoded as text
E_TOO_LARGE = "E104"      # larger than the configured size limit
E_NO_TEXT = "E105"        # HTML with no article text
E_BAD_JSON = "E106"       # a JSONL line that is not a JSON object
E_BAD_FIELD = "E107"      # a JSONL record with a missing or wrong field
E_LANGUAGE = "E108"       # not English
E_DUPLICATE = "E109"      # the same article was already stored
E_UNREADABLE = "E110"     # the file could not be read (permissions, vanished)
E_BAD_DATE = "E111"       # a published date that is not YYYY-MM-DD
E_UNSUPPORTED = "E112"    # a file type Dateline does not read
E_PROCESS = "E113"        # processing the article raised an error (logged; the run goes on)
E_NEAR_DUPLICATE = "E114" # a near-duplicate of a stored article (linked, not coded again)
E_DAMAGED = "E115"        # a truncated or damaged file (records before the damage are kept)
E_SKIPPED = "E116"        # records in an archive that are not articles (counted and skipped)

E_MODEL = "E201"          # the spaCy model could not be loaded
E_CONFIG = "E202"         # bad configuration value
E_DATA = "E203"           # a packaged data file is malformed
E_DESIGNATIONS = "E204"   # a designations list (UN SC consolidated.xml) is unreadable or malformed

E_DB = "E301"             # database error
E_DB_NOT_FOUND = "E302"   # no such database file
E_NOT_FOUND = "E303"      # no such article id

# HTTP API codes (dateline serve), in the error envelope's "code".
E_API_PARAM = "E401"      # a bad query parameter or request field (HTTP 400/422)
E_API_AUTH = "E402"       # missing or wrong write token (HTTP 401)
E_API_READ_ONLY = "E403"  # a write to a server started without --allow-write (HTTP 403)
E_API_ROUTE = "E404"      # no such endpoint or method (HTTP 404/405)
E_API_BODY = "E405"       # request body over the size limit (HTTP 413)
