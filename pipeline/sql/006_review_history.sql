-- Review that cannot corrupt (issue 15): every decision keeps what it replaced, so the last one can be undone
-- (`workplans review --undo`, or `u` while reviewing). `previous` is the decision it replaced (NULL when none),
-- `mentions` the activity_actors rows of that raw text before the decision, `created_actor` the actor the
-- reviewer created for it (removed again on undo when no other decision names it).
CREATE TABLE IF NOT EXISTS review_history (
    seq INTEGER PRIMARY KEY,
    raw VARCHAR,
    previous JSON,          -- {"actor_id": ..., "not_actor": ..., "decided_at": ...} or NULL
    mentions JSON,          -- [[activity_id, actor_id, role, raw, score, method, suggestions], ...]
    created_actor VARCHAR,
    decided_at TIMESTAMP
);
