"""Counting responses for a few touchpoints gives the same numbers as for the whole map."""

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document


def test_subset_counts_match_map_counts(tmp_path):
    with Document.create(tmp_path / "c.jmap") as doc:
        m = doc.add_map(JourneyMap("M"))
        s = doc.add_stage(Stage(m, "S"))
        l = doc.add_lane(Lane(m, "L"))
        a, b, c = (doc.add_touchpoint(Touchpoint(m, s, l, t)) for t in "abc")
        doc.insert_responses(
            [(a, 10, 0.5, "", None, "north", None), (a, 3, None, "", None, "south", None),
             (b, 8, -1.0, "", None, "north", None), (c, 9, None, "", None, "north", None)]
        )
        everything = doc.response_counts(m)
        assert everything[a] == (1, 0, 1, 0.5, 1)
        assert doc.response_counts(m, touchpoint_ids=[a, b]) == {a: everything[a], b: everything[b]}
        assert doc.response_counts(m, touchpoint_ids=[]) == {}
        assert doc.response_counts(m, "south", touchpoint_ids=[a, c]) == {a: (0, 0, 1, 0.0, 0)}


def test_bulk_import_leaves_foreign_keys_on_and_consistent(tmp_path):
    from journeymap.services.importing import import_file

    csv_path = tmp_path / "s.csv"
    csv_path.write_text("touchpoint,score\na,10\nb,3\nnope,5\n", encoding="utf-8")
    with Document.create(tmp_path / "f.jmap") as doc:
        m = doc.add_map(JourneyMap("M"))
        s = doc.add_stage(Stage(m, "S"))
        l = doc.add_lane(Lane(m, "L"))
        for t in "ab":
            doc.add_touchpoint(Touchpoint(m, s, l, t))
        result = import_file(doc, m, csv_path)
        assert (result.imported, result.rejected) == (2, 1)
        assert doc.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert doc.execute("PRAGMA foreign_key_check").fetchall() == []


def test_documents_are_readable_with_sqlite_utils(tmp_path):
    import sqlite_utils

    from journeymap.services.templates import create_map_from_template

    path = tmp_path / "s.jmap"
    with Document.create(path) as doc:
        map_id = create_map_from_template(doc, "hotel")
        titles = {t.title for t in doc.touchpoints(map_id)}
    db = sqlite_utils.Database(path)
    assert {"maps", "stages", "lanes", "touchpoints", "notes", "responses", "import_batches"} <= set(db.table_names())
    assert {row["title"] for row in db["touchpoints"].rows} == titles
    assert db["responses"].foreign_keys[0].other_table in {"touchpoints", "import_batches"}
    db.conn.close()
