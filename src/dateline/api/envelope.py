"""One success envelope and one error envelope for every endpoint.

Success: ``{"ok": true, "data": ..., "meta": {...}}`` (``meta`` carries
``total``, ``limit``, ``offset`` and ``next_offset`` on lists).
Error: ``{"ok": false, "error": {"status", "code", "message", "details"}}`` with a
stable ``code`` from ``dateline.errors``.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ErrorBody(BaseModel):
    """What went wrong: HTTP status, stable Dateline code, a sentence, and per-parameter details."""

    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorEnvelope(BaseModel):
    """The error envelope every endpoint uses."""

    ok: bool = False
    error: ErrorBody


class Envelope(BaseModel):
    """The success envelope every endpoint uses."""

    ok: bool = True
    data: Any = None
    meta: dict[str, Any] = {}


class ApiError(Exception):
    """An error to send as the error envelope.

    Args:
        status: HTTP status (4xx).
        code: stable code from ``dateline.errors`` (``E401`` ...).
        message: what went wrong and how to fix it.
        details: optional per-parameter details (``{"param", "message"}``).
    """

    def __init__(self, status: int, code: str, message: str, details: list[dict] | None = None):
        super().__init__(f"[{code}] {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []


def ok(data: Any, meta: dict[str, Any] | None = None, status: int = 200) -> JSONResponse:
    """The success envelope.

    Args:
        data: the payload (JSON-serialisable).
        meta: extra facts about the payload (pagination, filters).
        status: HTTP status.

    Returns:
        JSONResponse: ``{"ok": true, "data": data, "meta": meta}``.
    """
    return JSONResponse({"ok": True, "data": data, "meta": meta or {}}, status_code=status)


def error(status: int, code: str, message: str, details: list[dict] | None = None,
          headers: dict[str, str] | None = None) -> JSONResponse:
    """The error envelope.

    Args:
        status: HTTP status.
        code: stable Dateline code.
        message: what went wrong and how to fix it.
        details: per-parameter details.
        headers: extra response headers (``WWW-Authenticate``).

    Returns:
        JSONResponse: ``{"ok": false, "error": {...}}``.
    """
    body = {"status": status, "code": code, "message": message, "details": details or []}
    return JSONResponse({"ok": False, "error": body}, status_code=status, headers=headers)


def page_meta(total: int, limit: int, offset: int, returned: int, **extra: Any) -> dict[str, Any]:
    """Pagination facts for a list.

    Returns:
        dict: ``total``, ``limit``, ``offset``, ``returned`` and ``next_offset``
        (None on the last page), plus ``extra``.
    """
    nxt = offset + returned if offset + returned < total else None
    return {"total": total, "limit": limit, "offset": offset, "returned": returned,
            "next_offset": nxt, **extra}
