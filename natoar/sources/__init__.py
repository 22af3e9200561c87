"""The sources and the curated data: the project root, the catalogue and the seed files, site furniture, the
table declarations, the evidence tables with their quote proofs, and the book loaded once for a chapter."""
