import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/errors";
import { FraudType } from "@/prisma/generated/client/enums";
import type { Prisma } from "@/prisma/generated/client/client";
import { isUniqueViolation } from "@/lib/server/db-errors";
import type { UpdatePlaybookInput } from "@/lib/schemas/config";

export interface PlaybookRow {
  fraudType: FraudType;
  title: string;
  content: string;
  /** 0 when the type has no playbook yet (saving creates it). */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

const PLAYBOOK_SELECT = { fraudType: true, title: true, content: true, version: true, updatedAt: true, updatedById: true } as const;

type PlaybookRecord = Prisma.PlaybookGetPayload<{ select: typeof PLAYBOOK_SELECT }>;

async function toRows(records: PlaybookRecord[], types: readonly FraudType[]): Promise<PlaybookRow[]> {
  const editorIds = [...new Set(records.map((r) => r.updatedById).filter((id): id is string => id !== null))];
  const editors = editorIds.length
    ? await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(editors.map((u) => [u.id, u.displayName]));
  return types.map((fraudType) => {
    const r = records.find((p) => p.fraudType === fraudType);
    if (!r) return { fraudType, title: "", content: "", version: 0, updatedAt: null, updatedByName: null };
    return {
      fraudType,
      title: r.title,
      content: r.content,
      version: r.version,
      // Rows written by the migration have no editor: show no "changed by" line for them.
      updatedAt: r.updatedById ? r.updatedAt.toISOString() : null,
      updatedByName: r.updatedById ? (nameOf.get(r.updatedById) ?? null) : null,
    };
  });
}

/** One playbook per fraud type, in the order of the national classification. */
export async function listPlaybooks(actor: Actor): Promise<PlaybookRow[]> {
  await assertCan(actor, "config.manage");
  const records = await db.playbook.findMany({ select: PLAYBOOK_SELECT });
  return toRows(records, Object.values(FraudType));
}

export async function getPlaybook(actor: Actor, fraudType: FraudType): Promise<PlaybookRow> {
  await assertCan(actor, "config.manage", { type: "playbook", id: fraudType });
  const records = await db.playbook.findMany({ where: { fraudType }, select: PLAYBOOK_SELECT });
  return (await toRows(records, [fraudType]))[0]!;
}

/**
 * Saves a playbook if nobody changed it since the admin loaded it (`version`); otherwise a
 * conflict, and nothing is written. Version 0 creates the playbook of a type that has none.
 */
export async function updatePlaybook(actor: Actor, input: UpdatePlaybookInput): Promise<{ version: number }> {
  await assertCan(actor, "config.manage", { type: "playbook", id: input.fraudType });
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.playbook.findUnique({ where: { fraudType: input.fraudType }, select: { title: true, content: true, version: true } });
      if (input.version === 0) {
        if (before) throw new ConflictError();
        await tx.playbook.create({
          data: { fraudType: input.fraudType, title: input.title, content: input.content, updatedById: actor.userId },
          select: { fraudType: true },
        });
      } else {
        const updated = await tx.playbook.updateMany({
          where: { fraudType: input.fraudType, version: input.version },
          data: { title: input.title, content: input.content, version: { increment: 1 }, updatedById: actor.userId },
        });
        if (updated.count === 0) throw new ConflictError();
      }
      const version = input.version + 1;
      await recordAudit(tx, actor, {
        action: "playbook.update",
        outcome: "SUCCESS",
        entityType: "playbook",
        entityId: input.fraudType,
        details: {
          fraudType: input.fraudType,
          version,
          titleChanged: before?.title !== input.title,
          contentChanged: before?.content !== input.content,
          contentChars: input.content.length,
        },
      });
      return { version };
    });
  } catch (error) {
    // Two admins creating the same missing playbook at once.
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
}
