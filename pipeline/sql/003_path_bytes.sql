-- A file name that is not valid UTF-8: `path` holds it with the undecodable bytes escaped (\xNN), and
-- `path_bytes` its raw bytes; NULL when the name is valid UTF-8 text, which `path` then holds as it is.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS path_bytes BLOB;
ALTER TABLE ingest_errors ADD COLUMN IF NOT EXISTS path_bytes BLOB;
