"""The sample document's demo survey: deterministic, plausible and removable."""

import sqlite3
from contextlib import closing

from journeymap.services.reporting import report_rows
from journeymap.services.sample import COMMENTS, SOURCE, add_demo_responses
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document


def test_demo_responses_fill_the_touchpoints_and_can_be_removed(tmp_path):
    with Document.create(tmp_path / "s.jmap") as doc:
        map_id = create_map_from_template(doc, "retail-store")
        n = add_demo_responses(doc, map_id)
        rows = report_rows(doc, map_id)
        with_data = [r for r in rows if r["responses"]]
        assert sum(r["responses"] for r in rows) == n
        assert len(with_data) >= 20
        assert all(r["nps"] is not None and -100 <= r["nps"] <= 100 for r in with_data)
        # Negative touchpoints score worse than positive ones on average.
        by_sensation = {tp.id: tp.sensation for tp in doc.touchpoints(map_id)}
        neg = [r["nps"] for r in with_data if by_sensation[r["id"]] == "negative"]
        pos = [r["nps"] for r in with_data if by_sensation[r["id"]] == "positive"]
        assert sum(neg) / len(neg) < sum(pos) / len(pos)
        [batch] = doc.batches(map_id)
        assert (batch.source, batch.rows) == (SOURCE, n)
        doc.delete_batch(batch.id)
        assert all(r["responses"] == 0 for r in report_rows(doc, map_id))


def test_demo_responses_are_deterministic(tmp_path):
    counts = []
    for name in ("a", "b"):
        with Document.create(tmp_path / f"{name}.jmap") as doc:
            map_id = create_map_from_template(doc, "retail-store")
            add_demo_responses(doc, map_id, seed=3)
            counts.append([(r["title"], r["promoters"], r["detractors"]) for r in report_rows(doc, map_id)])
    assert counts[0] == counts[1]


def test_the_spanish_sample_speaks_spanish(tmp_path):
    """Store names, comments and the batch's name of the demo survey are Spanish in a Spanish sample."""
    with Document.create(tmp_path / "es.jmap") as doc:
        map_id = create_map_from_template(doc, "retail-store", lang="es")
        add_demo_responses(doc, map_id, lang="es")
        with closing(sqlite3.connect(tmp_path / "es.jmap")) as db:
            segments = {r[0] for r in db.execute("SELECT DISTINCT segment FROM responses")}
            comments = {r[0] for r in db.execute("SELECT comment FROM responses WHERE comment <> ''")}
        assert segments == {"Tienda insignia", "Tienda del centro comercial", "Outlet"}
        assert "La cola de la caja era eterna." in comments
        assert not comments & {c for group in COMMENTS["en"].values() for c in group}
        assert doc.batches(map_id)[0].source == "Encuesta de ejemplo (datos de demostración)"
        tp = next(t for t in doc.touchpoints(map_id) if t.owner)
        assert tp.owner != "Visual merchandiser" and all(tag != "in-store" for tag in tp.tags)
