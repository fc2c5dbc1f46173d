import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { configOwner, jurisdictionOf } from "@/lib/auth/jurisdiction";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { FraudType } from "@/prisma/generated/client/enums";
import type { Prisma } from "@/prisma/generated/client/client";
import { isUniqueViolation } from "@/lib/server/db-errors";
import type { ResetPlaybookInput, UpdatePlaybookInput } from "@/lib/schemas/config";

// 劝阻话术. The installation keeps a default per fraud type (city null); a city's administrator
// may replace it for the city with its own text, and go back to the default.

export interface PlaybookRow {
  fraudType: FraudType;
  title: string;
  content: string;
  /** The owner's own row's version; 0 when it has none yet (saving creates it). */
  version: number;
  /** Whose text this is: the owner's own, the installation's default (a city inherits it), or none. */
  origin: "own" | "default" | "missing";
  updatedAt: string | null;
  updatedByName: string | null;
}

const PLAYBOOK_SELECT = { cityId: true, fraudType: true, title: true, content: true, version: true, updatedAt: true, updatedById: true } as const;

type PlaybookRecord = Prisma.PlaybookGetPayload<{ select: typeof PLAYBOOK_SELECT }>;

function ownerOf(actor: Actor): { cityId: string | null } {
  const owner = configOwner(jurisdictionOf(actor));
  if (!owner) throw new ForbiddenError();
  return owner;
}

async function toRows(records: PlaybookRecord[], types: readonly FraudType[], owner: { cityId: string | null }): Promise<PlaybookRow[]> {
  const editorIds = [...new Set(records.map((r) => r.updatedById).filter((id): id is string => id !== null))];
  const editors = editorIds.length
    ? await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(editors.map((u) => [u.id, u.displayName]));
  return types.map((fraudType) => {
    const own = records.find((p) => p.fraudType === fraudType && p.cityId === owner.cityId);
    const shown = own ?? records.find((p) => p.fraudType === fraudType && p.cityId === null);
    if (!shown) return { fraudType, title: "", content: "", version: 0, origin: "missing", updatedAt: null, updatedByName: null };
    return {
      fraudType,
      title: shown.title,
      content: shown.content,
      version: own?.version ?? 0,
      origin: own ? "own" : "default",
      // Rows written by the migration have no editor: show no "changed by" line for them.
      updatedAt: shown.updatedById ? shown.updatedAt.toISOString() : null,
      updatedByName: shown.updatedById ? (nameOf.get(shown.updatedById) ?? null) : null,
    };
  });
}

function ownerAndDefaults(owner: { cityId: string | null }): Prisma.PlaybookWhereInput {
  return owner.cityId === null ? { cityId: null } : { OR: [{ cityId: null }, { cityId: owner.cityId }] };
}

/** One playbook per fraud type, in the order of the national classification. */
export async function listPlaybooks(actor: Actor): Promise<PlaybookRow[]> {
  await assertCan(actor, "config.manage");
  const owner = ownerOf(actor);
  const records = await db.playbook.findMany({ where: ownerAndDefaults(owner), select: PLAYBOOK_SELECT });
  return toRows(records, Object.values(FraudType), owner);
}

export async function getPlaybook(actor: Actor, fraudType: FraudType): Promise<PlaybookRow> {
  await assertCan(actor, "config.manage", { type: "playbook", id: fraudType });
  const owner = ownerOf(actor);
  const records = await db.playbook.findMany({ where: { AND: [{ fraudType }, ownerAndDefaults(owner)] }, select: PLAYBOOK_SELECT });
  return (await toRows(records, [fraudType], owner))[0]!;
}

/** The playbook in force for an alert of `cityId`: the city's own, else the default. A system read. */
export async function findPlaybookFor(cityId: string, fraudType: FraudType): Promise<{ title: string; content: string } | null> {
  const rows = await db.playbook.findMany({
    where: { fraudType, OR: [{ cityId }, { cityId: null }] },
    select: { cityId: true, title: true, content: true },
  });
  const chosen = rows.find((r) => r.cityId === cityId) ?? rows.find((r) => r.cityId === null);
  return chosen ? { title: chosen.title, content: chosen.content } : null;
}

/**
 * Saves the owner's playbook if nobody changed it since the admin loaded it (`version`);
 * otherwise a conflict, and nothing is written. Version 0 creates the owner's own row (a city's
 * first edit of an inherited default, or a type that has none).
 */
export async function updatePlaybook(actor: Actor, input: UpdatePlaybookInput): Promise<{ version: number }> {
  await assertCan(actor, "config.manage", { type: "playbook", id: input.fraudType });
  const owner = ownerOf(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.playbook.findFirst({ where: { cityId: owner.cityId, fraudType: input.fraudType }, select: { title: true, content: true, version: true } });
      if (input.version === 0) {
        if (before) throw new ConflictError();
        await tx.playbook.create({
          data: { cityId: owner.cityId, fraudType: input.fraudType, title: input.title, content: input.content, updatedById: actor.userId },
          select: { id: true },
        });
      } else {
        const updated = await tx.playbook.updateMany({
          where: { cityId: owner.cityId, fraudType: input.fraudType, version: input.version },
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
          scope: owner.cityId ? "city" : "installation",
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

/** A city's administrator drops the city's own text: the installation's default applies again. */
export async function resetPlaybook(actor: Actor, input: ResetPlaybookInput): Promise<void> {
  await assertCan(actor, "config.manage", { type: "playbook", id: input.fraudType });
  const owner = ownerOf(actor);
  if (owner.cityId === null) throw new ValidationError("adminConfig.errors.defaultsCannotReset");
  await db.$transaction(async (tx) => {
    const deleted = await tx.playbook.deleteMany({ where: { cityId: owner.cityId, fraudType: input.fraudType, version: input.version } });
    if (deleted.count === 0) throw new ConflictError();
    await recordAudit(tx, actor, {
      action: "playbook.reset",
      outcome: "SUCCESS",
      entityType: "playbook",
      entityId: input.fraudType,
      details: { fraudType: input.fraudType, version: input.version },
    });
  });
}
