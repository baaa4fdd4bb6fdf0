"""POST endpoints: ``/extract`` (a record, not stored) and ``/articles`` (ingest; token only)."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from ..errors import E_API_AUTH, E_API_READ_ONLY, InputError
from ..ingest import article_from_text
from ..pipeline import Pipeline
from .envelope import ApiError, Envelope, ErrorEnvelope, ok

router = APIRouter(responses={413: {"model": ErrorEnvelope, "description": "body too large"}})


class ArticleIn(BaseModel):
    """An article as plain text (first non-empty line is the headline unless ``title`` is given)."""

    text: str = Field(min_length=1, description="the article as plain text")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                  description="publication date YYYY-MM-DD (resolves relative dates)")
    source: str | None = Field(None, max_length=200, description="the outlet's name")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)


def _process(request: Request, body: ArticleIn):
    state = request.app.state
    try:
        article = article_from_text(body.text, published=body.published, source=body.source,
                                    title=body.title, url=body.url, origin="api",
                                    config=state.config)
        # one pipeline per server; spaCy is not shared across threads
        with state.pipe_lock:
            pipe = getattr(state, "pipeline", None)
            if pipe is None:
                pipe = state.pipeline = Pipeline(state.config)
            return pipe.process(article)
    except InputError as e:
        raise ApiError(400, e.code, e.reason, [{"param": "text", "message": e.reason}]) from None


@router.post("/extract", response_model=Envelope, tags=["extract"])
def extract(request: Request, body: ArticleIn):
    """Process one article's text into a ``dateline/1`` record; nothing is stored."""
    record = _process(request, body)
    return ok(record.to_dict(), {"stored": False})


@router.post("/articles", response_model=Envelope, status_code=201, tags=["articles"],
             responses={401: {"model": ErrorEnvelope}, 403: {"model": ErrorEnvelope}})
def add_article(request: Request, body: ArticleIn):
    """Process and store one article. Needs a server started with ``--allow-write`` and
    ``Authorization: Bearer <DATELINE_WRITE_TOKEN>``."""
    state = request.app.state
    if not state.allow_write:
        raise ApiError(403, E_API_READ_ONLY, "this server is read-only; start it with --allow-write"
                       " and DATELINE_WRITE_TOKEN set to accept articles")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not value:
        raise ApiError(401, E_API_AUTH, "send the write token as 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(value.strip().encode(), state.token.encode()):
        raise ApiError(401, E_API_AUTH, "the write token is wrong")
    record = _process(request, body)
    stored = state.store.add(record)
    data = {"id": record.article.id, "stored": stored, "events": len(record.events),
            "quotes": len(record.quotes), "actors": len(record.actors)}
    return ok(data, {"stored": stored}, status=201 if stored else 200)
