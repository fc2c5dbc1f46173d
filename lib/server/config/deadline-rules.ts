import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { DeadlineKind, RiskLevel } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { configOwner, jurisdictionOf } from "@/lib/auth/jurisdiction";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { DEADLINE_KINDS, isRiskKeyed } from "@/lib/deadlines/defaults";
import { resolveDeadlineRule, type DeadlineRuleRow, type ResolvedDeadline } from "@/lib/deadlines/resolve-deadline-rule";
import { deadlineFrom } from "@/lib/deadlines/deadline-from";
import { loadWorkingDayCalendar } from "@/lib/server/config/working-calendar";
import { DeadlineRulesSchema, RISK_LEVELS_BY_URGENCY, type DeadlineRulesInput, type ResetDeadlineRulesInput } from "@/lib/schemas/config";

const RULE_SELECT = { id: true, cityId: true, kind: true, riskLevel: true, amount: true, unit: true, version: true, updatedAt: true, updatedById: true } as const;

/**
 * The rules of some kinds that can apply in `cityIds` (their own and the installation's). No
 * actor: a system read for the workflows (ingestion, dispatch, bank requests). Pass the
 * transaction client to read inside a transaction.
 */
export async function loadDeadlineRules(
  client: Pick<Tx, "deadlineRule">,
  kinds: readonly DeadlineKind[],
  cityIds: readonly string[],
): Promise<DeadlineRuleRow[]> {
  return client.deadlineRule.findMany({
    where: { kind: { in: [...kinds] }, OR: [{ cityId: null }, { cityId: { in: [...cityIds] } }] },
    select: { cityId: true, kind: true, riskLevel: true, amount: true, unit: true },
  });
}

/** How far ahead the calendar is read for a count in working days (at most 30 of them: DEADLINE_LIMITS). */
const WORKING_DAY_HORIZON_MS = 366 * 86_400_000;

/**
 * When a step of `kind` that starts at `start` in `cityId` is due; a count in working days
 * follows the admins' calendar (节假日 and 调休). A system read.
 */
export async function deadlineFor(
  client: Pick<Tx, "deadlineRule" | "calendarDay">,
  target: { cityId: string; kind: DeadlineKind; riskLevel: RiskLevel | null; start: Date },
): Promise<Date> {
  const rules = await loadDeadlineRules(client, [target.kind], [target.cityId]);
  const rule = resolveDeadlineRule(rules, target);
  if (rule.unit !== "WORKING_DAYS") return deadlineFrom(target.start, rule);
  const calendar = await loadWorkingDayCalendar(client, target.start, new Date(target.start.getTime() + WORKING_DAY_HORIZON_MS));
  return deadlineFrom(target.start, rule, calendar);
}

export interface DeadlineRuleView extends ResolvedDeadline {
  riskLevel: RiskLevel | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface DeadlineKindView {
  kind: DeadlineKind;
  rules: DeadlineRuleView[];
  /** The admin's own rows of this kind as loaded: saving against another stamp is a conflict. */
  stamp: string;
  /** A city's admin has rows of its own for this kind (that "reset to the defaults" would remove). */
  overridden: boolean;
}

/** Who keeps which rows: the installation its defaults, a city its own. Others: refused. */
function ownerOf(actor: Actor): { cityId: string | null } {
  const owner = configOwner(jurisdictionOf(actor));
  if (!owner) throw new ForbiddenError();
  return owner;
}

function stampOf(rows: readonly { id: string; version: number }[]): string {
  const text = rows.map((r) => `${r.id}:${r.version}`).sort().join(",");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Every kind's rules as they apply to the admin's owner (a city sees its own and what it inherits). */
export async function listDeadlineRules(actor: Actor): Promise<{ owner: "installation" | "city"; kinds: DeadlineKindView[] }> {
  await assertCan(actor, "config.manage");
  const owner = ownerOf(actor);
  const rows = await db.deadlineRule.findMany({
    where: owner.cityId === null ? { cityId: null } : { OR: [{ cityId: null }, { cityId: owner.cityId }] },
    select: RULE_SELECT,
  });
  const editorIds = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => id !== null))];
  const editors = editorIds.length ? await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } }) : [];
  const nameOf = new Map(editors.map((u) => [u.id, u.displayName]));
  const kinds = DEADLINE_KINDS.map((kind) => {
    const own = rows.filter((r) => r.kind === kind && r.cityId === owner.cityId);
    const levels: (RiskLevel | null)[] = isRiskKeyed(kind) ? [...RISK_LEVELS_BY_URGENCY] : [null];
    return {
      kind,
      stamp: stampOf(own),
      overridden: owner.cityId !== null && own.length > 0,
      rules: levels.map((riskLevel) => {
        const resolved = resolveDeadlineRule(rows, { cityId: owner.cityId, kind, riskLevel });
        const row = own.find((r) => r.riskLevel === riskLevel) ?? own.find((r) => r.riskLevel === null);
        return {
          riskLevel,
          ...resolved,
          updatedAt: row?.updatedById ? row.updatedAt.toISOString() : null,
          updatedByName: row?.updatedById ? (nameOf.get(row.updatedById) ?? null) : null,
        };
      }),
    };
  });
  return { owner: owner.cityId === null ? "installation" : "city", kinds };
}

