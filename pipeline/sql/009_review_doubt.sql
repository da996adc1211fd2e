-- Issue 15: a mention routed to review says why (normalizers/actor_shapes.py: the shape of the reading that made
-- it doubtful, e.g. 'piece_beside_actor', 'joins_registry_name'); NULL for other mentions.
ALTER TABLE activity_actors ADD COLUMN IF NOT EXISTS doubt VARCHAR;

-- As in 007_mapping_plan_groups.sql, with the mention's doubt.
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
    aa.doubt,
    JSON_EXTRACT_STRING(aa.suggestions, '$[0][0]') AS best_suggestion_id,
    s.name AS best_suggestion,
    aa.actor_id AS provisional_id,
    COALESCE(d.is_primary, TRUE) AS is_primary
FROM activity_actors AS aa
JOIN activities AS a USING (activity_id)
JOIN documents AS d USING (document_id)
LEFT JOIN actors AS s ON s.actor_id = JSON_EXTRACT_STRING(aa.suggestions, '$[0][0]')
WHERE aa.method IN ('review', 'unresolved', 'provisional');
