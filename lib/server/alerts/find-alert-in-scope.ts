import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { alertScope, type Action } from "@/lib/auth/permissions";
import { denyOutsideJurisdiction } from "@/lib/auth/authorize";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

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
  const valid = UUID.test(alertId);
  const alert = valid ? await client.alert.findFirst({ where: { AND: [{ id: alertId }, alertScope(actor)] }, select }) : null;
  if (alert) return alert as Prisma.AlertGetPayload<{ select: S }>;
  const exists = valid && (await client.alert.count({ where: { id: alertId } })) > 0;
  return denyOutsideJurisdiction(actor, action, { type: "alert", id: alertId }, exists);
}
