"""Helpers shared by CLI commands."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence

from journeymap.i18n import fill, translate
from journeymap.storage import Document


def open_map(path: str, map_id: int | None, read_only: bool = True) -> tuple[Document, int]:
    """Open a document and resolve ``--map`` (default: the first map)."""
    from journeymap.cli import CliError

    doc = Document.open(path, read_only=read_only)
    maps = doc.maps()
    if not maps:
        doc.close()
        raise CliError(fill(translate("cli", "%1: the document has no maps."), path))
    if map_id is None:
        return doc, maps[0].id
    if map_id not in {m.id for m in maps}:
        doc.close()
        known = ", ".join(str(m.id) for m in maps)
        raise CliError(fill(translate("cli", "%1: there is no map %2 (maps: %3)."), path, map_id, known))
    return doc, map_id


def add_map_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--map", type=int, dest="map_id", metavar="ID", help=translate("cli", "map id (default: the first map)")
    )


def print_rows(rows: Sequence[dict[str, object]], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        json.dump([{c: r[c] for c in columns} for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if r[c] is None else r[c] for c in columns] for r in rows])
    else:
        print_table(rows, columns)


def print_table(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> None:
    cells = [[("–" if r[c] is None else str(r[c])) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
