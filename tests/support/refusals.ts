// What a refusal must leave behind: the error the user sees, exactly one audit row (the denial,
// with its reason), and every other table exactly as it was. The refusal tables of
// tests/integration/jurisdiction and tests/integration/config are built on these.
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { AuditEvent } from "@/prisma/generated/client/client";
import type { Role } from "@/prisma/generated/client/enums";

/**
 * Left out of the fingerprint: the audit trail (checked row by row instead), and what signing in
 * and every request write (sessions, rate-limit counters).
 */
const NOT_FINGERPRINTED = new Set(["audit_event", "session", "rate_limit", "_prisma_migrations"]);

let fingerprintQuery: Promise<string> | undefined;

/**
 * One query over every other table (found from the catalog, so a new table is covered too): its
 * row count and the newest transaction id among its row versions. Every insert and update writes a
 * row version stamped with its (newer) transaction id, and a delete lowers the count or, with an
 * insert beside it, raises the newest id: any change shows, without turning every row into text
 * and hashing it on each call (the refusal tables call this thousands of times).
 */
async function buildFingerprintQuery(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  return tables
    .filter((t) => !NOT_FINGERPRINTED.has(t.name))
    .map((t) => `SELECT '${t.name}' AS t, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS h FROM "${t.name}" x`)
    .join(" UNION ALL ");
}

/** Table → count and newest row version: any change to any row of any business table changes its entry. */
export async function databaseFingerprint(): Promise<Record<string, string | null>> {
  fingerprintQuery ??= buildFingerprintQuery();
  const rows = await db.$queryRawUnsafe<{ t: string; h: string | null }[]>(await fingerprintQuery);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The newest audit row's id, to read what a call adds to the trail. */
export async function lastAuditId(): Promise<bigint> {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

export function auditRowsAfter(id: bigint): Promise<AuditEvent[]> {
  return db.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
}

type ErrorClass = abstract new (...args: never[]) => Error;

export interface ExpectedRefusal {
  error: ErrorClass;
  /** "role", "jurisdiction", or a state machine's refusal ("notYourStep", …) for a step the actor may not take. */
  reason: "role" | "jurisdiction" | (string & {});
  /** The record tried, when the denial names one. */
  entityId?: string;
}

/**
 * Runs `call`, which must be refused with `expected.error`, leaving exactly one audit row (a
 * DENIED row of `actor`, filed in the actor's city, with `expected.reason`) and nothing else
 * changed. Files run one test at a time, so the trail grows only by what `call` writes.
 */
export async function expectRefusal(label: string, actor: Actor, call: () => Promise<unknown>, expected: ExpectedRefusal): Promise<void> {
  const before = await databaseFingerprint();
  const last = await lastAuditId();
  await expect(call(), label).rejects.toBeInstanceOf(expected.error);
  const rows = await auditRowsAfter(last);
  expect(
    rows.map((r) => ({ actorId: r.actorId, cityId: r.cityId, outcome: r.outcome, details: r.details })),
    `${label}: one denial row`,
  ).toEqual([{ actorId: actor.userId, cityId: actor.cityId, outcome: "DENIED", details: { reason: expected.reason } }]);
  if (expected.entityId) expect(rows[0]!.entityId, `${label}: the denial names the record`).toBe(expected.entityId);
  expect(await databaseFingerprint(), `${label}: nothing else changed`).toEqual(before);
}

/**
 * Runs `call` of an actor who may make it, which must fail as `expected` (bad input, a conflict:
 * no denial is recorded for those) — or, without `expected`, succeed without changing anything —
 * and checks that nothing at all was written, not even an audit row.
 */
export async function expectNothingWritten(
  call: () => Promise<unknown>,
  expected?: { error: ErrorClass; code?: string; field?: string },
): Promise<void> {
  const before = await databaseFingerprint();
  const last = await lastAuditId();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  if (expected) {
    expect(error).toBeInstanceOf(expected.error);
    if (expected.code) expect(error).toMatchObject({ code: expected.code, ...(expected.field ? { field: expected.field } : {}) });
  } else {
    expect(error).toBeNull();
  }
  expect(await auditRowsAfter(last)).toEqual([]);
  expect(await databaseFingerprint()).toEqual(before);
}

/**
 * Every actor whose role is not in `allowed` is refused `call` (forbidden, one denial row with
 * reason "role", nothing changed). Returns the actors that may call it, for the caller to serve.
 */
export async function expectOtherRolesRefused(
  label: string,
  actors: readonly Actor[],
  allowed: readonly Role[],
  call: (actor: Actor) => Promise<unknown>,
  entityId?: string,
): Promise<Actor[]> {
  for (const actor of actors.filter((a) => !allowed.includes(a.role))) {
    await expectRefusal(`${actor.username} ${label}`, actor, () => call(actor), { error: ForbiddenError, reason: "role", entityId });
  }
  return actors.filter((a) => allowed.includes(a.role));
}

/**
 * Runs a listing `call` of an outsider: it must answer (no error), write no denial, change
 * nothing, and return none of `hidden` (ids of records outside the actor's jurisdiction).
 * Returns the ids it listed, for further checks.
 */
export async function expectListedWithout(label: string, call: () => Promise<string[]>, hidden: string[]): Promise<string[]> {
  const before = await databaseFingerprint();
  const last = await lastAuditId();
  const listed = await call();
  for (const id of hidden) expect(listed, `${label}: lists ${id}`).not.toContain(id);
  const rows = await auditRowsAfter(last);
  expect(rows.filter((r) => r.outcome === "DENIED"), `${label}: no denial`).toEqual([]);
  expect(await databaseFingerprint(), `${label}: nothing changed`).toEqual(before);
  return listed;
}

/** One row of a refusal table: a domain function, the roles that may call it, the call on a target record. */
export interface RefusalRow<T> {
  name: string;
  allowed: readonly Role[];
  call: (actor: Actor, target: T) => Promise<unknown>;
}

/**
 * Every row the outsider's role may call, on a fresh target outside its jurisdiction: "not
 * found", one denial row naming the record, nothing changed. Then the insider is served the same
 * call on the same target, so the refusal was about the jurisdiction and not the record's state.
 */
export async function expectOutsiderRefused<T>(
  rows: readonly (RefusalRow<T> & { prepare: () => Promise<T> })[],
  who: { outsider: Actor; insider: Actor },
  idOf: (target: T) => string,
): Promise<void> {
  const { outsider, insider } = who;
  const callable = rows.filter((r) => r.allowed.includes(outsider.role));
  expect(callable.length, `${outsider.username} may call something`).toBeGreaterThan(0);
  for (const row of callable) {
    const target = await row.prepare();
    const label = `${outsider.username} ${row.name}`;
    await expectRefusal(label, outsider, () => row.call(outsider, target), { error: NotFoundError, reason: "jurisdiction", entityId: idOf(target) });
    await row.call(insider, target);
  }
}
