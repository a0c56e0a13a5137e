"""File ▸ Merge Changes From… (issue 18): choose the copies, plan, decide, merge as one undo step, report.

The steps, each of which may end the merge with a message and the document unchanged:
the copies are chosen (several ``.jmap``; the folder is remembered), the engine
plans read-only behind a progress dialog (``services.merging.plan_merge``), an
empty plan says so, a refused or damaged copy is named in an error, otherwise
:class:`~journeymap.ui.dialogs.merge_dialog.MergeDialog` shows the plan; Merge
writes it (``ui.commands.merge.run_merge``: one transaction, one undo step) and
the report says what came from whom.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from journeymap.i18n import error_text
from journeymap.services.merge_plan import MergePlan
from journeymap.settings import MERGE_FOLDER
from journeymap.storage import DocumentError
from journeymap.ui.commands.merge import run_merge
from journeymap.ui.dialogs.merge_dialog import MergeDialog, nothing_to_merge_text, report_text
from journeymap.ui.session import DocumentSession

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow

PROGRESS_STEPS = 1000
SHORTCUT = "Ctrl+Shift+M"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("MergeActions", text, disambiguation, n)


def install(window: MainWindow) -> None:
    """File ▸ Merge Changes From… after the survey import (an edit: off when read-only)."""
    action = QAction(tr("&Merge Changes From…"), window)
    action.setShortcut(SHORTCUT)
    action.setStatusTip(tr("Bring in what others added or changed in their copies of this document"))
    action.triggered.connect(lambda: merge_changes(window, window.session))
    window.act_merge = action  # type: ignore[attr-defined]
    actions = window.file_menu.actions()
    after = actions.index(window.act_import) + 1
    window.file_menu.insertAction(actions[after] if after < len(actions) else None, action)
    window.editing_actions.append(action)


class _Cancelled(Exception):
    """Cancel pressed while the copies were read (planning writes nothing)."""


def _errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [DocumentError, OSError]
    try:
        from journeymap.services.merging import MergeRefused
    except ImportError:  # the engine is not there yet
        pass
    else:
        errors.insert(0, MergeRefused)
    return tuple(errors)


class MergeFlow(QObject):
    """One File ▸ Merge run: its dialog and messages stay reachable (tests, screenshots) until the next one.

    *plan* and *apply* default to the engine's ``plan_merge`` and ``apply_merge``.
    """

    def __init__(self, parent: QWidget | None, session: DocumentSession,
                 plan: Callable[..., MergePlan] | None = None, apply: Callable[..., Any] | None = None):
        super().__init__(parent)
        self.parent_widget = parent
        self.session = session
        self._plan = plan
        self._apply = apply
        self.paths: list[Path] = []
        self.plan: MergePlan | None = None
        self.dialog: MergeDialog | None = None
        self.message: QMessageBox | None = None  # the last error, information or report shown
        self.result: Any = None

    @property
    def master_name(self) -> str:
        return self.session.document.path.name

    # --------------------------------------------------------------- steps
    def choose(self) -> list[Path]:
        """Ask for the copies (several at once); the folder is remembered for next time."""
        folder = MERGE_FOLDER.get() or str(self.session.document.path.parent)
        names, _ = QFileDialog.getOpenFileNames(self.parent_widget, tr("Merge changes from copies"), folder,
                                                tr("JourneyMap documents (*.jmap)"))
        if names:
            MERGE_FOLDER.set(str(Path(names[0]).parent))
        return [Path(n) for n in names]

    def start(self, paths: Sequence[str | Path]) -> MergeDialog | None:
        """Plan the merge of *paths* and open the dialog; None when a message ended it."""
        self.paths = [Path(p) for p in paths]
        if not self.paths:
            return None
        if self.session.read_only:
            self._tell(QMessageBox.Icon.Information, tr("The document is open read-only."))
            return None
        master = self.session.document.path.resolve()
        itself = [p.name for p in self.paths if p.resolve() == master]
        if itself:
            self._tell(QMessageBox.Icon.Warning,
                       tr("%1 is the document that is open: choose the copies others sent back.")
                       .replace("%1", itself[0]))
            return None
        plan = self._under_progress(tr("Comparing %1 with this document…").replace("%1", self._names()), True,
                                    lambda report: self._planner()(self.session.document, self.paths, progress=report))
        if plan is None:
            return None
        self.plan = plan
        if plan.is_empty():
            self._tell(QMessageBox.Icon.Information, nothing_to_merge_text(
                self.master_name, plan.sources, sum(s.left_out for s in plan.per_source)))
            return None
        self.dialog = MergeDialog(plan, self.master_name, self.parent_widget)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self.merge)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.open()
        return self.dialog

    def _forget_dialog(self) -> None:
        self.dialog = None

    def merge(self) -> Any:
        """Merge with the dialog's answers; one undo step; then the report. None when it failed."""
        dialog, plan = self.dialog, self.plan
        if dialog is None or plan is None:
            return None
        choices, deletions, declined = dialog.choices(), dialog.deletions(), dialog.declined()
        result = self._under_progress(
            tr("Merging %1…").replace("%1", self._names()), False,
            lambda report: run_merge(self.session, self.paths, choices, deletions, progress=report,
                                     apply=self._apply, declined=declined))
        if result is None:
            return None
        self.result = result
        self._report(plan, choices, deletions, result)
        return result

    # --------------------------------------------------------------- messages
    def _names(self) -> str:
        return ", ".join(p.name for p in self.paths)

    def _planner(self) -> Callable[..., MergePlan]:
        if self._plan is None:
            from journeymap.services.merging import plan_merge

            return plan_merge
        return self._plan

    def _under_progress(self, text: str, cancellable: bool, call: Callable[[Callable[[int, int], None]], Any]) -> Any:
        """``call(report)`` under a progress dialog; a cancel or a refusal is told here and gives None."""
        progress = self._progress(text, cancellable)
        try:
            return call(self._reporter(progress, cancellable))
        except _Cancelled:
            self._tell(QMessageBox.Icon.Information, tr("Merge cancelled; nothing was changed."))
        except _errors() as exc:
            self._refused(exc)
        finally:
            progress.close()
            progress.deleteLater()
        return None

    def _progress(self, text: str, cancellable: bool) -> QProgressDialog:
        progress = QProgressDialog(text, tr("Cancel") if cancellable else "", 0, PROGRESS_STEPS,
                                   self.parent_widget)
        if not cancellable:
            progress.setCancelButton(None)
        progress.setWindowTitle(tr("Merge Changes"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        return progress

    @staticmethod
    def _reporter(progress: QProgressDialog, cancellable: bool = True) -> Callable[[int, int], None]:
        """The engine's progress(done, total); Cancel (or Escape) stops the planning, never the merge itself."""
        def report(done: int, total: int) -> None:
            progress.setValue(int(PROGRESS_STEPS * done / total) if total else 0)
            QApplication.processEvents()
            if cancellable and progress.wasCanceled():
                raise _Cancelled

        return report

    def _refused(self, exc: BaseException) -> None:
        detail = error_text(exc) if not isinstance(exc, OSError) else f"{exc.filename or ''}: {exc.strerror or exc}"
        self._tell(QMessageBox.Icon.Critical,
                   tr("%1 could not be merged into %2; nothing was changed.").replace("%1", self._names())
                   .replace("%2", self.master_name) + "\n\n" + detail)

    def _report(self, plan: MergePlan, choices: dict[str, str], deletions: list[str], result: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, tr("Merge Changes"),
                          tr("Merged the changes from %1. Edit ▸ Undo takes the whole merge back.")
                          .replace("%1", self._names()), QMessageBox.StandardButton.Ok, self.parent_widget)
        applied = getattr(result, "plan", None)  # what the merge did (the same plan, unless a copy changed since)
        text = report_text(applied if isinstance(applied, MergePlan) else plan, self.master_name, choices, deletions)
        notes = _engine_notes(result)
        box.setInformativeText(text + ("\n" + notes if notes else ""))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy into an e-mail
        self.message = box
        box.open()

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = QMessageBox(icon, tr("Merge Changes"), text, QMessageBox.StandardButton.Ok,
                                   self.parent_widget)
        self.message.open()


def _engine_notes(result: Any) -> str:
    """What the report adds to the plan: responses and events copied in, those left out (of cards not here)."""
    touched = getattr(result, "touched", None)
    lines = []
    copied = getattr(touched, "responses", 0) or 0
    dropped = getattr(touched, "dropped_responses", 0) or 0
    if copied:
        lines.append(tr("%Ln survey responses copied in.", "", copied))
    if dropped:
        lines.append(tr("%Ln responses left out: their cards are not in this document.", "", dropped))
    events = getattr(touched, "events", 0) or 0
    dropped = getattr(touched, "dropped_events", 0) or 0
    if events:
        lines.append(tr("%Ln events copied in.", "", events))
    if dropped:
        lines.append(tr("%Ln events left out: their cards are not in this document.", "", dropped))
    return "\n".join(lines)


def merge_changes(window: QWidget | None, session: DocumentSession | None,
                  paths: Sequence[str | Path] | None = None, **engine: Any) -> MergeFlow | None:
    """File ▸ Merge Changes From…: ask for the copies (unless *paths*), then plan and show the dialog."""
    if session is None:
        return None
    previous = getattr(window, "merge_flow", None)
    if isinstance(previous, MergeFlow):
        previous.deleteLater()
    flow = MergeFlow(window, session, **engine)
    if window is not None:
        window.merge_flow = flow  # type: ignore[attr-defined]
    chosen = list(paths) if paths is not None else flow.choose()
    if chosen:
        flow.start(chosen)
    return flow


__all__ = ["MergeFlow", "install", "merge_changes"]
