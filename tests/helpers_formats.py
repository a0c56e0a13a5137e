"""Documents of older formats, made from a current one by dropping what later migrations create."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from journeymap.storage import schema

_CREATED = re.compile(r"^\s*CREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX)\s+(\w+)", re.IGNORECASE)


def downgrade(path: Path, version: int) -> None:
    """Turn a current document at *path* into one of format *version* (objects of later formats dropped)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for v in sorted(schema.MIGRATIONS, reverse=True):
            if v <= version:
                continue
            for statement in schema.MIGRATIONS[v]:
                match = _CREATED.match(statement)
                if match:
                    kind, name = match.group(1).upper(), match.group(2)
                    conn.execute(f"DROP {kind} IF EXISTS {name}")
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()
