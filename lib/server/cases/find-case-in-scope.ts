import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { caseScope, type Action } from "@/lib/auth/permissions";
import { findInScope } from "@/lib/auth/find-in-scope";

/** Loads one case inside the actor's jurisdiction; outside it or unknown: NotFoundError (audited when it exists). */
export async function findCaseInScope<S extends Prisma.FraudCaseSelect>(
  actor: Actor,
  caseId: string,
  action: Action,
  select: S,
  client: Tx = db,
): Promise<Prisma.FraudCaseGetPayload<{ select: S }>> {
  return findInScope(actor, action, { type: "case", id: caseId }, {
    find: () =>
      client.fraudCase.findFirst({ where: { AND: [{ id: caseId }, caseScope(actor)] }, select }) as Promise<Prisma.FraudCaseGetPayload<{
        select: S;
      }> | null>,
    exists: async () => (await client.fraudCase.count({ where: { id: caseId } })) > 0,
  });
}
