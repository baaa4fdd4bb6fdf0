"""HTTP API of ``dateline serve`` (FastAPI; OpenAPI at ``/openapi.json``).

``create_app(db, ...)`` builds the application; ``docs/serve.md`` lists the
endpoints, the envelopes and the error codes.
"""

from .app import create_app

__all__ = ["create_app"]
