import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/permissions";
import { denyOutsideJurisdiction } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Loads one record inside the actor's jurisdiction, the one way every domain function does it.
 * `find` must put the jurisdiction in its `where`; when it finds nothing, `exists` (without the
 * jurisdiction) tells a missing record from one outside it. Either way the caller gets
 * NotFoundError ("not found", never a hint that it exists); when it does exist, the attempt is
 * audited as a denial of `action`. An id that is not even a UUID is not looked up at all.
 */
export async function findInScope<T>(
  actor: Actor,
  action: Action,
  entity: { type: string; id: string },
  query: { find: () => Promise<T | null>; exists: () => Promise<boolean> },
): Promise<T> {
  if (!isUuid(entity.id)) throw new NotFoundError();
  const found = await query.find();
  if (found) return found;
  return denyOutsideJurisdiction(actor, action, entity, await query.exists());
}
