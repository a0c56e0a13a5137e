"""Rejected rows as a CSV to fix in Excel: the file's columns plus a reason column."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from journeymap.i18n import reason_text, translate
from journeymap.services.importing import ImportResult

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    # Excel runs a cell that starts like a formula: keep the file safe to open.
    return "'" + text if text.startswith(FORMULA_START) else text


def write_rejected(result: ImportResult, path: str | Path) -> int:
    """Write the kept rejected rows (row number, reason in the UI language, values); the rows written.

    UTF-8 with a BOM so that Excel reads accents right; the header is the file's own.
    """
    headers = list(result.headers)
    width = max([len(headers), *(len(r.values) for r in result.rejected_rows)])
    headers += [""] * (width - len(headers))
    tmp = Path(path).with_name(Path(path).name + ".part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([translate("cli", "row"), translate("cli", "reason"), *headers])
        for row in result.rejected_rows:
            writer.writerow([row.row_number, reason_text(row), *(_cell(v) for v in row.values)])
    tmp.replace(path)
    return len(result.rejected_rows)
