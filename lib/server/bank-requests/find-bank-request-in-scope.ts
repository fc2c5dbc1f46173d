import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { bankRequestScope, type Action } from "@/lib/auth/permissions";
import { findInScope } from "@/lib/auth/find-in-scope";

/**
 * Loads one request to a bank inside the actor's jurisdiction (a bank's liaison only its bank's
 * requests at the desk, police roles their case's units). Outside it or unknown: NotFoundError,
 * and the attempt on an existing one is audited as a denial of `action`.
 */
export async function findBankRequestInScope<S extends Prisma.BankRequestSelect>(
  actor: Actor,
  requestId: string,
  action: Action,
  select: S,
  client: Tx = db,
): Promise<Prisma.BankRequestGetPayload<{ select: S }>> {
  return findInScope(actor, action, { type: "bank_request", id: requestId }, {
    find: () =>
      client.bankRequest.findFirst({ where: { AND: [{ id: requestId }, bankRequestScope(actor)] }, select }) as Promise<Prisma.BankRequestGetPayload<{
        select: S;
      }> | null>,
    exists: async () => (await client.bankRequest.count({ where: { id: requestId } })) > 0,
  });
}
