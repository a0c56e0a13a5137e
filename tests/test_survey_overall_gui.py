"""The overall NPS of a wide survey in the title block (canvas and exports) and the Analytics dock."""

from __future__ import annotations

import survey_fixtures as F

from journeymap.ui.commands.survey_imports import run_survey_import
from journeymap.ui.docks.analytics import AnalyticsDock
from journeymap.ui.scene import MapScene
from journeymap.ui.session import DocumentSession


def test_title_block_and_analytics_show_the_overall_nps_and_follow_undo(qtbot, tmp_path):
    doc, m, _ = F.survey_doc(tmp_path)
    session = DocumentSession(doc, m)
    scene = MapScene(session)
    dock = AnalyticsDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    try:
        assert scene.title_item.overall is None or scene.title_item.overall.n == 0
        run_survey_import(session, F.qualtrics_csv(tmp_path))
        overall = scene.title_item.overall
        assert (overall.n, overall.nps) == (4, 25.0)
        dock.show()
        dock.refresh()
        assert dock.overall_label.isVisible()
        assert dock.overall_label.text().startswith("Overall NPS of the map: +25 (n = 4, ±")
        session.undo_stack.undo()
        assert scene.title_item.overall.n == 0
        dock.refresh()
        assert not dock.overall_label.isVisible()
    finally:
        session.undo_stack.clear()
        scene.dispose()
        doc.close()
