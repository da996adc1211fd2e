-- Issue 19: corrections as data, and the same plan counted once.
-- documents.mapping_hash: the SHA-256 of what an analyst's mapping (pipeline/mapping.py) set for the document,
-- NULL when no mapping applied; a changed mapping re-reads the documents whose hash changed.
-- documents.primary_by_mapping: the mapping's `primary = true | false` for the document, NULL when it says none.
-- documents.plan_group: the documents holding the same plan (their activity rows mostly the same: a DOCX and its
-- PDF, a draft and its final) share it, the document_id of the group's first member; NULL for a plan of one.
-- documents.is_primary: the copy the views count (pipeline/plans.py says how it is chosen); TRUE when alone.
-- raw_tables.mapping: what the mapping set for the table ("kind=workplan; columns"), NULL when nothing.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS mapping_hash VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS primary_by_mapping BOOLEAN;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS plan_group VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS is_primary BOOLEAN DEFAULT TRUE;
ALTER TABLE raw_tables ADD COLUMN IF NOT EXISTS mapping VARCHAR;
