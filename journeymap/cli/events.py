"""``import-events`` and ``flows``: CRM and web-analytics event logs, and the journey customers really took."""

from __future__ import annotations

import argparse
import json
import sys

from journeymap.cli.common import add_map_option, open_map, print_rows
from journeymap.i18n import QT_TRANSLATE_NOOP, error_text, fill, reason_text, translate

SHOWN_REJECTED = 20
SHOWN_NAMES = 10

COLUMN_OPTIONS = (
    ("customer", QT_TRANSLATE_NOOP("cli", "column of the customer or session id")),
    ("time", QT_TRANSLATE_NOOP("cli", "column of the event's date and time")),
    ("touchpoint", QT_TRANSLATE_NOOP("cli", "column of the touchpoint id or title")),
    ("channel", QT_TRANSLATE_NOOP("cli", "column of the channel")),
    ("outcome", QT_TRANSLATE_NOOP("cli", "column of the outcome (purchase, churn...)")),
)

IMPORT_EPILOG = QT_TRANSLATE_NOOP(
    "cli",
    """Reads CRM and web-analytics exports (HubSpot, Salesforce, GA4...) with one
row per event: a customer or session id, a date and time, and the touchpoint
(a card's id or title). Columns are recognised by their headers, in English or
Spanish; choose one with --customer-col, --time-col... Touchpoints the map does
not have are rejected and listed, or added as new cards with --new-cards.
The events and the flows they show are imported in one transaction as one
import batch, removable from the import history. Exit status: 0 when something
was imported, 1 otherwise (nothing is recorded then).""",
)

# Column headings of the flows tables (translated where printed; JSON and CSV keep these keys).
COLUMN_HEADINGS = (
    QT_TRANSLATE_NOOP("column", "from_id"), QT_TRANSLATE_NOOP("column", "from"),
    QT_TRANSLATE_NOOP("column", "to_id"), QT_TRANSLATE_NOOP("column", "to"),
    QT_TRANSLATE_NOOP("column", "customers"), QT_TRANSLATE_NOOP("column", "median_hours"),
    QT_TRANSLATE_NOOP("column", "reach"), QT_TRANSLATE_NOOP("column", "drop_off"),
    QT_TRANSLATE_NOOP("column", "path"), QT_TRANSLATE_NOOP("column", "outcome"),
    QT_TRANSLATE_NOOP("column", "share"),
)
PARTS = ("transitions", "touchpoints", "paths", "outcomes")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-events", help=translate("cli", "import an event log from a CRM or web analytics (CSV or XLSX)"),
        description=translate("cli", "Import an event log (one row per customer event) from a CSV or XLSX file."),
        epilog=translate("cli", IMPORT_EPILOG), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="DOC", help=translate("cli", "the .jmap document"))
    p.add_argument("data", metavar="FILE", help=translate("cli", "the event log (.csv, .txt, .tsv or .xlsx)"))
    add_map_option(p)
    for name, what in COLUMN_OPTIONS:
        p.add_argument(f"--{name}-col", dest=f"{name}_col", metavar="C", help=translate("cli", what))
    p.add_argument("--new-cards", action="store_true",
                   help=translate("cli", "add touchpoints the map does not have as new cards"))
    p.add_argument("--again", action="store_true",
                   help=translate("cli", "import the file even if it was imported before"))
    p.add_argument("--rejected", metavar="CSV",
                   help=translate("cli", "save the rejected rows to CSV, with a reason column"))
    p.add_argument("--sheet", metavar="NAME", help=translate("cli", "XLSX sheet (default: the first)"))
    p.add_argument("--quiet", "-q", action="store_true", help=translate("cli", "print only the summary line"))
    p.set_defaults(handler=cmd_import_events)

    f = sub.add_parser(
        "flows", help=translate("cli", "the journey customers really took, from the imported event logs"),
        description=translate(
            "cli", "Transitions between touchpoints (customers, median hours), reach and drop-off of each "
            "touchpoint, outcomes and the most common paths, from the map's event logs."
        ),
    )
    f.add_argument("file", metavar="DOC", help=translate("cli", "the .jmap document"))
    add_map_option(f)
    f.add_argument("--format", choices=["table", "json", "csv"], default="table",
                   help=translate("cli", "output format (default: table)"))
    f.add_argument("--part", choices=PARTS,
                   help=translate("cli", "only this part (CSV: one part, transitions by default)"))
    f.set_defaults(handler=cmd_flows)


