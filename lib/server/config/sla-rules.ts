import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { ValidationError } from "@/lib/errors";
import { DEFAULT_FIRST_CONTACT_MINUTES } from "@/lib/alerts/sla";
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { RISK_LEVELS_BY_URGENCY, SlaRulesSchema, type SlaRulesInput } from "@/lib/schemas/config";

export interface SlaRuleRow {
  riskLevel: RiskLevel;
  firstContactMinutes: number;
  /** No row in sla_rule: the built-in default applies. */
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

/**
 * The first-contact minutes per risk level as ingestion applies them: the table, with the
 * built-in defaults for any level that has no row. No actor: this is a system read. Pass the
 * transaction client to read inside the ingestion's own transaction.
 */
export async function getSlaMinutes(client: Pick<Tx, "slaRule"> = db): Promise<Record<RiskLevel, number>> {
  return readMinutes(client);
}

/** The four rules, most urgent first, with who changed each last. */
export async function listSlaRules(actor: Actor): Promise<SlaRuleRow[]> {
  await assertCan(actor, "config.manage");
  const rows = await db.slaRule.findMany({ select: { riskLevel: true, firstContactMinutes: true, updatedAt: true, updatedById: true } });
  const editorIds = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => id !== null))];
  const editors = editorIds.length
    ? await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(editors.map((u) => [u.id, u.displayName]));
  return RISK_LEVELS_BY_URGENCY.map((level) => {
    const row = rows.find((r) => r.riskLevel === level);
    return {
      riskLevel: level,
      firstContactMinutes: row?.firstContactMinutes ?? DEFAULT_FIRST_CONTACT_MINUTES[level],
      isDefault: !row,
      updatedAt: row?.updatedById ? row.updatedAt.toISOString() : null,
      updatedByName: row?.updatedById ? (nameOf.get(row.updatedById) ?? null) : null,
    };
  });
}

/**
 * Sets the first-contact minutes of all four levels. Only the levels whose value changes are
 * written, each with its own audit row (from → to). Alerts already received keep the deadline
 * fixed when they arrived; the new values apply to alerts that arrive from now on.
 */
export async function updateSlaRules(actor: Actor, input: SlaRulesInput): Promise<{ changed: RiskLevel[] }> {
  await assertCan(actor, "config.manage", { type: "sla_rule" });
  // The rules hold together (higher risk, shorter deadline): check them here too, not only in the form.
  const parsed = SlaRulesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(issue.message, issue.path.length ? String(issue.path[0]) : undefined);
  }
  const valid = parsed.data;
  return db.$transaction(async (tx) => {
    // Lock the rows so that two admins saving at once are applied one after the other.
    await tx.$queryRaw`SELECT risk_level FROM sla_rule FOR UPDATE`;
    const current = await readMinutes(tx);
    const changed: RiskLevel[] = [];
    for (const level of RISK_LEVELS_BY_URGENCY) {
      const from = current[level];
      const to = valid[level];
      if (from === to) continue;
      await tx.slaRule.upsert({
        where: { riskLevel: level },
        create: { riskLevel: level, firstContactMinutes: to, updatedById: actor.userId },
        update: { firstContactMinutes: to, updatedById: actor.userId },
        select: { riskLevel: true },
      });
      await recordAudit(tx, actor, {
        action: "sla.update",
        outcome: "SUCCESS",
        entityType: "sla_rule",
        entityId: level,
        details: { riskLevel: level, from, to },
      });
      changed.push(level);
    }
    return { changed };
  });
}

async function readMinutes(client: Pick<Tx, "slaRule">): Promise<Record<RiskLevel, number>> {
  const rows = await client.slaRule.findMany({ select: { riskLevel: true, firstContactMinutes: true } });
  const minutes = { ...DEFAULT_FIRST_CONTACT_MINUTES };
  for (const r of rows) minutes[r.riskLevel] = r.firstContactMinutes;
  return minutes;
}
