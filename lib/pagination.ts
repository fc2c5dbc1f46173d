// Keyset pagination: a cursor is the sort key of the last row shown, so page 500 costs the same
// as page 1 on millions of rows. Every cursor comes back from the client, so every one is parsed
// here, by a strict schema, before any of it reaches a query: a cursor this module did not make
// is an "invalid page" (ValidationError `invalidCursor`), never a database error. A database
// error would print the query with its values outside the log's redaction.
import { z } from "zod";
import { RiskLevel } from "@/prisma/generated/client/enums";
import { ValidationError } from "@/lib/errors";

export const INVALID_CURSOR = "invalidCursor";

/** The cursor as it arrives in the URL; it is decoded (or refused) by the list function. */
export const CursorParamSchema = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().optional());

/** Every row paged by date lies within these years (ingestion takes nothing detected before 2000). */
const EARLIEST = new Date("2000-01-01T00:00:00.000Z");
const LATEST = new Date("2100-01-01T00:00:00.000Z");
/** Longer than any cursor made here (the queue's is about 120 characters). */
const MAX_LENGTH = 256;
/** PostgreSQL's bigint. */
const INT8_MAX = 2n ** 63n - 1n;

const instant = z.iso
  .datetime()
  .transform((s) => new Date(s))
  .pipe(z.date().min(EARLIEST).max(LATEST));
const rowId = z.uuid();

function invalidCursor(): ValidationError {
  return new ValidationError(INVALID_CURSOR, "cursor");
}

export function isInvalidCursor(error: unknown): boolean {
  return error instanceof ValidationError && error.code === INVALID_CURSOR;
}

/** A list, or null when the cursor it was given was refused (the screen says so and keeps its filters). */
export async function orNullIfInvalidCursor<T>(list: Promise<T>): Promise<T | null> {
  try {
    return await list;
  } catch (error) {
    if (isInvalidCursor(error)) return null;
    throw error;
  }
}

function pack(fields: Record<string, string>): string {
  return Buffer.from(JSON.stringify(fields)).toString("base64url");
}

/** The first page (null) for no cursor; the parsed cursor; or the typed error. */
function unpack<T>(raw: string | undefined, schema: z.ZodType<T>): T | null {
  if (raw === undefined || raw === "") return null;
  if (raw.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalidCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

// ─── The alert list: newest first, by (detectedAt, id) ───────────────────────────────────────

export interface AlertListCursor {
  at: Date;
  id: string;
}

const AlertListCursorSchema = z.strictObject({ d: instant, i: rowId }).transform((v): AlertListCursor => ({ at: v.d, id: v.i }));

export function encodeAlertListCursor(c: AlertListCursor): string {
  return pack({ d: c.at.toISOString(), i: c.id });
}

export function decodeAlertListCursor(raw: string | undefined): AlertListCursor | null {
  return unpack(raw, AlertListCursorSchema);
}

// ─── The triage queue: by (risk, first-contact deadline, id) ─────────────────────────────────

export interface QueueCursor {
  risk: RiskLevel;
  deadline: Date;
  id: string;
}

const QueueCursorSchema = z
  .strictObject({ r: z.enum(RiskLevel), d: instant, i: rowId })
  .transform((v): QueueCursor => ({ risk: v.r, deadline: v.d, id: v.i }));

export function encodeQueueCursor(c: QueueCursor): string {
  return pack({ r: c.risk, d: c.deadline.toISOString(), i: c.id });
}

export function decodeQueueCursor(raw: string | undefined): QueueCursor | null {
  return unpack(raw, QueueCursorSchema);
}

// ─── The audit trail: newest first, by its bigint id, in decimal ─────────────────────────────

const AuditCursorSchema = z
  .string()
  .regex(/^[1-9]\d{0,18}$/)
  .transform((digits) => BigInt(digits))
  .refine((id) => id <= INT8_MAX);

export function encodeAuditCursor(id: bigint): string {
  return id.toString();
}

export function decodeAuditCursor(raw: string | undefined): bigint | null {
  if (raw === undefined || raw === "") return null;
  const parsed = AuditCursorSchema.safeParse(raw);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}
