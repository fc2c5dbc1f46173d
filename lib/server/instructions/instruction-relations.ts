import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import type { InstructionRelations } from "@/lib/instructions/instruction-state";

/**
 * How the actor stands to an instruction already found in its jurisdiction: in the issuing
 * unit (with the role that reviews there), coordinator of the district holding it, officer of
 * the station holding it. The state machine decides what each relation may do.
 */
export function relationsOf(
  actor: Actor,
  instruction: { issuerUnitId: string; districtId: string; stationId: string | null },
): InstructionRelations {
  const j = jurisdictionOf(actor);
  return {
    issuer:
      (j.kind === "city" && actor.role === "ANALYST" && instruction.issuerUnitId === j.cityId) ||
      (j.kind === "district" && instruction.issuerUnitId === j.districtId),
    district: j.kind === "district" && instruction.districtId === j.districtId,
    station: j.kind === "station" && instruction.stationId === j.stationId,
  };
}
