import "server-only";
import { db } from "@/lib/db";
import type { BankKind } from "@/prisma/generated/client/enums";

export interface InstitutionOption {
  id: string;
  name: string;
  kind: BankKind;
}

/** The active banks and payment institutions a stop can go to, banks first (reference data, no personal data). */
export async function listInstitutions(): Promise<InstitutionOption[]> {
  const banks = await db.bank.findMany({ where: { active: true }, orderBy: [{ kind: "asc" }, { code: "asc" }], select: { id: true, shortName: true, kind: true } });
  return banks.map((b) => ({ id: b.id, name: b.shortName, kind: b.kind }));
}
