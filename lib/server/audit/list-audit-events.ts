import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { auditScope } from "@/lib/auth/permissions";
import type { AuditFilter } from "@/lib/schemas/audit";
import type { AuditOutcome, Role } from "@/prisma/generated/client/enums";
import { shanghaiDayStart } from "@/lib/time";
import { decodeAuditCursor, encodeAuditCursor } from "@/lib/pagination";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  outcome: AuditOutcome;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  details: string | null;
}

/** The audit trail, newest first, keyset-paginated by id (it only ever grows); a crafted cursor is refused. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  await assertCan(actor, "audit.read");
  const cursor = decodeAuditCursor(filter.cursor);
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      auditScope(actor),
      filter.actor ? { OR: [{ actorName: { contains: filter.actor } }, ...(await actorIdsByUsername(filter.actor))] } : {},
      filter.action ? { action: { startsWith: filter.action } } : {},
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
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorName: r.actorName,
      actorRole: r.actorRole,
      action: r.action,
      outcome: r.outcome,
      entityType: r.entityType,
      entityId: r.entityId,
      requestId: r.requestId,
      ip: r.ip,
      details: r.details == null ? null : JSON.stringify(r.details),
    })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? encodeAuditCursor(page.at(-1)!.id) : null,
  };
}

async function actorIdsByUsername(q: string): Promise<Prisma.AuditEventWhereInput[]> {
  const users = await db.user.findMany({ where: { username: { contains: q.toLowerCase() } }, select: { id: true }, take: 50 });
  return users.length ? [{ actorId: { in: users.map((u) => u.id) } }] : [];
}
