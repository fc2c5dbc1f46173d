import "server-only";
import type { Tx } from "@/lib/db";
import type { RiskLevel } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import { ValidationError } from "@/lib/errors";
import { deadlineFor } from "@/lib/server/config/deadline-rules";
import { routingDeadlines } from "@/lib/instructions/supervision-clock";

/** Where an instruction is going: a station (and its district), or a district alone. */
export interface RoutingTarget {
  districtId: string;
  stationId: string | null;
}

/**
 * Checks a target the user picked against what the actor may route to: analysts any district
 * or station of the instruction's city, a district coordinator only the stations of its own
 * district. Anything else is a field error, as if the unit did not exist.
 */
export async function resolveTarget(
  tx: Tx,
  actor: Actor,
  cityId: string,
  input: { stationId?: string; districtId?: string },
): Promise<RoutingTarget> {
  const j = jurisdictionOf(actor);
  const ownDistrict = j.kind === "district" ? j.districtId : null;
  if (input.stationId) {
    const station = await tx.orgUnit.findFirst({
      where: { id: input.stationId, kind: "STATION", cityId, ...(ownDistrict ? { districtId: ownDistrict } : {}) },
      select: { id: true, districtId: true },
    });
    if (!station?.districtId) throw new ValidationError(ownDistrict ? "validation.stationNotInDistrict" : "validation.unknownStation", "stationId");
    return { districtId: station.districtId, stationId: station.id };
  }
  // Only the city sends to a district (a district coordinator picks one of its stations).
  if (ownDistrict) throw new ValidationError("validation.stationNotInDistrict", "stationId");
  const district = await tx.orgUnit.findFirst({ where: { id: input.districtId, kind: "DISTRICT", cityId }, select: { id: true } });
  if (!district) throw new ValidationError("validation.unknownDistrict", "districtId");
  return { districtId: district.id, stationId: null };
}

/** The deadlines of a routing starting now, from the city's deadline rules for the risk. */
export async function deadlinesOfRouting(
  tx: Tx,
  at: { cityId: string; riskLevel: RiskLevel; issuedAt: Date; routedAt: Date },
): Promise<{ signOffDeadline: Date; feedbackDeadline: Date; escalateAt: Date }> {
  const signOff = await deadlineFor(tx, { cityId: at.cityId, kind: "INSTRUCTION_SIGN_OFF", riskLevel: at.riskLevel, start: at.routedAt });
  const feedback = await deadlineFor(tx, { cityId: at.cityId, kind: "INSTRUCTION_FEEDBACK", riskLevel: at.riskLevel, start: at.routedAt });
  return routingDeadlines(at.issuedAt, at.routedAt, { signOff, feedback });
}
