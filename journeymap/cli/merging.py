"""``merge``: bring into MASTER what the other copies added or changed (issue 18)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from journeymap.cli.common import BUSY_TIMEOUT_SECONDS, print_table
from journeymap.i18n import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from journeymap.services.merge_plan import MergePlan

class MergeTexts:
    """The plural phrases of the merge report: ``self.tr(text, "", n)`` so that lupdate files their plural forms
    (under this class's name, the context they are translated in)."""

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        return translate("MergeTexts", text, disambiguation or None, n)

    def kind(self, kind: str, n: int) -> str:
        """``3 touchpoints`` in the CLI language."""
        texts = {
            "touchpoint": lambda: self.tr("%n touchpoint(s)", "", n),
            "stage": lambda: self.tr("%n stage(s)", "", n),
            "lane": lambda: self.tr("%n lane(s)", "", n),
            "note": lambda: self.tr("%n note(s)", "", n),
            "attachment": lambda: self.tr("%n photo(s)", "", n),
            "persona": lambda: self.tr("%n persona(s)", "", n),
            "map_persona": lambda: self.tr("%n persona assignment(s)", "", n),
            "connection": lambda: self.tr("%n connection(s)", "", n),
            "batch": lambda: self.tr("%n import batch(es)", "", n),
            "event_log": lambda: self.tr("%n event log(s)", "", n),
            "map": lambda: self.tr("%n map(s)", "", n),
            "quote": lambda: self.tr("%n pinned quote(s)", "", n),
        }
        return texts[kind]() if kind in texts else f"{n} {kind}"

    def conflicts(self, n: int) -> str:
        return self.tr("%n conflict(s)", "", n)

    def deletions(self, n: int) -> str:
        return self.tr("%n deletion(s) proposed", "", n)

    def responses(self, n: int) -> str:
        return self.tr("%n response(s)", "", n)

    def events(self, n: int) -> str:
        return self.tr("%n event(s)", "", n)

    def left_out(self, n: int) -> str:
        return self.tr("%n left out (added to a card, stage or lane MASTER no longer has)", "", n)


TEXTS = MergeTexts()
# The table output's headings and kinds (the JSON keeps the English ids).
HEADINGS = (
    QT_TRANSLATE_NOOP("column", "object"), QT_TRANSLATE_NOOP("column", "field"),
    QT_TRANSLATE_NOOP("column", "mine"), QT_TRANSLATE_NOOP("column", "theirs"),
    QT_TRANSLATE_NOOP("column", "source"),
)
KIND_NAMES = (
    QT_TRANSLATE_NOOP("value", "lane"), QT_TRANSLATE_NOOP("value", "note"), QT_TRANSLATE_NOOP("value", "attachment"),
    QT_TRANSLATE_NOOP("value", "persona"), QT_TRANSLATE_NOOP("value", "map_persona"),
    QT_TRANSLATE_NOOP("value", "connection"), QT_TRANSLATE_NOOP("value", "batch"), QT_TRANSLATE_NOOP("value", "map"),
    QT_TRANSLATE_NOOP("value", "quote"),
)


# The conflicting fields as the table names them (the JSON keeps the column names).
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("field", "title"), QT_TRANSLATE_NOOP("field", "description"),
    QT_TRANSLATE_NOOP("field", "channel"), QT_TRANSLATE_NOOP("field", "sensation"),
    QT_TRANSLATE_NOOP("field", "owner"), QT_TRANSLATE_NOOP("field", "impact"), QT_TRANSLATE_NOOP("field", "tags"),
    QT_TRANSLATE_NOOP("field", "manual_nps"), QT_TRANSLATE_NOOP("field", "manual_sentiment"),
    QT_TRANSLATE_NOOP("field", "manual_promoters"), QT_TRANSLATE_NOOP("field", "manual_passives"),
    QT_TRANSLATE_NOOP("field", "manual_detractors"), QT_TRANSLATE_NOOP("field", "moment_of_truth"),
    QT_TRANSLATE_NOOP("field", "expectation"), QT_TRANSLATE_NOOP("field", "evidence"),
    QT_TRANSLATE_NOOP("field", "waiting_minutes"), QT_TRANSLATE_NOOP("field", "controllable"),
    QT_TRANSLATE_NOOP("field", "position"), QT_TRANSLATE_NOOP("field", "stage"), QT_TRANSLATE_NOOP("field", "lane"),
    QT_TRANSLATE_NOOP("field", "name"), QT_TRANSLATE_NOOP("field", "text"), QT_TRANSLATE_NOOP("field", "author"),
    QT_TRANSLATE_NOOP("field", "label"), QT_TRANSLATE_NOOP("field", "colour"), QT_TRANSLATE_NOOP("field", "kind"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "merge", help=translate("cli", "merge the changes of other copies of a map into it"),
        description=translate(
            "cli", "Bring into MASTER what each OTHER copy added or changed since they were copied: touchpoints, "
            "notes, photos, sensations, scores, stages, lanes, personas, connections and survey imports with "
            "their responses. Where both changed the same field, MASTER's value is kept and the conflict is "
            "listed (--theirs takes the other copy's). Deletions made in a copy are only listed. One "
            "transaction: if anything fails, MASTER is unchanged.",
        ),
    )
    p.add_argument("master", metavar="MASTER", help=translate("cli", "the .jmap document to merge into"))
    p.add_argument("others", nargs="+", metavar="OTHER", help=translate("cli", "the copies to merge from"))
    p.add_argument("--dry-run", action="store_true",
                   help=translate("cli", "show what would be merged; write nothing"))
    p.add_argument("--theirs", action="store_true",
                   help=translate("cli", "in a conflict, take the other copy's value"))
    p.add_argument("--format", default="table", choices=["table", "json"],
                   help=translate("cli", "output format (default: %(default)s)"))
    p.set_defaults(handler=cmd_merge)


def value_text(field: str, value: str) -> str:
    """A conflicting value in the CLI language: sensations by name ("positiva"), flags as yes/no
    (the JSON keeps the stored values)."""
    if field == "sensation" and value in ("positive", "neutral", "negative"):
        return translate("MapScene", value)  # the words of i18n.SENSATION_WORDS
    if field in ("moment_of_truth", "controllable") and value in ("0", "1", "True", "False"):
        return translate("value", "yes" if value in ("1", "True") else "no")
    return value


def counts_text(counts: dict[str, int]) -> str:
    """``3 touchpoints, 2 notes`` in the CLI language."""
    return ", ".join(TEXTS.kind(k, n) for k, n in counts.items() if n)


def cmd_merge(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError
    from journeymap.services.merging import MergeRefused, apply_merge, plan_merge
    from journeymap.storage import Document

    others = [Path(o) for o in args.others]
    with Document.open(args.master, read_only=args.dry_run) as doc:
        if not doc.read_only:
            doc.set_busy_timeout(BUSY_TIMEOUT_SECONDS)
        try:
            if args.dry_run:
                plan, responses, events = plan_merge(doc, others), None, None
            else:
                result = apply_merge(doc, others, prefer_theirs=args.theirs)
                plan, responses, events = result.plan, result.touched.responses, result.touched.events
        except MergeRefused as exc:
            raise CliError(exc) from None
        master = doc.path.name
    if args.format == "json":
        out = {
            "master": master, "dry_run": args.dry_run, "theirs": args.theirs, "sources": plan.sources,
            "added": plan.added, "changed": plan.changed, "conflicts": [asdict(c) for c in plan.conflicts],
            "deletions": [asdict(d) for d in plan.deletions], "batches": [asdict(b) for b in plan.batches],
            "authors": plan.authors, "per_source": [asdict(s) for s in plan.per_source],
            "responses_copied": responses, "events_copied": events,
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    _print_report(master, plan, args, responses, events)
    return 0


def _print_report(master: str, plan: MergePlan, args: argparse.Namespace, responses: int | None,
                  events: int | None = None) -> None:
    batches = list(plan.batches)
    for s in plan.per_source:
        parts = []
        if any(s.added.values()):
            parts.append(fill(translate("cli", "added %1"), counts_text(s.added)))
        if any(s.changed.values()):
            parts.append(fill(translate("cli", "changed %1"), counts_text(s.changed)))
        if s.conflicts:
            parts.append(TEXTS.conflicts(s.conflicts))
        if s.deletions:
            parts.append(TEXTS.deletions(s.deletions))
        if s.left_out:
            parts.append(TEXTS.left_out(s.left_out))
        line = "; ".join(parts) or translate("cli", "nothing new")
        print(fill(translate("cli", "%1: %2"), s.source, line))
        if s.authors:
            print("  " + fill(translate("cli", "notes by %1"), ", ".join(s.authors)))
        # Its imports under the copy they come from, not after the last copy (two copies may share a name).
        mine = [b for b in batches if b.source == s.source][:s.added.get("batch", 0) + s.added.get("event_log", 0)]
        for b in mine:
            batches.remove(b)
            if b.is_event_log:
                print("  " + fill(translate("cli", "event log %1 from %2: %3"), b.name, b.source,
                                  TEXTS.events(b.events)))
            else:
                print("  " + fill(translate("cli", "import %1 from %2: %3"), b.name, b.source,
                                  TEXTS.responses(b.responses)))
    if plan.conflicts:
        print()
        print(translate("cli", "Conflicts (the other copy's value was taken):") if args.theirs and not args.dry_run
              else translate("cli", "Conflicts (MASTER's value kept; --theirs takes the other copy's):"))
        rows = [{"kind": c.kind, "object": c.label, "field": translate("field", c.field),
                 "mine": value_text(c.field, c.mine), "theirs": value_text(c.field, c.theirs), "source": c.source}
                for c in plan.conflicts]
        print_table(rows, ["kind", "object", "field", "mine", "theirs", "source"])
    if plan.deletions:
        print()
        print(translate("cli", "Deleted in the other copies (not applied; review them in File ▸ Merge Changes "
                               "From… of the editor):"))
        print_table([{"kind": d.kind, "object": d.label, "source": d.source} for d in plan.deletions],
                    ["kind", "object", "source"])
    print()
    # Only deletions proposed again (declined last time): nothing was or would be written.
    if not (any(plan.added.values()) or any(plan.changed.values()) or plan.conflicts or plan.batches):
        print(fill(translate("cli", "Nothing to merge: %1 already has everything in these copies."), master))
    elif args.dry_run:
        print(translate("cli", "Dry run: nothing was written."))
    else:
        copied = [*([TEXTS.responses(responses or 0)] if responses or not events else []),
                  *([TEXTS.events(events)] if events else [])]
        print(fill(translate("cli", "Merged into %1 (%2 copied)."), master, ", ".join(copied)))
