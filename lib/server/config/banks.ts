import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { cityOf, jurisdictionOf } from "@/lib/auth/jurisdiction";
import { isUuid } from "@/lib/auth/find-in-scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/prisma/generated/client/client";
import type { BankKind } from "@/prisma/generated/client/enums";
import { createWithAudit } from "@/lib/server/create-with-audit";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { contentStamp } from "@/lib/server/config/content-stamp";
import type { CreateBankInput, SetBankActiveInput, UpdateBankInput } from "@/lib/schemas/banks";

// The banks and payment institutions (第三方支付) that receive stop, freeze and return requests:
// installation-wide, kept by the installation's system administrator, listed for every system
// administrator. A deactivated one receives no new request; its history stays (rows are never
// deleted: requests and transfers refer to them).

/**
 * The accounts that make a bank's desk in a city's center: its active liaisons there. A bank
 * without one gets its requests outside the console (docs/decisions/020-money.md).
 */
export function deskLiaisons(bankId: string | undefined, cityId: string | undefined): Prisma.UserWhereInput {
  return { role: "BANK_LIAISON", status: "ACTIVE", bankId: bankId ?? { not: null }, ...(cityId ? { unit: { cityId } } : {}) };
}

export interface BankDetails {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: BankKind;
  luhnChecked: boolean;
  active: boolean;
  /** The details as loaded: saving against another stamp is a conflict. */
  stamp: string;
}

export interface BankRow extends BankDetails {
  /** For a city's administrator: whether the bank has a desk in the city's center. */
  desk: boolean | null;
  /** For the installation's: the cities whose centers it has a desk in. */
  deskCities: string[] | null;
}

const BANK_SELECT = { id: true, code: true, name: true, shortName: true, kind: true, luhnChecked: true, active: true } as const;
type BankRecord = Prisma.BankGetPayload<{ select: typeof BANK_SELECT }>;

/** What an edit replaces (not `active`, which has its own switch and no conflict with an edit). */
function editable(b: Omit<BankRecord, "id" | "active">) {
  return { code: b.code, name: b.name, shortName: b.shortName, kind: b.kind, luhnChecked: b.luhnChecked };
}

function toDetails(b: BankRecord): BankDetails {
  return { ...b, stamp: contentStamp(editable(b)) };
}

/** Every bank and institution, active ones first; each with its desks as the admin's level sees them. */
export async function listBanks(actor: Actor): Promise<{ rows: BankRow[]; canManage: boolean }> {
  await assertCan(actor, "bankConfig.list");
  const cityId = cityOf(jurisdictionOf(actor)) ?? undefined;
  const [banks, liaisons] = await Promise.all([
    db.bank.findMany({ orderBy: [{ active: "desc" }, { kind: "asc" }, { code: "asc" }], select: BANK_SELECT }),
    db.user.findMany({ where: deskLiaisons(undefined, cityId), distinct: ["bankId", "unitId"], select: { bankId: true, unit: { select: { cityId: true } } } }),
  ]);
  const cityIds = [...new Set(liaisons.map((l) => l.unit.cityId).filter((id): id is string => id !== null))];
  const cities = cityId || cityIds.length === 0 ? [] : await db.orgUnit.findMany({ where: { id: { in: cityIds } }, orderBy: { code: "asc" }, select: { id: true, name: true } });
  const rows = banks.map((b) => {
    const mine = liaisons.filter((l) => l.bankId === b.id);
    return {
      ...toDetails(b),
      desk: cityId ? mine.length > 0 : null,
      deskCities: cityId ? null : cities.filter((c) => mine.some((l) => l.unit.cityId === c.id)).map((c) => c.name),
    };
  });
  return { rows, canManage: can(actor, "bankConfig.manage") };
}

/** One bank for its edit form. */
export async function getBank(actor: Actor, bankId: string): Promise<BankDetails> {
  await assertCan(actor, "bankConfig.manage", { type: "bank", id: bankId });
  const bank = isUuid(bankId) ? await db.bank.findUnique({ where: { id: bankId }, select: BANK_SELECT }) : null;
  if (!bank) throw new NotFoundError();
  return toDetails(bank);
}

export async function createBank(actor: Actor, input: CreateBankInput): Promise<{ id: string }> {
  await assertCan(actor, "bankConfig.manage", { type: "bank" });
  return createWithAudit(
    actor,
    { action: "bankConfig.create", entityType: "bank", details: () => editable(input) },
    { code: "moneyAdmin.validation.bankCodeTaken", field: "code" },
    (tx) => tx.bank.create({ data: editable(input), select: { id: true } }),
  );
}

/** Locks one bank's row for the rest of the transaction. */
async function lockBank(tx: Tx, bankId: string): Promise<BankRecord> {
  await tx.$executeRaw`SELECT 1 FROM bank WHERE id = ${bankId}::uuid FOR UPDATE`;
  const bank = await tx.bank.findUnique({ where: { id: bankId }, select: BANK_SELECT });
  if (!bank) throw new NotFoundError();
  return bank;
}

/**
 * Saves a bank's details if nobody changed them since the admin loaded them (`stamp`); otherwise a
 * conflict, and nothing is written. A code another bank has is a field error.
 */
export async function updateBank(actor: Actor, input: UpdateBankInput): Promise<{ changed: boolean }> {
  await assertCan(actor, "bankConfig.manage", { type: "bank", id: input.bankId });
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockBank(tx, input.bankId);
      if (contentStamp(editable(before)) !== input.stamp) throw new ConflictError();
      const from = editable(before);
      const to = editable(input);
      const fields = (Object.keys(to) as (keyof typeof to)[]).filter((k) => from[k] !== to[k]);
      if (fields.length === 0) return { changed: false };
      await tx.bank.update({ where: { id: before.id }, data: to, select: { id: true } });
      await recordAudit(tx, actor, {
        action: "bankConfig.update",
        outcome: "SUCCESS",
        entityType: "bank",
        entityId: before.id,
        details: { code: to.code, name: to.name, fields, before: Object.fromEntries(fields.map((k) => [k, from[k]])) },
      });
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("moneyAdmin.validation.bankCodeTaken", "code");
    throw error;
  }
}

/**
 * Switches a bank on or off. An inactive bank receives no new request (the filing refuses it);
 * its requests, transfers and liaison accounts stay as they are.
 */
export async function setBankActive(actor: Actor, input: SetBankActiveInput): Promise<void> {
  await assertCan(actor, "bankConfig.manage", { type: "bank", id: input.bankId });
  await db.$transaction(async (tx) => {
    const bank = await lockBank(tx, input.bankId);
    if (bank.active === input.active) return;
    await tx.bank.update({ where: { id: bank.id }, data: { active: input.active }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: input.active ? "bankConfig.activate" : "bankConfig.deactivate",
      outcome: "SUCCESS",
      entityType: "bank",
      entityId: bank.id,
      details: { code: bank.code, name: bank.name },
    });
  });
}
