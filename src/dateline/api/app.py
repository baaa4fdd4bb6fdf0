"""The FastAPI application behind ``dateline serve``: API, envelopes, limits, dashboard.

``create_app`` opens the store (read-only unless writing is allowed) and wires
the read endpoints (``routes``), the write endpoints (``write``), the error
envelope for every failure, the request-body limit, security headers and the
dashboard (``dateline.web``).
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..config import Config
from ..errors import (E_API_BODY, E_API_PARAM, E_API_ROUTE, E_DB, E_NOT_FOUND, ConfigError,
                      E_CONFIG, StoreError)
from ..store import Store
from .envelope import ApiError, ErrorEnvelope, error
from .queries import ParamError

#: Default request-body limit for POST endpoints (bytes).
MAX_BODY = 1_000_000

#: Sent with every response: nothing but this server may be contacted by the page.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
       " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
       " frame-ancestors 'none'; form-action 'self'")


def create_app(db: str, allow_write: bool = False, token: str | None = None,
               max_body: int = MAX_BODY, config: Config | None = None) -> FastAPI:
    """Build the HTTP API and dashboard over one Dateline database.

    Args:
        db: the DuckDB file.
        allow_write: open the store for writing and enable ``POST /articles``.
        token: the write token clients must send (``Authorization: Bearer ...``);
            required when ``allow_write``.
        max_body: largest request body accepted, in bytes (413 beyond).
        config: pipeline settings for ``POST /extract`` and ``POST /articles``.

    Returns:
        FastAPI: the ASGI application (serve it with uvicorn).

    Raises:
        ConfigError: E202 when writing is allowed without a token, or the limit is not positive.
        StoreError: E302/E301 when the database cannot be opened.
    """
    if allow_write and not token:
        raise ConfigError("--allow-write needs a write token in DATELINE_WRITE_TOKEN", E_CONFIG)
    if max_body <= 0:
        raise ConfigError(f"the body limit must be positive, not {max_body}", E_CONFIG)
    store = Store(db, read_only=not allow_write)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="Dateline",
        version="0.1.0",
        summary="Political event data from news: articles, events, quotes, actors, dyads.",
        description=(
            "Every response is an envelope: `{ok: true, data, meta}` or "
            "`{ok: false, error: {status, code, message, details}}`. Lists take "
            "`limit` (1-500) and `offset`. Read-only unless the server was started "
            "with `--allow-write`."
        ),
        docs_url=None,       # Swagger UI and ReDoc load scripts from a CDN: no external network
        redoc_url=None,
        lifespan=lifespan,
        responses={400: {"model": ErrorEnvelope, "description": "bad parameter"}},
    )
    app.state.store = store
    app.state.allow_write = allow_write
    app.state.token = token
    app.state.config = config or Config()
    app.state.pipe_lock = threading.Lock()
    app.state.max_body = max_body

    _handlers(app)
    from . import routes, write
    from .. import web

    app.include_router(routes.router)
    app.include_router(write.router)
    web.mount(app)
    app.add_middleware(_HeadersMiddleware)
    app.add_middleware(_BodyLimitMiddleware, limit=max_body)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error(exc.status, exc.code, exc.message, exc.details, headers)

    @app.exception_handler(ParamError)
    async def _param_error(request: Request, exc: ParamError):
        return error(400, E_API_PARAM, str(exc), [{"param": exc.param, "message": str(exc)}])

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        details = []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path")]
            details.append({"param": ".".join(loc) or "body", "message": e.get("msg", "invalid")})
        summary = "; ".join(f"{d['param']}: {d['message']}" for d in details)
        return error(400, E_API_PARAM, f"bad request parameters: {summary}", details)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        if exc.code == E_NOT_FOUND:
            return error(404, exc.code, exc.reason)
        return error(500, exc.code or E_DB, exc.reason)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        # Starlette logs the traceback after this; the client still gets an envelope.
        return error(500, "E000", f"internal error ({type(exc).__name__}); see the server log")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return error(404, E_API_ROUTE, f"no such endpoint: {request.url.path}; see /openapi.json")
        if exc.status_code == 405:
            return error(405, E_API_ROUTE, f"{request.method} is not allowed on {request.url.path}")
        return error(exc.status_code, E_API_PARAM, str(exc.detail))


class _HeadersMiddleware:
    """Security headers on every response (a strict CSP keeps the page offline)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _BodyLimitMiddleware:
    """Refuse request bodies over ``limit`` bytes with a 413 error envelope.

    The body is read (up to the limit) before the app sees it, so a chunked
    upload without ``Content-Length`` is held to the same limit.
    """

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                return await _send(send, error(400, E_API_PARAM, "Content-Length is not a number"))
            if too_big:
                return await _send(send, self._refuse())
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                return await _send(send, self._refuse())
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def receive_again():
            if replay:
                return replay.pop()
            return await receive()

        await self.app(scope, receive_again, send)

    def _refuse(self):
        return error(413, E_API_BODY, f"request body over the limit of {self.limit} bytes;"
                     " send a shorter text or start the server with a larger --max-body")


async def _send(send, response) -> None:
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
