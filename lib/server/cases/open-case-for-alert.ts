import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/**
 * 立案: the case for an alert closed as 已被骗, with the loss, scoped like the alert. Every path
 * that ends in 已被骗 (the analyst closing the alert, the issuer closing an instruction whose
 * feedback was 已被骗) opens it here, in the caller's transaction. (The money issue turns this
 * into open-or-join for a person's open case.)
 */
export async function openCaseForAlert(
  tx: Tx,
  actor: Pick<Actor, "userId">,
  alert: { id: string; cityId: string; districtId: string | null; stationId: string | null; personId: string },
  lossFen: bigint,
): Promise<{ caseId: string }> {
  const fraudCase = await tx.fraudCase.create({
    data: {
      cityId: alert.cityId,
      districtId: alert.districtId,
      stationId: alert.stationId,
      alertId: alert.id,
      personId: alert.personId,
      lossFen,
      openedById: actor.userId,
    },
    select: { id: true },
  });
  return { caseId: fraudCase.id };
}
