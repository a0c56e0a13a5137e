-- The schema of a format-1 document (JourneyMap before personas and connections), frozen.
CREATE TABLE maps (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            persona_name TEXT NOT NULL DEFAULT '',
            persona_description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
CREATE TABLE stages (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            colour TEXT NOT NULL DEFAULT '#4C72B0'
        );
CREATE TABLE lanes (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'touchpoints',
            position INTEGER NOT NULL DEFAULT 0,
            colour TEXT NOT NULL DEFAULT ''
        );
CREATE TABLE touchpoints (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
            lane_id INTEGER NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            channel TEXT NOT NULL DEFAULT '',
            sensation TEXT NOT NULL DEFAULT 'neutral'
                CHECK (sensation IN ('positive', 'neutral', 'negative')),
            moment_of_truth INTEGER NOT NULL DEFAULT 0,
            owner TEXT NOT NULL DEFAULT '',
            impact INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
            tags TEXT NOT NULL DEFAULT '[]',
            manual_nps REAL CHECK (manual_nps IS NULL OR manual_nps BETWEEN -100 AND 100),
            manual_sentiment REAL
                CHECK (manual_sentiment IS NULL OR manual_sentiment BETWEEN -1 AND 1),
            manual_promoters INTEGER CHECK (manual_promoters IS NULL OR manual_promoters >= 0),
            manual_passives INTEGER CHECK (manual_passives IS NULL OR manual_passives >= 0),
            manual_detractors INTEGER CHECK (manual_detractors IS NULL OR manual_detractors >= 0)
        );
CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT ''
        );
CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0
        );
CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            sentiment REAL CHECK (sentiment IS NULL OR sentiment BETWEEN -1 AND 1),
            comment TEXT NOT NULL DEFAULT '',
            date TEXT,
            segment TEXT NOT NULL DEFAULT '',
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE CASCADE
        );
CREATE INDEX idx_stages_map ON stages(map_id, position);
CREATE INDEX idx_lanes_map ON lanes(map_id, position);
CREATE INDEX idx_touchpoints_cell ON touchpoints(map_id, stage_id, lane_id, position);
CREATE INDEX idx_touchpoints_stage ON touchpoints(stage_id);
CREATE INDEX idx_touchpoints_lane ON touchpoints(lane_id);
CREATE INDEX idx_notes_touchpoint ON notes(touchpoint_id);
CREATE INDEX idx_batches_map ON import_batches(map_id);
CREATE INDEX idx_responses_touchpoint ON responses(touchpoint_id, score, sentiment, segment);
CREATE INDEX idx_responses_batch ON responses(batch_id);
PRAGMA application_id = 1246585200;
PRAGMA user_version = 1;
