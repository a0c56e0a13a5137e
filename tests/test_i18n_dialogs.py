"""Every dialog opened in Spanish and in English: no English left in the Spanish one.

Texts that are the same in both languages are only names (NPS, PNG, CSV...) or data;
anything else means a string was not translated (or not marked with tr()).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTabWidget

from journeymap import i18n

# Words that are the same in Spanish and English, or names.
SAME = {"NPS", "PNG", "SVG", "PDF", "CSV", "XLSX", "JSON", "OK", "Excel", "JourneyMap", "English", "Español",
        "UTF-8", "F2", "Web", "Email", "SMS", "Outlet", "Tab", "Alt", "Inspector", "Mapas", "Escape",
        "Persona"}  # the same word in Spanish


def visible_texts(widget) -> set[str]:
    texts: set[str] = set()
    for child in [widget, *widget.findChildren(object)]:
        if isinstance(child, QLabel | QAbstractButton):
            texts.add(child.text())
        elif isinstance(child, QGroupBox):
            texts.add(child.title())
        elif isinstance(child, QComboBox):
            texts.update(child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QTabWidget):
            texts.update(child.tabText(i) for i in range(child.count()))
    if hasattr(widget, "windowTitle"):
        texts.add(widget.windowTitle())
    return {t for t in texts if t and re.search(r"[A-Za-z]{3}", re.sub(r"<[^>]+>", "", t))}


def dialogs(session, scene, tmp_path):
    from journeymap.ui.dialogs.camera_capture import CameraDialog
    from journeymap.ui.dialogs.export_dialog import ExportDialog
    from journeymap.ui.dialogs.import_dialog import ImportDialog
    from journeymap.ui.dialogs.import_history import ImportHistoryDialog
    from journeymap.ui.dialogs.new_map import NewMapDialog
    from journeymap.ui.dialogs.preferences import PreferencesDialog
    from journeymap.ui.main_window import settings

    survey = tmp_path / "survey.csv"
    survey.write_text("touchpoint,score,comment\n1,9,ok\n2,3,mal\n", encoding="utf-8")
    return {
        "camera": lambda: CameraDialog([]),
        "export": lambda: ExportDialog(session, scene),
        "import": lambda: ImportDialog(session, path=survey),
        "import history": lambda: ImportHistoryDialog(session),
        "new map": lambda: NewMapDialog(),
        "preferences": lambda: PreferencesDialog(settings()),
    }


@pytest.mark.parametrize("name", ["camera", "export", "import", "import history", "new map", "preferences"])
def test_dialog_has_no_english_left_in_spanish(qapp, qtbot, session, tmp_path, name):
    from journeymap.ui.scene import MapScene

    scene = MapScene(session)
    try:
        texts = {}
        for lang in ("en", "es"):
            i18n.install(qapp, lang)
            dialog = dialogs(session, scene, tmp_path)[name]()
            qtbot.addWidget(dialog)
            texts[lang] = visible_texts(dialog)
            dialog.close()
        i18n.install(qapp, "en")
        data = {tp.title for tp in session.document.touchpoints(session.map_id)}
        untranslated = {t for t in texts["es"] & texts["en"] if t not in SAME and t not in data}
        untranslated = {t for t in untranslated if not set(re.findall(r"[A-Za-z]+", t)) <= SAME}
        untranslated = {t for t in untranslated if not re.match(r"^\d+: ", t)}  # "2: score": the file's own column
        assert not untranslated, f"{name}: English in the Spanish dialog: {sorted(untranslated)}"
        assert texts["es"] != texts["en"]
    finally:
        i18n.install(qapp, "en")
        scene.dispose()
