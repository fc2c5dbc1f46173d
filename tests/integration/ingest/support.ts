// Helpers for the ingestion tests: requests through the route's real POST export, alert bodies,
// unique phones and ID numbers, and row counts to prove what a request wrote (or did not).
import { randomBytes } from "node:crypto";
import { POST } from "@/app/api/v1/alerts/route";
import { db } from "@/lib/db";
import { idNumberCheckChar } from "@/lib/pii/id-number";
import type { IngestAlertInput, IngestResponse } from "@/lib/schemas/ingest";

export const DEMO_KEY = "demo-ingest-key-0001";
export const URL = "http://localhost/api/v1/alerts";

export interface Reply<T = unknown> {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: T;
}

export interface PostOptions {
  key?: string | null;
  contentType?: string | null;
  requestId?: string;
  headers?: Record<string, string>;
}

/**
 * POSTs a body to the route: objects are JSON-encoded, strings and bytes sent as they are, and a
 * stream is sent as it comes (no Content-Length, as a chunked upload).
 */
export async function post<T = IngestResponse>(body: unknown, options: PostOptions = {}): Promise<Reply<T>> {
  const headers = new Headers(options.headers);
  const key = options.key === undefined ? DEMO_KEY : options.key;
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType !== null) headers.set("content-type", contentType);
  if (options.requestId) headers.set("x-request-id", options.requestId);
  const payload = typeof body === "string" || body instanceof Uint8Array || body instanceof ReadableStream ? body : JSON.stringify(body);
  // `duplex` is required (by undici) for a stream body and missing from TypeScript's RequestInit.
  const request = new Request(URL, { method: "POST", headers, body: payload as BodyInit, duplex: "half" } as RequestInit);
  if (contentType === null) request.headers.delete("content-type");
  const response = await POST(request);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertions will say what came back
  }
  return { status: response.status, contentType: response.headers.get("content-type"), headers: response.headers, body: parsed as T };
}

let phoneCounter = randomBytes(3).readUIntBE(0, 3) % 1_000_000;
/** A mainland mobile in the 190 segment, which the demo seed never uses. */
export function uniquePhone(): string {
  phoneCounter = (phoneCounter + 1) % 100_000_000;
  return `190${String(phoneCounter).padStart(8, "0")}`;
}

let idCounter = 0;
/** A valid 18-character ID number (GB 11643 check character), unique within the file. */
export function uniqueIdNumber(): string {
  idCounter++;
  const first17 = `659001198${String(idCounter % 10)}0101${String(100 + (idCounter % 900)).padStart(3, "0")}`;
  // Vary the birth year digit and sequence so the first few hundred are unique.
  return first17 + idNumberCheckChar(first17);
}

let externalCounter = 0;
const run = randomBytes(3).toString("hex");
export function uniqueExternalId(prefix = "t"): string {
  return `${prefix}-${run}-${++externalCounter}`;
}

const HOUR = 3600_000;
export function hoursAgo(h: number): string {
  return new Date(Date.now() - h * HOUR).toISOString();
}

/**
 * A valid alert with unique externalId and phone, for the demo city 江州 (the test databases
 * serve two cities, so an alert whose station is not known names its city); override anything.
 */
export function makeAlert(overrides: Partial<IngestAlertInput> = {}): IngestAlertInput {
  return {
    externalId: uniqueExternalId(),
    cityCode: "JZ",
    riskLevel: "MEDIUM",
    fraudType: "FAKE_INVESTMENT",
    detectedAt: hoursAgo(0.1),
    person: { name: "王小明", phone: uniquePhone() },
    ...overrides,
  };
}

export interface Counts {
  alerts: number;
  persons: number;
  audit: number;
  events: number;
}

export async function counts(): Promise<Counts> {
  const [row] = await db.$queryRaw<{ alerts: number; persons: number; audit: number; events: number }[]>`
    SELECT (SELECT count(*) FROM alert)::int AS alerts, (SELECT count(*) FROM person)::int AS persons,
           (SELECT count(*) FROM audit_event)::int AS audit, (SELECT count(*) FROM alert_event)::int AS events`;
  return row!;
}

export function delta(before: Counts, after: Counts): Counts {
  return {
    alerts: after.alerts - before.alerts,
    persons: after.persons - before.persons,
    audit: after.audit - before.audit,
    events: after.events - before.events,
  };
}

/** The alerts stored under these externalIds (any source), in a stable order. */
export async function alertRowsUnder(externalIds: readonly string[]): Promise<{ id: string; externalId: string }[]> {
  if (externalIds.length === 0) return [];
  return db.alert.findMany({
    where: { externalId: { in: [...externalIds] } },
    select: { id: true, externalId: true },
    orderBy: { id: "asc" },
  });
}
