-- Issue 19: corrections as data, and the same plan counted once.
-- documents.mapping_hash: the SHA-256 of what an analyst's mapping (pipeline/mapping.py) set for the document,
-- NULL when no mapping applied; a changed mapping re-reads the documents whose hash changed.
-- documents.primary_by_mapping: the mapping's `primary = true | false` for the document, NULL when it says none.
-- documents.plan_group: the documents holding the same plan (their activity rows mostly the same: a DOCX and its
-- PDF, a draft and its final) share it: the smallest document_id of the group; NULL for a plan of one.
-- documents.is_primary: the copy the views count (pipeline/plans.py says how it is chosen); TRUE when alone.
-- raw_tables.mapping: what the mapping set for the table ("kind=workplan; columns"), NULL when nothing.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS mapping_hash VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS primary_by_mapping BOOLEAN;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS plan_group VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS is_primary BOOLEAN DEFAULT TRUE;
ALTER TABLE raw_tables ADD COLUMN IF NOT EXISTS mapping VARCHAR;

-- One row per plan: its primary document, how many documents hold it and their paths (the primary first),
-- and the primary's activities. A document alone is a plan of one copy.
CREATE OR REPLACE VIEW plans AS
WITH members AS (
    SELECT
        COALESCE(plan_group, document_id) AS plan_id,
        COUNT(*) AS copies,
        STRING_AGG(path, '; ' ORDER BY COALESCE(is_primary, TRUE) DESC, path) AS paths
    FROM documents
    GROUP BY 1
),
counts AS (SELECT document_id, COUNT(*) AS activities FROM activities GROUP BY 1)
SELECT
    m.plan_id,
    d.document_id,
    d.title,
    d.year,
    d.sector,
    d.plan,
    d.format,
    d.path,
    m.copies,
    m.paths,
    COALESCE(c.activities, 0) AS activities
FROM documents AS d
JOIN members AS m ON m.plan_id = COALESCE(d.plan_group, d.document_id)
LEFT JOIN counts AS c USING (document_id)
WHERE COALESCE(d.is_primary, TRUE);

-- The views below count each plan once: they read the primary copy of each plan only. `plan_id` names the
-- plan and `copies` lists the paths of every document holding it, so the other copies stay in sight (the
-- tables themselves keep every copy's rows).

-- As in 002_views.sql, for the primary copies, with the plan and its copies.
CREATE OR REPLACE VIEW activity_timeline AS
SELECT
    d.document_id,
    d.title,
    COALESCE(q.year, d.year) AS year,
    q.quarter,
    CASE WHEN q.quarter IS NOT NULL AND COALESCE(q.year, d.year) IS NOT NULL
         THEN CAST(COALESCE(q.year, d.year) AS VARCHAR) || 'Q' || CAST(q.quarter AS VARCHAR) END AS period,
    q.source,
    a.activity_id,
    a.priority,
    a.activity,
    a.lead_raw,
    a.status,
    d.path,
    p.plan_id,
    p.paths AS copies
FROM activities AS a
JOIN plans AS p USING (document_id)
JOIN documents AS d USING (document_id)
LEFT JOIN activity_quarters AS q USING (activity_id);

-- As in 005_open_world_actors.sql, for the primary copies.
CREATE OR REPLACE VIEW actor_load AS
SELECT
    aa.actor_id,
    COALESCE(r.name, aa.actor_id, aa.raw) AS actor,
    r.actor_type,
    d.year,
    COUNT(DISTINCT aa.activity_id) FILTER (WHERE aa.role = 'lead') AS led,
    COUNT(DISTINCT aa.activity_id) FILTER (WHERE aa.role = 'partner') AS partnered,
    COUNT(DISTINCT aa.activity_id) AS activities,
    r.parent_id,
    p.name AS parent,
    COALESCE(r.provisional, FALSE) AS provisional,
    r.country
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
JOIN plans AS pl USING (document_id)
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
LEFT JOIN actors AS p ON p.actor_id = r.parent_id
WHERE aa.method IS DISTINCT FROM 'not_actor'
GROUP BY ALL;

-- As in 005_open_world_actors.sql, for the primary copies, with the plan and its copies.
CREATE OR REPLACE VIEW cross_sector AS
WITH leads AS (
    SELECT
        aa.activity_id,
        STRING_AGG(DISTINCT COALESCE(r.name, aa.raw), '; ' ORDER BY COALESCE(r.name, aa.raw)) AS leads
    FROM activity_actors AS aa
    LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
    WHERE aa.role = 'lead' AND aa.method IS DISTINCT FROM 'not_actor'
    GROUP BY aa.activity_id
)
SELECT
    d.sector,
    d.plan,
    d.document_id,
    d.title,
    d.year,
    a.priority,
    a.objective,
    a.output,
    a.activity_id,
    a.activity,
    a.status,
    a.lead_raw,
    l.leads,
    p.plan_id,
    p.copies AS n_copies,
    p.paths AS copies
FROM activities AS a
JOIN plans AS p USING (document_id)
JOIN documents AS d USING (document_id)
LEFT JOIN leads AS l USING (activity_id);

-- As in 005_open_world_actors.sql, for the primary copies.
CREATE OR REPLACE VIEW actor_pairs AS
WITH mentions AS (
    SELECT aa.activity_id, aa.role, aa.actor_id, COALESCE(r.name, aa.actor_id, aa.raw) AS actor
    FROM activity_actors AS aa
    JOIN activities AS a USING (activity_id)
    JOIN plans AS p USING (document_id)
    LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
    WHERE aa.method IS DISTINCT FROM 'not_actor'
)
SELECT
    l.actor_id AS lead_id,
    l.actor AS lead,
    p.actor_id AS partner_id,
    p.actor AS partner,
    COUNT(DISTINCT l.activity_id) AS activities
FROM mentions AS l
JOIN mentions AS p ON p.activity_id = l.activity_id AND p.role = 'partner' AND p.actor <> l.actor
WHERE l.role = 'lead'
GROUP BY l.actor_id, l.actor, p.actor_id, p.actor;

-- As in 005_open_world_actors.sql (every copy: a decision settles a mention's text in all of them), with
-- whether the mention's document is the copy the other views count.
CREATE OR REPLACE VIEW review_queue AS
SELECT
    d.document_id,
    d.title,
    d.path,
    a.activity_id,
    a.activity,
    aa.role,
    aa.raw,
    aa.method,
    aa.score,
    aa.suggestions,
    JSON_EXTRACT_STRING(aa.suggestions, '$[0][0]') AS best_suggestion_id,
    s.name AS best_suggestion,
    aa.actor_id AS provisional_id,
    COALESCE(d.is_primary, TRUE) AS is_primary
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS s ON s.actor_id = JSON_EXTRACT_STRING(aa.suggestions, '$[0][0]')
WHERE aa.method IN ('review', 'unresolved', 'provisional');
