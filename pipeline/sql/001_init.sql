-- The contract's tables (../shared/CONTRACT.md), with a few extra columns.
CREATE TABLE IF NOT EXISTS documents (
    document_id VARCHAR PRIMARY KEY,
    path VARCHAR,
    sha256 VARCHAR UNIQUE,
    format VARCHAR,
    pages INTEGER,
    title VARCHAR,
    year INTEGER,
    ingested_at TIMESTAMP,
    years VARCHAR,          -- every year the document names for its plan, comma-separated
    sector VARCHAR,
    plan VARCHAR
);

CREATE TABLE IF NOT EXISTS raw_tables (
    document_id VARCHAR,
    table_index INTEGER,
    page INTEGER,
    n_rows INTEGER,
    n_cols INTEGER,
    kind VARCHAR,           -- workplan | action_points | other
    locator VARCHAR,
    notes VARCHAR
);

CREATE TABLE IF NOT EXISTS raw_cells (
    document_id VARCHAR,
    table_index INTEGER,
    "row" INTEGER,
    col INTEGER,
    text VARCHAR,
    row_span INTEGER,
    col_span INTEGER,
    shaded BOOLEAN,
    page INTEGER
);

CREATE TABLE IF NOT EXISTS activities (
    activity_id VARCHAR PRIMARY KEY,
    document_id VARCHAR,
    table_index INTEGER,
    row_index INTEGER,
    page INTEGER,
    priority VARCHAR,
    objective VARCHAR,
    output VARCHAR,
    indicator VARCHAR,
    activity VARCHAR NOT NULL,
    status VARCHAR,
    comments VARCHAR,
    lead_raw VARCHAR,
    partners_raw VARCHAR,
    timeline_raw VARCHAR,
    extra JSON
);

CREATE TABLE IF NOT EXISTS activity_quarters (
    activity_id VARCHAR,
    year INTEGER,
    quarter INTEGER,
    source VARCHAR          -- mark | shading | text | inferred
);

CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY,
    name VARCHAR,
    acronym VARCHAR,
    actor_type VARCHAR,
    parent_id VARCHAR,
    aliases VARCHAR,
    iati_org_type VARCHAR
);

CREATE TABLE IF NOT EXISTS activity_actors (
    activity_id VARCHAR,
    actor_id VARCHAR,
    role VARCHAR,           -- lead | partner
    raw VARCHAR,
    score DOUBLE,
    method VARCHAR,         -- exact | alias | fuzzy | review | reviewed | unresolved
    suggestions JSON        -- [[actor_id, score], ...] for the review queue
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    path VARCHAR,
    sha256 VARCHAR,
    error VARCHAR,
    message VARCHAR,
    failed_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS review_decisions (
    raw VARCHAR PRIMARY KEY,
    actor_id VARCHAR,       -- NULL with not_actor = true for "not an actor"
    not_actor BOOLEAN,
    decided_at TIMESTAMP
);

-- Actors a reviewer created; kept beside the registry's (the actors table is rebuilt from both).
CREATE TABLE IF NOT EXISTS reviewed_actors (
    actor_id VARCHAR PRIMARY KEY,
    name VARCHAR,
    acronym VARCHAR,
    actor_type VARCHAR,
    created_at TIMESTAMP
);
