import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { alertScope, type Action } from "@/lib/auth/permissions";
import { findInScope } from "@/lib/auth/find-in-scope";

/**
 * Loads one alert inside the actor's jurisdiction. Outside it, or unknown, or not even an id:
 * NotFoundError, and when the alert does exist the attempt is audited as a denial of `action`.
 * Every domain function that reads or changes one alert goes through here.
 */
export async function findAlertInScope<S extends Prisma.AlertSelect>(
  actor: Actor,
  alertId: string,
  action: Action,
  select: S,
  client: Tx = db,
): Promise<Prisma.AlertGetPayload<{ select: S }>> {
  return findInScope(actor, action, { type: "alert", id: alertId }, {
    find: () => client.alert.findFirst({ where: { AND: [{ id: alertId }, alertScope(actor)] }, select }) as Promise<Prisma.AlertGetPayload<{ select: S }> | null>,
    exists: async () => (await client.alert.count({ where: { id: alertId } })) > 0,
  });
}
