"""``journeymap import-events`` and ``journeymap flows``: output, formats, exit codes, both languages."""

from __future__ import annotations

import csv
import io
import json

from events_fixtures import abc_log, cli, make_map, write_csv

from journeymap.cli import main


def _doc(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    path = doc.path
    doc.close()
    return path, map_id, ids


def test_import_events_and_flows_json(tmp_path, capsys):
    path, map_id, ids = _doc(tmp_path)
    log = abc_log(tmp_path / "log.csv")
    assert main(["import-events", str(path), str(log), "--map", str(map_id)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "imported 420 events of 170 customers, rejected 0"
    assert main(["import-events", str(path), str(log)]) == 1
    assert "already imported" in capsys.readouterr().err

    assert main(["flows", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["transitions"][:2] == [
        {"from_id": ids["Web"], "to_id": ids["Tienda"], "customers": 150, "median_hours": 2.0},
        {"from_id": ids["Tienda"], "to_id": ids["Caja"], "customers": 100, "median_hours": 3.0},
    ]
    assert data["touchpoints"] == [
        {"id": ids["Web"], "title": "Web", "reach": 170, "drop_off": 20},
        {"id": ids["Tienda"], "title": "Tienda", "reach": 150, "drop_off": 50},
        {"id": ids["Caja"], "title": "Caja", "reach": 100, "drop_off": 100},
    ]
    assert data["paths"][0] == {"steps": [ids["Web"], ids["Tienda"], ids["Caja"]], "customers": 100}

    assert main(["flows", str(path), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["from_id", "from", "to_id", "to", "customers", "median_hours"]
    assert rows[1] == [str(ids["Web"]), "Web", str(ids["Tienda"]), "Tienda", "150", "2.0"]

    assert main(["flows", str(path)]) == 0
    table = capsys.readouterr().out
    assert "420 events of 170 customers" in table and "Web → Tienda → Caja" in table


def test_unknown_names_listed_then_new_cards(tmp_path, capsys):
    path, _map_id, _ids = _doc(tmp_path)
    log = write_csv(tmp_path / "log.csv", ["customer", "time", "touchpoint"],
                    [["a", "2024-03-05 10:00", "Web"], ["a", "2024-03-05 11:00", "Chat"]])
    rejected = tmp_path / "rechazadas.csv"
    assert main(["import-events", str(path), str(log), "--rejected", str(rejected)]) == 0
    out = capsys.readouterr().out
    assert "touchpoints not on the map: Chat (rows: 1)" in out and "row 3: no touchpoint 'Chat'" in out
    assert rejected.read_text(encoding="utf-8-sig").splitlines()[1].startswith("3,")
    assert main(["import-events", str(path), str(log), "--new-cards", "--again", "-q"]) == 0
    assert "imported 2 events of 1 customers, rejected 0" in capsys.readouterr().out


def test_spanish_cli(tmp_path):
    path, _map_id, _ids = _doc(tmp_path)
    log = abc_log(tmp_path / "registro.csv")
    done = cli("import-events", str(path), str(log), cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "importados 420 eventos de 170 clientes, rechazados 0"
    shown = cli("flows", str(path), cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert "Transiciones" in shown.stdout and "mediana_horas" in shown.stdout and "2,0" in shown.stdout
    missing = cli("import-events", str(path), str(tmp_path / "nada.csv"), cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert missing.returncode == 1 and "error" in missing.stderr
    bad = write_csv(tmp_path / "malo.csv", ["cliente", "punto de contacto"], [["a", "Web"]])
    refused = cli("import-events", str(path), str(bad), cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert "no se encontró ninguna columna de fecha y hora" in refused.stderr
