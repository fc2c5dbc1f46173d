import "server-only";
import type { AuditOutcome, Role } from "@/prisma/generated/client/enums";
import type { Prisma } from "@/prisma/generated/client/client";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getRequestContext } from "@/lib/request-context";

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  entityType?: string;
  entityId?: string;
  /** Never raw personal data: ids, codes, field names, counts, reasons. */
  details?: Prisma.InputJsonValue;
}

/**
 * Who the trail names: a signed-in actor, or (at sign-in) the account that was tried. Its city
 * files the row in that city's trail; null files it with the installation's.
 */
export type AuditSubject =
  | Pick<Actor, "userId" | "displayName" | "role" | "unitId" | "cityId">
  | { userId: string | null; displayName: string | null; role: Role | null; unitId: string | null; cityId: string | null };

/** The subject of an event no signed-in person caused (an API client, an unknown account). */
export const ANONYMOUS: AuditSubject = { userId: null, displayName: null, role: null, unitId: null, cityId: null };

/**
 * Writes one audit row. Pass the transaction client that makes the change, so the change and
 * its record commit or fail together.
 */
export async function recordAudit(client: Tx, subject: AuditSubject | null, entry: AuditEntry): Promise<void> {
  const { requestId, ip } = await getRequestContext();
  await client.auditEvent.create({
    data: {
      cityId: subject?.cityId ?? null,
      actorId: subject?.userId ?? null,
      actorName: subject?.displayName ?? null,
      actorRole: subject?.role ?? null,
      unitId: subject?.unitId ?? null,
      action: entry.action,
      outcome: entry.outcome,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      details: entry.details,
      requestId,
      ip,
    },
    select: { id: true },
  });
}

/** A refusal changes nothing, so its record is written on its own. */
export async function recordDenial(subject: AuditSubject, entry: Omit<AuditEntry, "outcome">): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, subject, { ...entry, outcome: "DENIED" }));
}
