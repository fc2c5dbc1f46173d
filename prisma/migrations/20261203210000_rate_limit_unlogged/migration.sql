-- Rate-limit counters need no durability: after a crash PostgreSQL empties an unlogged table, and
-- every limit starts its window again, which is harmless. Logged, each ingestion request paid for
-- two more WAL flushes (its address's and its key's counter) besides its own commit. Alerts,
-- instructions, requests and audit stay logged and synchronously committed (tests/integration/
-- ingest/crash-replay.test.ts checks the catalog).
ALTER TABLE "rate_limit" SET UNLOGGED;
