// The institutions that receive stop-payment and freeze requests. The 7 banks stationed in the
// center have a desk (Nanchang: "7 banks stationed in the center"): a liaison account per city
// answers their requests in the console. The others (more banks, and the payment institutions
// 第三方支付, whose account numbers are not bank cards) get their requests outside the console,
// and the analyst records the answer.
import { randomUUID } from "node:crypto";
import type { BankKind } from "@/prisma/generated/client/enums";
import { unnestInsertSql, type Queryable } from "./db";

export interface BankRow {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: BankKind;
  /** Whether its account numbers are bank cards with a Luhn check digit. */
  luhnChecked: boolean;
  /** Stationed in the center: the seed gives it a liaison in every city. */
  desk: boolean;
  /** Debit-card BINs used for plausible account numbers (none for a payment institution). */
  bins: readonly string[];
}

const bank = (code: string, name: string, shortName: string, desk: boolean, bins: readonly string[]): Omit<BankRow, "id"> =>
  ({ code, name, shortName, kind: "BANK", luhnChecked: true, desk, bins });
const paymentInstitution = (code: string, name: string, shortName: string): Omit<BankRow, "id"> =>
  ({ code, name, shortName, kind: "PAYMENT_INSTITUTION", luhnChecked: false, desk: false, bins: [] });

const BANKS: readonly Omit<BankRow, "id">[] = [
  bank("ICBC", "中国工商银行", "工商银行", true, ["622202", "621226", "621558"]),
  bank("ABC", "中国农业银行", "农业银行", true, ["622848", "623052", "622845"]),
  bank("BOC", "中国银行", "中国银行", true, ["621661", "621785", "456351"]),
  bank("CCB", "中国建设银行", "建设银行", true, ["621700", "622700", "436742"]),
  bank("BOCOM", "交通银行", "交通银行", true, ["622262", "622260"]),
  bank("CMB", "招商银行", "招商银行", true, ["621483", "622588", "621286"]),
  bank("PSBC", "中国邮政储蓄银行", "邮储银行", true, ["621799", "622188", "621098"]),
  bank("CIB", "兴业银行", "兴业银行", false, ["622909", "622908"]),
  bank("SPDB", "上海浦东发展银行", "浦发银行", false, ["622521", "622516"]),
  bank("CITIC", "中信银行", "中信银行", false, ["622690", "622689"]),
  paymentInstitution("ALIPAY", "支付宝（中国）网络技术有限公司", "支付宝"),
  paymentInstitution("TENPAY", "财付通支付科技有限公司", "财付通"),
];

export function buildBanks(): BankRow[] {
  return BANKS.map((b) => ({ ...b, id: randomUUID() }));
}

export async function insertBanks(db: Queryable, banks: readonly BankRow[]): Promise<void> {
  await db.query(
    unnestInsertSql("bank", [["id", "uuid[]"], ["code", "text[]"], ["name", "text[]"], ["short_name", "text[]"], ["kind", '"BankKind"[]'], ["luhn_checked", "bool[]"]]),
    [banks.map((b) => b.id), banks.map((b) => b.code), banks.map((b) => b.name), banks.map((b) => b.shortName), banks.map((b) => b.kind), banks.map((b) => b.luhnChecked)],
  );
}

/** The installation's banks as a later city's seed finds them (desk and BINs from the built-in list). */
export async function loadBanks(db: Queryable): Promise<BankRow[]> {
  const { rows } = await db.query<{ id: string; code: string; name: string; short_name: string; kind: BankKind; luhn_checked: boolean }>(
    `SELECT "id", "code", "name", "short_name", "kind", "luhn_checked" FROM "bank" ORDER BY "code"`,
  );
  return rows.map((r) => {
    const known = BANKS.find((b) => b.code === r.code);
    return {
      id: r.id, code: r.code, name: r.name, shortName: r.short_name, kind: r.kind, luhnChecked: r.luhn_checked,
      desk: known?.desk ?? false, bins: known?.bins ?? (r.luhn_checked ? ["621700"] : []),
    };
  });
}
