-- Issue 22: scanned pages read by OCR.
-- raw_cells.ocr_confidence: how sure OCR is of a cell's text (0..1: the mean of Tesseract's word confidences over
-- the cell's words, each counted by its letters); NULL for a cell read from a text layer or a file's own cells.
-- Cells below the OCR settings' `low_confidence` (0.60) are kept as read, and their document has a
-- `low_confidence` row in ingest_errors (extractors/ocr/settings.py says why that value).
ALTER TABLE raw_cells ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
