import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import type { SetJurisdictionSchema } from "@/lib/schemas/triage";
import { changeAlert } from "./change-alert";

/** Sets the station (and so the district) of an alert; the station must be one of the alert's city. */
export async function setAlertJurisdiction(actor: Actor, input: z.infer<typeof SetJurisdictionSchema>): Promise<{ version: number }> {
  return changeAlert(actor, input, "setJurisdiction", async (tx, alert) => {
    const station = await tx.orgUnit.findFirst({
      where: { id: input.stationId, kind: "STATION", cityId: alert.cityId },
      select: { id: true, districtId: true },
    });
    if (!station) throw new ValidationError("validation.unknownStation", "stationId");
    return {
      data: { stationId: station.id, districtId: station.districtId },
      event: "JURISDICTION_SET",
      details: { stationId: station.id, districtId: station.districtId },
    };
  });
}
