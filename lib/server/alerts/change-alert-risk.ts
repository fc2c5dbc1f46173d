import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeRiskSchema } from "@/lib/schemas/triage";
import { deadlineFor } from "@/lib/server/config/deadline-rules";
import { changeAlert } from "./change-alert";

/** A higher risk tightens the first-contact deadline (the city's rule for that level); a lower one never loosens it. */
export async function changeAlertRisk(actor: Actor, input: z.infer<typeof ChangeRiskSchema>): Promise<{ version: number }> {
  return changeAlert(actor, input, "changeRisk", async (tx, alert) => {
    const candidate = await deadlineFor(tx, { cityId: alert.cityId, kind: "FIRST_CONTACT", riskLevel: input.riskLevel, start: alert.detectedAt });
    const deadline = candidate < alert.firstContactDeadline ? candidate : alert.firstContactDeadline;
    return {
      data: { riskLevel: input.riskLevel, firstContactDeadline: deadline },
      event: "RISK_CHANGED",
      text: input.reason,
      details: { from: alert.riskLevel, to: input.riskLevel, reason: input.reason },
    };
  });
}
