"""The web dashboard: static files served by the ``dateline serve`` process itself.

Everything the page loads comes from this server: our own scripts and styles in
``static/``, and the third-party assets that ``npm run build`` (part of
``make install``) copies from ``node_modules`` into ``static/vendor/`` (world
boundaries from ``world-atlas``, the TopoJSON decoder ``topojson-client``).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
#: Files the build step must have produced for the map to draw.
VENDOR_FILES = ("countries-110m.json", "topojson-client.min.js")


def assets_built() -> bool:
    """Whether the front-end build step has run (the map needs its files).

    Returns:
        bool: True when every file of ``VENDOR_FILES`` is present.
    """
    return all((VENDOR / name).is_file() for name in VENDOR_FILES)


def mount(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and its files under ``/static/``.

    Args:
        app: the application to add the routes to.
    """

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
