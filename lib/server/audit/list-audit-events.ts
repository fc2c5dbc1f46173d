import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { auditScope } from "@/lib/auth/permissions";
import { cityOf, jurisdictionOf } from "@/lib/auth/jurisdiction";
import type { AuditEventView } from "@/lib/audit/describe-audit-event";
import type { AuditFilter } from "@/lib/schemas/audit";
import type { AuditOutcome, Role } from "@/prisma/generated/client/enums";
import { shanghaiDayStart } from "@/lib/time";
import { decodeAuditCursor, encodeAuditCursor } from "@/lib/pagination";

export const AUDIT_PAGE_SIZE = 50;

/** One event as the audit page shows it: what its sentence needs, and where it happened. */
export interface AuditRow extends AuditEventView {
  id: string;
  at: string;
  actorRole: Role | null;
  outcome: AuditOutcome;
  /** The actor's unit and city (null: the installation's). */
  unitName: string | null;
  cityName: string | null;
  requestId: string | null;
  ip: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Details that name an org unit by id (a new account's unit, a community's stations, an alert's station). */
const UNIT_DETAILS = ["unitId", "stationId", "districtId", "from", "to"] as const;

/** The audit trail, newest first, keyset-paginated by id (it only ever grows); a crafted cursor is refused. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  await assertCan(actor, "audit.read");
  const cursor = decodeAuditCursor(filter.cursor);
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      auditScope(actor),
      filter.actor ? { OR: [{ actorName: { contains: filter.actor } }, ...(await actorIdsByUsername(filter.actor))] } : {},
      filter.action ? { action: filter.action } : {},
      filter.outcome ? { outcome: filter.outcome } : {},
      filter.from ? { at: { gte: shanghaiDayStart(filter.from) } } : {},
      filter.to ? { at: { lt: new Date(shanghaiDayStart(filter.to).getTime() + 86_400_000) } } : {},
      cursor ? { id: { lt: cursor } } : {},
    ],
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const details = page.map((r) => (isObject(r.details) ? r.details : null));
  const names = await namesFor(actor, page, details);
  return {
    rows: page.map((r, i) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorName: r.actorName,
      actorRole: r.actorRole,
      unitName: r.unitId ? (names[r.unitId] ?? null) : null,
      cityName: r.cityId ? (names[r.cityId] ?? null) : null,
      action: r.action,
      outcome: r.outcome,
      entityType: r.entityType,
      entityId: r.entityId,
      details: details[i] ?? null,
      names: pick(names, [r.entityType === "user" ? r.entityId : null, ...UNIT_DETAILS.map((k) => details[i]?.[k])]),
      requestId: r.requestId,
      ip: r.ip,
    })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? encodeAuditCursor(page.at(-1)!.id) : null,
  };
}

function isObject(value: Prisma.JsonValue): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pick(names: Record<string, string>, ids: unknown[]): Record<string, string> {
  return Object.fromEntries(ids.filter((id): id is string => typeof id === "string" && id in names).map((id) => [id, names[id]!]));
}

/**
 * The names the page's sentences refer to by id (target accounts by username, units by name),
 * one query each for the whole page, limited to the reader's jurisdiction: an attempt on another
 * city's account stays in the trail by its short id, without telling whose it was.
 */
async function namesFor(
  actor: Actor,
  rows: { unitId: string | null; cityId: string | null; entityType: string | null; entityId: string | null }[],
  details: (Prisma.JsonObject | null)[],
): Promise<Record<string, string>> {
  const uuids = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === "string" && UUID.test(v)))];
  const userIds = uuids(rows.map((r) => (r.entityType === "user" ? r.entityId : null)));
  const unitIds = uuids([...rows.flatMap((r) => [r.unitId, r.cityId]), ...details.flatMap((d) => UNIT_DETAILS.map((k) => d?.[k]))]);
  const j = jurisdictionOf(actor);
  const cityId = cityOf(j);
  if (j.kind !== "installation" && cityId === null) return {};
  const [users, units] = await Promise.all([
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds }, ...(cityId ? { unit: { cityId } } : {}) }, select: { id: true, username: true } })
      : [],
    unitIds.length ? db.orgUnit.findMany({ where: { id: { in: unitIds }, ...(cityId ? { cityId } : {}) }, select: { id: true, name: true } }) : [],
  ]);
  return Object.fromEntries([...users.map((u) => [u.id, u.username]), ...units.map((u) => [u.id, u.name])]);
}

async function actorIdsByUsername(q: string): Promise<Prisma.AuditEventWhereInput[]> {
  const users = await db.user.findMany({ where: { username: { contains: q.toLowerCase() } }, select: { id: true }, take: 50 });
  return users.length ? [{ actorId: { in: users.map((u) => u.id) } }] : [];
}
