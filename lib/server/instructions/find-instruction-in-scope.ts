import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { instructionScope, type Action } from "@/lib/auth/permissions";
import { findInScope } from "@/lib/auth/find-in-scope";

/**
 * Loads one instruction inside the actor's jurisdiction (a station only what it holds now, a
 * district its stations', the city all). Outside it or unknown: NotFoundError, and the attempt on
 * an existing one is audited as a denial of `action`.
 */
export async function findInstructionInScope<S extends Prisma.InstructionSelect>(
  actor: Actor,
  instructionId: string,
  action: Action,
  select: S,
  client: Tx = db,
): Promise<Prisma.InstructionGetPayload<{ select: S }>> {
  return findInScope(actor, action, { type: "instruction", id: instructionId }, {
    find: () =>
      client.instruction.findFirst({ where: { AND: [{ id: instructionId }, instructionScope(actor)] }, select }) as Promise<Prisma.InstructionGetPayload<{
        select: S;
      }> | null>,
    exists: async () => (await client.instruction.count({ where: { id: instructionId } })) > 0,
  });
}
