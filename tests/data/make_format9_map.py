# ruff: noqa: E501
"""Makes tests/data/format9_map.jmap with the format-9 code of main at 6b8fceb (kept for the record)."""
import hashlib
import io
import sys
from pathlib import Path

from PIL import Image

from journeymap.domain.model import (
    Attachment,
    Connection,
    ImportBatch,
    JourneyMap,
    Lane,
    LaneKind,
    Note,
    Persona,
    Quote,
    Sensation,
    Stage,
    Touchpoint,
)
from journeymap.storage import attachments, quotes
from journeymap.storage.document import Document

out = Path(sys.argv[1])
out.unlink(missing_ok=True)
doc = Document.create(out)
m = doc.add_map(JourneyMap(title="Tienda Centro", description="Visita a la tienda"))
s1 = doc.add_stage(Stage(map_id=m, name="Descubrir", position=0))
s2 = doc.add_stage(Stage(map_id=m, name="Comprar", position=1, colour="#DD8452"))
l1 = doc.add_lane(Lane(map_id=m, name="Cliente", position=0))
l2 = doc.add_lane(Lane(map_id=m, name="Notas", kind=LaneKind.PAIN_POINTS, position=1))
t1 = doc.add_touchpoint(Touchpoint(map_id=m, stage_id=s1, lane_id=l1, title="Anuncio", sensation=Sensation.POSITIVE, tags=["web"], manual_nps=40.0))
t2 = doc.add_touchpoint(Touchpoint(map_id=m, stage_id=s2, lane_id=l1, title="Caja", sensation=Sensation.NEGATIVE, waiting_minutes=7.5, owner="Ana"))
t3 = doc.add_touchpoint(Touchpoint(map_id=m, stage_id=s2, lane_id=l2, title="Recibo", position=0))
n1 = doc.add_note(Note(touchpoint_id=t2, text="Cola larga", author="Luis", created_at="2026-11-30T10:00:00"))
doc.add_note(Note(touchpoint_id=t1, text="Buen cartel", author="Eva", created_at="2026-11-30T11:00:00"))
p = doc.add_persona(Persona(name="Marta", quote="Quiero rapidez", goals=["pagar rápido"]))
doc.set_map_personas(m, [p])
doc.add_connection(Connection(map_id=m, source_id=t1, target_id=t2, label="luego"))
buf = io.BytesIO()
Image.new("RGB", (4, 3), (200, 10, 10)).save(buf, "PNG")
data = buf.getvalue()
sha = hashlib.sha256(data).hexdigest()
attachments.add_blob(doc, sha, data, data)
attachments.add(doc, Attachment(touchpoint_id=t2, file_name="cola.png", mime_type="image/png", sha256=sha, width=4, height=3, bytes=len(data), note_id=n1, created_at="2026-11-30T10:01:00"))
b = doc.add_batch(ImportBatch(map_id=m, source="encuesta.csv", imported_at="2026-11-29T09:00:00", rows=3))
doc.insert_responses([(t1, 9, 0.5, "Me gustó", "2026-11-20", "online", b), (t2, 3, -0.6, "Lento", "2026-11-21", "tienda", b), (t2, 6, None, "", "2026-11-22", "tienda", b)])
r = doc.execute("SELECT id FROM responses WHERE comment = 'Lento'").fetchone()[0]
quotes.add_quote(doc, Quote(touchpoint_id=t2, text="Lento", response_id=r, score=3))
doc.close()
print(out.stat().st_size)
