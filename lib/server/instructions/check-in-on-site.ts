import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CheckInInput } from "@/lib/schemas/instructions";
import { changeInstruction } from "./change-instruction";

/**
 * 到场签到: the team is at the door. The check-in is a contact with the person, so it stops the
 * alert's first-contact clock if nothing did before (without touching the alert's version: the
 * analyst's open form stays valid).
 */
export async function checkInOnSite(actor: Actor, input: CheckInInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "checkIn", async (tx, instruction) => {
    const now = new Date();
    await tx.alert.updateMany({ where: { id: instruction.alertId, firstContactAt: null }, data: { firstContactAt: now } });
    return {
      data: { status: "ON_SITE", checkedInAt: now, checkInLocation: input.location },
      event: { kind: "CHECKED_IN", unitId: instruction.stationId, text: input.location },
    };
  });
}
