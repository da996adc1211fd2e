-- Actors in an open world (issue 15): the country of documents and national actors, provisional actors
-- (organisations a document names that the registry does not know), mentions that name no one
-- (activity_actors.method 'not_actor', actor_id NULL), and the views that count them apart.
ALTER TABLE actors ADD COLUMN IF NOT EXISTS country VARCHAR;            -- ISO 3166 alpha-3; NULL for global bodies
ALTER TABLE actors ADD COLUMN IF NOT EXISTS provisional BOOLEAN DEFAULT FALSE;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS country VARCHAR;         -- ISO 3166 alpha-3 of the country the plan covers
ALTER TABLE documents ADD COLUMN IF NOT EXISTS country_source VARCHAR;  -- title | file_name | preamble | text | places | registry

-- Provisional actors, kept across ingests (the actors table is rebuilt from the registry, the reviewers'
-- actors and these). The id comes from the name's key and the country: the same name is the same actor.
CREATE TABLE IF NOT EXISTS provisional_actors (
    actor_id VARCHAR PRIMARY KEY,
    name VARCHAR,
    acronym VARCHAR,
    actor_type VARCHAR,
    country VARCHAR,
    parent_id VARCHAR,
    first_seen TIMESTAMP
);

-- Per actor and document year: activities led and partnered. A mention not resolved to an actor stands
-- under its raw text, with actor_id and actor_type NULL; a mention naming no one is left out. `parent` is
-- the body a role belongs to (group by it to roll roles up to their bodies); `provisional` marks actors
-- read from documents and not yet in the registry.
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
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS r ON r.actor_id = aa.actor_id
LEFT JOIN actors AS p ON p.actor_id = r.parent_id
WHERE aa.method IS DISTINCT FROM 'not_actor'
GROUP BY ALL;

-- As in 002_views.sql, without the mentions that name no one.
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
    l.leads
FROM activities AS a
JOIN documents AS d USING (document_id)
LEFT JOIN leads AS l USING (activity_id);

-- Actor mentions waiting for a person: below the auto-accept score ('review'), unmatched ('unresolved'),
-- or provisional actors to confirm ('provisional'), with their document, activity and the registry's
-- suggestions ([[actor_id, score], ...]).
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
    aa.actor_id AS provisional_id
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS s ON s.actor_id = JSON_EXTRACT_STRING(aa.suggestions, '$[0][0]')
WHERE aa.method IN ('review', 'unresolved', 'provisional');

-- As in 002_views.sql, without the mentions that name no one.
CREATE OR REPLACE VIEW actor_pairs AS
WITH mentions AS (
    SELECT aa.activity_id, aa.role, aa.actor_id, COALESCE(r.name, aa.actor_id, aa.raw) AS actor
    FROM activity_actors AS aa
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

-- One count of actor mentions, everywhere (summary, review, resolve): per document, how many resolved to a
-- registry actor, how many are provisional actors, how many wait for review or are unresolved (`pending`:
-- review + unresolved, the "unresolved mentions" of the summary), and how many name no one.
CREATE OR REPLACE VIEW actor_mention_counts AS
SELECT
    a.document_id,
    COUNT(*) FILTER (WHERE aa.method IN ('exact', 'alias', 'fuzzy', 'reviewed') AND aa.actor_id IS NOT NULL)
        AS resolved,
    COUNT(*) FILTER (WHERE aa.method = 'provisional') AS provisional,
    COUNT(*) FILTER (WHERE aa.method = 'review') AS review,
    COUNT(*) FILTER (WHERE aa.method = 'unresolved') AS unresolved,
    COUNT(*) FILTER (WHERE aa.method IN ('review', 'unresolved')) AS pending,
    COUNT(*) FILTER (WHERE aa.method = 'not_actor') AS not_actor
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
GROUP BY a.document_id;
