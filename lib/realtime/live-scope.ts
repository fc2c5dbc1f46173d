// Which live changes concern whom. A change names the units it touched ("c:<city>",
// "d:<district>", "s:<station>", "b:<bank>"); an actor's jurisdiction says which of those it
// follows. Pure, so the rule is unit-tested.
import { cityOf, type Jurisdiction } from "@/lib/auth/jurisdiction";
import type { Action } from "@/lib/auth/permissions";

/** The topics a page can follow, and the permission that lets an actor follow each. */
export const LIVE_TOPICS = {
  alert: "alert.list",
  instruction: "instruction.read",
  /** Requests to banks: the desk hears its bank's ("b:<bank>") in its city; the center its units'. */
  bank_request: "bankRequest.read",
  /** One's own notifications (the header's unread count): only the recipient's pages hear them. */
  notification: "notification.read",
} as const satisfies Record<string, Action>;

export type LiveTopic = keyof typeof LIVE_TOPICS;

export function isLiveTopic(value: string): value is LiveTopic {
  return Object.prototype.hasOwnProperty.call(LIVE_TOPICS, value);
}

/**
 * Whether a change (its unit keys, or all units of the named cities) concerns a reader: a
 * personal topic its own user only ("u:<user>"), any other topic the units of its jurisdiction.
 */
export function concerns(change: { topic?: string; keys: readonly string[]; all: boolean }, j: Jurisdiction, userId?: string): boolean {
  const has = (key: string) => change.keys.includes(key);
  if (change.topic === "notification") {
    if (userId === undefined) return false;
    // A statement with more recipients than a payload can name (the sweep's notifications) names
    // only their cities: every reader of those cities refreshes its own count then.
    const city = cityOf(j);
    return has(`u:${userId}`) || (change.all && city !== null && has(`c:${city}`));
  }
  switch (j.kind) {
    case "city":
      return has(`c:${j.cityId}`);
    case "district":
      return change.all ? has(`c:${j.cityId}`) : has(`d:${j.districtId}`);
    case "station":
      return change.all ? has(`c:${j.cityId}`) : has(`s:${j.stationId}`);
    case "bank":
      // A bank's requests are per city: the same bank in another city's center is someone else.
      return has(`c:${j.cityId}`) && (change.all || has(`b:${j.bankId}`));
    default:
      return false;
  }
}
