"""Where the user was: the last document, its current map, zoom, centre and the overlays.

Saved to the app's settings (``journeymap.settings.VIEW_STATE``) *as the user works*
(on opening a document, switching maps, toggling overlays, and shortly after
zooming or scrolling) and synced to disk at once, so a crash or a SIGKILL
loses at most the last half second of panning. On a start with no file,
:func:`open_last_or_sample` reopens the last document at its last map; if that
document is gone or cannot be opened the sample opens instead and the reason
shows in the status bar (never a dialog that blocks start-up).

State is kept per document (the last ``MAX_DOCUMENTS`` opened), so opening a
recent document also returns to where it was left. The very first start (no
state saved yet) shows the NPS and sentiment overlays, so the sample's demo
survey is visible at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QTimer

from journeymap.i18n import error_text
from journeymap.settings import VIEW_STATE
from journeymap.settings import store as settings
from journeymap.storage import DocumentError, DocumentLockedError

KEY = VIEW_STATE.key
MAX_DOCUMENTS = 10
SAVE_DELAY_MS = 400  # zoom/scroll: saved this long after the last change
STATUS_MS = 15000
FIRST_START_OVERLAYS = ("nps", "sentiment")


def tr(text: str) -> str:
    return QCoreApplication.translate("ViewState", text)


def _key(path: str | os.PathLike[str]) -> str:
    return str(Path(path).resolve())


def load() -> dict[str, Any]:
    """``{"last": path or None, "overlays": [...], "documents": {path: {"map", "zoom", "center"}}}``."""
    raw = settings().value(KEY, "")
    try:
        state = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        state = {}
    if not isinstance(state, dict):
        state = {}
    docs = state.get("documents")
    state["documents"] = docs if isinstance(docs, dict) else {}
    overlays = state.get("overlays")
    state["overlays"] = [str(o) for o in overlays] if isinstance(overlays, list) else []
    last = state.get("last")
    state["last"] = last if isinstance(last, str) and last else None
    return state


def store(state: dict[str, Any]) -> None:
    s = settings()
    raw = json.dumps(state, ensure_ascii=False)
    if s.value(KEY, "") == raw:
        return  # unchanged: no rewrite (and no fsync) of the settings file
    s.setValue(KEY, raw)
    s.sync()  # on disk now: the next start must see it even after a crash


def last_document() -> Path | None:
    last = load()["last"]
    return Path(last) if last else None


class ViewStateKeeper(QObject):
    """Follows a ``MainWindow`` and keeps its view state in the settings."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        window.sessionOpened.connect(self._session_opened)
        window.view.zoomChanged.connect(self._view_moved)
        window.view.horizontalScrollBar().valueChanged.connect(self._view_moved)
        window.view.verticalScrollBar().valueChanged.connect(self._view_moved)
        actions = getattr(window, "overlay_actions", {})
        first_start = not settings().value(KEY, "")
        wanted = set(FIRST_START_OVERLAYS if first_start else load()["overlays"])
        for name, action in actions.items():
            if name in wanted and not action.isChecked():
                action.setChecked(True)
            action.toggled.connect(lambda _on: self.save())

    # ------------------------------------------------------------------ saving
    def _view_moved(self, *_args: object) -> None:
        if not self._restoring and self.window.session is not None:
            self._timer.start()

    def save(self, view: dict[str, Any] | None = None) -> None:
        """Record the current document, map, zoom, centre and overlays (and sync).

        *view*: the zoom and centre to record instead of the view's (one that
        is about to be restored).
        """
        self._timer.stop()
        state = load()
        actions = getattr(self.window, "overlay_actions", {})
        state["overlays"] = sorted(n for n, a in actions.items() if a.isChecked())
        session = self.window.session
        if session is not None:
            key = _key(session.document.path)
            if view is None:
                canvas = self.window.view
                centre = canvas.mapToScene(canvas.viewport().rect().center())
                view = {"zoom": round(canvas.zoom, 4), "center": [centre.x(), centre.y()]}
            entry = {"map": session.map_id, "zoom": view.get("zoom"), "center": view.get("center")}
            docs = {k: v for k, v in state["documents"].items() if k != key}
            state["documents"] = {key: entry, **dict(list(docs.items())[: MAX_DOCUMENTS - 1])}
            state["last"] = key
        store(state)

    # ------------------------------------------------------------------ restoring
    def _session_opened(self, session) -> None:
        entry = load()["documents"].get(_key(session.document.path))
        if isinstance(entry, dict):
            map_id = entry.get("map")
            if map_id != session.map_id and map_id in {m.id for m in session.document.maps()}:
                session.set_map(map_id)
        session.currentMapChanged.connect(self._map_changed)
        if isinstance(entry, dict) and entry.get("zoom"):
            # The view about to be restored, not the fitted one in between (often nothing to write).
            self.save(view=entry)
            # After the window's own fit-to-window (also queued when the document opened).
            QTimer.singleShot(0, lambda: self._restore_view(session, entry))
        else:
            self.save()

    def _map_changed(self, _map_id: int) -> None:
        self.save()

    def _restore_view(self, session, entry: dict[str, Any]) -> None:
        if self.window.session is not session:
            return
        self._restoring = True
        try:
            zoom, centre = entry.get("zoom"), entry.get("center")
            if isinstance(zoom, int | float) and zoom > 0:
                self.window.view.set_zoom(float(zoom))
            if isinstance(centre, list) and len(centre) == 2 and all(isinstance(v, int | float) for v in centre):
                self.window.view.centerOn(QPointF(*centre))
        finally:
            self._restoring = False
        # Recorded as restored (the view's own centre differs by pixel rounding; no rewrite for that).
        self.save(view=entry)


def open_last_or_sample(window, sample: Callable[[], Path]) -> bool:
    """Start-up without a file: the last document at its last map, else the sample.

    Problems (the last document is gone, damaged, in use; the sample cannot be
    made) are reported in the status bar; nothing here opens a dialog.
    """
    message = ""
    last = last_document()
    if last is not None:
        if not last.is_file():
            message = tr("The last document, %1, is no longer there; the sample map is open instead.")
            message = message.replace("%1", str(last))
        else:
            try:
                if window.open_path(last, interactive=False):
                    return True
            except DocumentLockedError:
                try:
                    if window.open_path(last, read_only=True, interactive=False):
                        window.statusBar().showMessage(
                            tr("%1 is open in another window: opened read-only.").replace("%1", last.name), STATUS_MS
                        )
                        return True
                except DocumentError as exc:
                    message = error_text(exc)
            except DocumentError as exc:
                message = tr("Could not reopen the last document (%1); the sample map is open instead.")
                message = message.replace("%1", error_text(exc))
    try:
        opened = window.open_path(sample(), interactive=False)
    except Exception as exc:  # noqa: BLE001 - the editor still starts without the sample
        message = " ".join(m for m in (message, error_text(exc)) if m)
        opened = False
    if message:
        window.statusBar().showMessage(message, STATUS_MS)
    return opened
