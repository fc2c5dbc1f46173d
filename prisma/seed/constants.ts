// Fixed identifiers of the demo city. Tests and docs/demo-accounts.md rely on them.

/**
 * The shared password of every demo account. DEMO DATA ONLY — never deploy these accounts.
 * It is hashed once per process with argon2id and the same hash is stored for every demo user;
 * reusing one hash (and so one salt) is acceptable only because these are throw-away demo accounts.
 */
export const DEMO_PASSWORD = "Demo@2026!";

/** The ingestion API key of the `demo-feed` source (stored as its SHA-256 hash). */
export const DEMO_INGEST_KEY = "demo-ingest-key-0001";

export const CITY_CODE = "JZ";
export const DEFAULT_ALERTS = 20_000;

/** Rows per multi-row INSERT (one unnest() statement). */
export const BATCH_SIZE = 5_000;

/** Alerts detected within this window before `now` are still open (NEW / CLAIMED). */
export const OPEN_WINDOW_MS = 6 * 3600_000;

/** 12 months of history ending at the moment of seeding. */
export const HISTORY_MS = 365 * 24 * 3600_000;

/** The city works on Beijing time (UTC+8, no DST): hours of day and "today" follow it. */
export const BEIJING_OFFSET_MS = 8 * 3600_000;