def cmd_import_events(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError
    from journeymap.services.event_import import AlreadyImported, ImportFileError, import_events
    from journeymap.services.import_rejects import write_rejected

    columns = {name: getattr(args, f"{name}_col") for name, _ in COLUMN_OPTIONS if getattr(args, f"{name}_col")}
    doc, map_id = open_map(args.file, args.map_id, read_only=False)
    with doc:
        try:
            result = import_events(doc, map_id, args.data, columns=columns, sheet=args.sheet,
                                   new_cards=args.new_cards, again=args.again)
        except AlreadyImported as exc:
            raise CliError(error_text(exc) + " " + translate("cli", "Use --again to import it anyway.")) from exc
        except ImportFileError as exc:
            raise CliError(exc) from exc
    print(fill(translate("cli", "imported %1 events of %2 customers, rejected %3"),
               result.imported, result.customers, result.rejected))
    if not args.quiet:
        if result.new_touchpoints:
            print(fill(translate("cli", "new cards for touchpoints the map did not have: %1"),
                       len(result.new_touchpoints)))
        names = list(result.unknown_names.items())
        if names:
            shown = ", ".join(fill(translate("cli", "%1 (rows: %2)"), name, n) for name, n in names[:SHOWN_NAMES])
            print(fill(translate("cli", "touchpoints not on the map: %1"), shown))
            print(translate("cli", "Use --new-cards to add them as cards."))
        for row in result.rejected_rows[:SHOWN_REJECTED]:
            print(fill(translate("cli", "row %1: %2"), row.row_number, reason_text(row)))
        if result.rejected > SHOWN_REJECTED:
            print(fill(translate("cli", "... more rejected rows: %1"), result.rejected - SHOWN_REJECTED))
    if args.rejected and result.rejected_rows:
        n = write_rejected(result, args.rejected)
        print(fill(translate("cli", "rejected rows saved to %1 (rows: %2)"), args.rejected, n))
    if not result.imported:
        print(translate("cli", "journeymap: nothing imported; the document is unchanged"), file=sys.stderr)
        return 1
    return 0


def flow_rows(doc, map_id: int) -> dict[str, list[dict[str, object]]]:  # noqa: ANN001 - a Document
    """The flows of the map as rows per part (the JSON the issue names, plus paths and outcomes)."""
    from journeymap.storage.events_sql import map_flows

    cards = {tp.id: tp.title for tp in doc.touchpoints(map_id)}
    flows = map_flows(doc, map_id).restricted(cards)
    transitions = [
        {"from_id": t.from_id, "from": cards[t.from_id], "to_id": t.to_id, "to": cards[t.to_id],
         "customers": t.customers, "median_hours": t.median_hours}
        for t in flows.transitions
    ]
    touchpoints = [
        {"id": t.id, "title": cards[t.id], "reach": t.reach, "drop_off": t.drop_off}
        for t in sorted(flows.touchpoints.values(), key=lambda t: (-t.reach, t.id))
    ]
    paths = [
        {"path": " → ".join(cards[s] for s in p.steps), "steps": list(p.steps), "customers": p.customers}
        for p in flows.paths
    ]
    outcomes = [
        {"id": t["id"], "title": t["title"], "outcome": outcome,
         "customers": flows.touchpoints[t["id"]].outcomes.get(outcome, 0),
         "share": round(flows.outcome_share(t["id"], outcome) or 0.0, 4)}
        for outcome in flows.outcomes for t in touchpoints
    ]
    return {"transitions": transitions, "touchpoints": touchpoints, "paths": paths, "outcomes": outcomes,
            "customers": flows.customers, "events": flows.events}  # type: ignore[dict-item]


JSON_KEYS = {
    "transitions": ("from_id", "to_id", "customers", "median_hours"),
    "touchpoints": ("id", "title", "reach", "drop_off"),
    "paths": ("steps", "customers"),
    "outcomes": ("id", "outcome", "customers", "share"),
}
TABLE_COLUMNS = {
    "transitions": ("from", "to", "customers", "median_hours"),
    "touchpoints": ("id", "title", "reach", "drop_off"),
    "paths": ("path", "customers"),
    "outcomes": ("title", "outcome", "customers", "share"),
}
CSV_COLUMNS = {
    "transitions": ("from_id", "from", "to_id", "to", "customers", "median_hours"),
    "touchpoints": ("id", "title", "reach", "drop_off"),
    "paths": ("path", "customers"),
    "outcomes": ("id", "title", "outcome", "customers", "share"),
}


def cmd_flows(args: argparse.Namespace) -> int:
    doc, map_id = open_map(args.file, args.map_id)
    with doc:
        rows = flow_rows(doc, map_id)
    parts = [args.part] if args.part else list(PARTS)
    if args.format == "json":
        out: dict[str, object] = {}
        for part in parts:
            out[part] = [{k: r[k] for k in JSON_KEYS[part]} for r in rows[part]]  # type: ignore[union-attr]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.format == "csv":
        part = args.part or "transitions"
        print_rows(rows[part], CSV_COLUMNS[part], "csv")  # type: ignore[arg-type]
        return 0
    if not rows["events"]:
        print(translate("cli", "No event log imported into this map: use journeymap import-events."))
        return 0
    print(fill(translate("cli", "%1 events of %2 customers"), rows["events"], rows["customers"]))
    titles = {
        "transitions": translate("cli", "Transitions (customers who went from one touchpoint to the next)"),
        "touchpoints": translate("cli", "Touchpoints (reach and drop-off)"),
        "paths": translate("cli", "Most common paths"),
        "outcomes": translate("cli", "Outcomes reached after each touchpoint"),
    }
    for part in parts:
        if not rows[part]:
            continue
        print()
        print(titles[part])
        print_rows(rows[part], TABLE_COLUMNS[part], "table")  # type: ignore[arg-type]
    return 0
