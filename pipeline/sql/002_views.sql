-- Views for analysts and notebooks: the tables joined the way most questions need them.

-- One row per activity and quarter; an activity the document gives no timing for has one row with
-- quarter NULL. `year` is the quarter's year, else the document's; `period` reads like "2025Q1".
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
    d.path
FROM activities AS a
JOIN documents AS d USING (document_id)
LEFT JOIN activity_quarters AS q USING (activity_id);

-- Per actor and document year: activities led and partnered. A mention not resolved to an actor
-- stands under its raw text, with actor_id and actor_type NULL.
CREATE OR REPLACE VIEW actor_load AS
SELECT
    aa.actor_id,
    COALESCE(r.name, aa.actor_id, aa.raw) AS actor,
    r.actor_type,
    d.year,
    COUNT(DISTINCT aa.activity_id) FILTER (WHERE aa.role = 'lead') AS led,
    COUNT(DISTINCT aa.activity_id) FILTER (WHERE aa.role = 'partner') AS partnered,
    COUNT(DISTINCT aa.activity_id) AS activities
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
GROUP BY aa.actor_id, COALESCE(r.name, aa.actor_id, aa.raw), r.actor_type, d.year;

-- Priorities and activities of every document side by side, with the document's sector and plan
-- and the activity's leads (canonical names where resolved, the raw text otherwise).
CREATE OR REPLACE VIEW cross_sector AS
WITH leads AS (
    SELECT
        aa.activity_id,
        STRING_AGG(DISTINCT COALESCE(r.name, aa.raw), '; ' ORDER BY COALESCE(r.name, aa.raw)) AS leads
    FROM activity_actors AS aa
    LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
    WHERE aa.role = 'lead'
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
    l.leads
FROM activities AS a
JOIN documents AS d USING (document_id)
LEFT JOIN leads AS l USING (activity_id);

-- Actor mentions waiting for a person: below the auto-accept score ('review') or unmatched
-- ('unresolved'), with their document, activity and the registry's suggestions ([[actor_id, score], ...]).
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
    s.name AS best_suggestion
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS s ON s.actor_id = JSON_EXTRACT_STRING(aa.suggestions, '$[0][0]')
WHERE aa.method IN ('review', 'unresolved');

-- Who works with whom: per lead and partner named on the same activity, how many activities they share.
-- Names as in actor_load (canonical where resolved, the raw text otherwise).
CREATE OR REPLACE VIEW actor_pairs AS
WITH mentions AS (
    SELECT aa.activity_id, aa.role, aa.actor_id, COALESCE(r.name, aa.actor_id, aa.raw) AS actor
    FROM activity_actors AS aa
    LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
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
