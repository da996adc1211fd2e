-- Issue 14 item 7 and issue 16 item 4: how sure a table's reading is, and the language of a document.
-- raw_tables.confidence: the reading's confidence (0..1; NULL for a table that is no workplan): the share
-- of checked columns whose cells agree with their role times how regular the body rows are.
-- raw_tables.extraction_confidence: the extractor's own confidence in the table's grid (Table.confidence).
-- documents.language: en | fr | es | pt, told from the document's function words; NULL when too few.
ALTER TABLE raw_tables ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE raw_tables ADD COLUMN IF NOT EXISTS extraction_confidence DOUBLE;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS language VARCHAR;