/** Locks and reads the owner's rows of one kind, and refuses when they changed since `stamp`. */
async function lockOwnRows(tx: Tx, owner: { cityId: string | null }, kind: DeadlineKind, stamp: string) {
  const own = owner.cityId === null
    ? await tx.$queryRaw<{ id: string; version: number }[]>`SELECT id, version FROM deadline_rule WHERE city_id IS NULL AND kind = ${kind}::"DeadlineKind" FOR UPDATE`
    : await tx.$queryRaw<{ id: string; version: number }[]>`SELECT id, version FROM deadline_rule WHERE city_id = ${owner.cityId}::uuid AND kind = ${kind}::"DeadlineKind" FOR UPDATE`;
  if (stampOf(own) !== stamp) throw new ConflictError("adminConfig.errors.deadlineChanged");
}

/**
 * Sets the rules of one kind for the admin's owner. Only the levels whose value changes are
 * written, each with its own audit row (from → to). A city's admin writes the city's own rows,
 * which then override the installation's defaults. Steps already started keep the deadline
 * fixed when they started; the new values apply from now on.
 */
export async function updateDeadlineRules(actor: Actor, input: DeadlineRulesInput): Promise<{ changed: (RiskLevel | null)[] }> {
  await assertCan(actor, "config.manage", { type: "deadline_rule", id: input.kind });
  const owner = ownerOf(actor);
  // The rules hold together (higher risk, shorter deadline): checked here too, not only in the form.
  const parsed = DeadlineRulesSchema.safeParse({
    kind: input.kind,
    stamp: input.stamp,
    unit: input.unit,
    ...Object.fromEntries(input.values.map((v) => [v.riskLevel ?? "ANY", v.amount])),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(issue.message, issue.path.length ? String(issue.path[0]) : undefined);
  }
  const valid = parsed.data;
  return db.$transaction(async (tx) => {
    await lockOwnRows(tx, owner, valid.kind, valid.stamp);
    const rules = await loadDeadlineRules(tx, [valid.kind], owner.cityId ? [owner.cityId] : []);
    const changed: (RiskLevel | null)[] = [];
    for (const { riskLevel, amount } of valid.values) {
      const from = resolveDeadlineRule(rules, { cityId: owner.cityId, kind: valid.kind, riskLevel });
      // An unchanged value writes nothing (a city that saves the defaults unchanged keeps inheriting them).
      if (from.amount === amount && from.unit === valid.unit) continue;
      const existing = await tx.deadlineRule.findFirst({ where: { cityId: owner.cityId, kind: valid.kind, riskLevel }, select: { id: true } });
      if (existing) {
        await tx.deadlineRule.update({
          where: { id: existing.id },
          data: { amount, unit: valid.unit, version: { increment: 1 }, updatedById: actor.userId },
          select: { id: true },
        });
      } else {
        await tx.deadlineRule.create({
          data: { cityId: owner.cityId, kind: valid.kind, riskLevel, amount, unit: valid.unit, updatedById: actor.userId },
          select: { id: true },
        });
      }
      await recordAudit(tx, actor, {
        action: "deadline.update",
        outcome: "SUCCESS",
        entityType: "deadline_rule",
        entityId: `${valid.kind}:${riskLevel ?? "ANY"}`,
        details: {
          kind: valid.kind,
          riskLevel,
          scope: owner.cityId ? "city" : "installation",
          from: { amount: from.amount, unit: from.unit },
          to: { amount, unit: valid.unit },
        },
      });
      changed.push(riskLevel);
    }
    return { changed };
  });
}

/** A city's admin drops the city's own rules of one kind: the installation's defaults apply again. */
export async function resetDeadlineRules(actor: Actor, input: ResetDeadlineRulesInput): Promise<{ removed: number }> {
  await assertCan(actor, "config.manage", { type: "deadline_rule", id: input.kind });
  const owner = ownerOf(actor);
  if (owner.cityId === null) throw new ValidationError("adminConfig.errors.defaultsCannotReset");
  const cityId = owner.cityId;
  return db.$transaction(async (tx) => {
    await lockOwnRows(tx, owner, input.kind, input.stamp);
    const { count } = await tx.deadlineRule.deleteMany({ where: { cityId, kind: input.kind } });
    if (count > 0) {
      await recordAudit(tx, actor, {
        action: "deadline.reset",
        outcome: "SUCCESS",
        entityType: "deadline_rule",
        entityId: input.kind,
        details: { kind: input.kind, removed: count },
      });
    }
    return { removed: count };
  });
}
