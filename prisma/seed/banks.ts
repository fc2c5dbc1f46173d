// The 7 banks stationed in the center (Nanchang: "7 banks stationed in the center").
import { randomUUID } from "node:crypto";
import { unnestInsertSql, type Queryable } from "./db";

export interface BankRow {
  id: string;
  code: string;
  name: string;
  shortName: string;
  /** Debit-card BINs used for plausible suspect account numbers. */
  bins: readonly string[];
}

const BANKS: readonly Omit<BankRow, "id">[] = [
  { code: "ICBC", name: "中国工商银行", shortName: "工商银行", bins: ["622202", "621226", "621558"] },
  { code: "ABC", name: "中国农业银行", shortName: "农业银行", bins: ["622848", "623052", "622845"] },
  { code: "BOC", name: "中国银行", shortName: "中国银行", bins: ["621661", "621785", "456351"] },
  { code: "CCB", name: "中国建设银行", shortName: "建设银行", bins: ["621700", "622700", "436742"] },
  { code: "BOCOM", name: "交通银行", shortName: "交通银行", bins: ["622262", "622260"] },
  { code: "CMB", name: "招商银行", shortName: "招商银行", bins: ["621483", "622588", "621286"] },
  { code: "PSBC", name: "中国邮政储蓄银行", shortName: "邮储银行", bins: ["621799", "622188", "621098"] },
];

export function buildBanks(): BankRow[] {
  return BANKS.map((b) => ({ ...b, id: randomUUID() }));
}

export async function insertBanks(db: Queryable, banks: readonly BankRow[]): Promise<void> {
  await db.query(
    unnestInsertSql("bank", [["id", "uuid[]"], ["code", "text[]"], ["name", "text[]"], ["short_name", "text[]"]]),
    [banks.map((b) => b.id), banks.map((b) => b.code), banks.map((b) => b.name), banks.map((b) => b.shortName)],
  );
}

/** The installation's banks as a later city's seed finds them (their BINs from the built-in list). */
export async function loadBanks(db: Queryable): Promise<BankRow[]> {
  const { rows } = await db.query<{ id: string; code: string; name: string; short_name: string }>(`SELECT "id", "code", "name", "short_name" FROM "bank" ORDER BY "code"`);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.short_name, bins: BANKS.find((b) => b.code === r.code)?.bins ?? ["621700"] }));
}
