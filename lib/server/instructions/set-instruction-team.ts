import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { SetTeamInput } from "@/lib/schemas/instructions";
import { changeInstruction } from "./change-instruction";

/** The team sent to the door by name (1+3+N: officers, auxiliaries, grid workers). */
export async function setInstructionTeam(actor: Actor, input: SetTeamInput): Promise<{ version: number }> {
  const team = { officers: input.officers, auxiliaries: input.auxiliaries, gridWorkers: input.gridWorkers };
  return changeInstruction(actor, input, "setTeam", async (_tx, instruction) => ({
    data: { team },
    event: { kind: "TEAM_SET", unitId: instruction.stationId, data: team },
    details: { officers: team.officers.length, auxiliaries: team.auxiliaries.length, gridWorkers: team.gridWorkers.length },
  }));
}
