import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { checkReceivingAccount, accountLast4, normalizeReceivingAccount } from "@/lib/cases/receiving-account";
import { OPEN_REQUEST_STATUSES } from "@/lib/cases/bank-request-state";
import { vault } from "@/lib/server/pii/vault";
import { notify } from "@/lib/server/notifications/notify";
import { getLargeStopThresholdFen } from "@/lib/server/config/city-settings";
import { supervisorRecipients } from "./bank-desks";
import { createBankRequest } from "./create-bank-request";

/** The legal limit: one account can be stopped at most twice (紧急止付). */
export const MAX_STOPS_PER_ACCOUNT = 2;

export interface ReceivingAccountInput {
  bankId: string;
  account: string;
  holder?: string;
}

export interface SealedAccount {
  bankId: string;
  accountSealed: string;
  accountIndex: string;
  accountLast4: string;
  holderSealed: string | null;
}

/**
 * Checks and seals a receiving account: the institution must exist and be active (else a field
 * error on `bankId`), the number must fit it (on `account`). Only the sealed value, its blind index
 * and the last four characters are kept.
 */
export async function sealReceivingAccount(tx: Tx, input: ReceivingAccountInput, fieldPrefix = ""): Promise<SealedAccount> {
  const bank = await tx.bank.findFirst({ where: { id: input.bankId, active: true }, select: { id: true, kind: true, luhnChecked: true } });
  if (!bank) throw new ValidationError("money.validation.unknownBank", `${fieldPrefix}bankId`);
  const refusal = checkReceivingAccount(input.account, bank);
  if (refusal) throw new ValidationError(`money.validation.${refusal}`, `${fieldPrefix}account`);
  const account = normalizeReceivingAccount(input.account, bank);
  const v = vault();
  return {
    bankId: bank.id,
    accountSealed: v.seal("bankAccount", account),
    accountIndex: v.blindIndex("bankAccount", account),
    accountLast4: accountLast4(account),
    holderSealed: input.holder ? v.seal("accountHolder", input.holder) : null,
  };
}

/**
 * Refuses a third stop on an account (a bank's account number): the stops that took effect
 * (account_stop, which the database also caps) and the ones still waiting for an answer both
 * count. A transaction-scoped advisory lock on the account makes two filings on one account queue.
 */
export async function assertStopAllowed(tx: Tx, account: Pick<SealedAccount, "bankId" | "accountIndex">, field: string): Promise<void> {
  const { bankId, accountIndex } = account;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account_stop:${bankId}:${accountIndex}`}))`;
  const taken = await tx.accountStop.findUnique({ where: { bankId_accountIndex: { bankId, accountIndex } }, select: { stops: true } });
  const pending = await tx.bankRequest.count({ where: { bankId, accountIndex, kind: "STOP", status: { in: [...OPEN_REQUEST_STATUSES] } } });
  if ((taken?.stops ?? 0) + pending >= MAX_STOPS_PER_ACCOUNT) throw new ValidationError("money.errors.thirdStop", field);
}

/**
 * Sends a stop to the bank at once (a stop never waits for anyone): at its desk when it has one,
 * otherwise marked as sent outside the console. Reply-by from the deadline rules; the desk hears
 * of it live; a stop above the city's threshold tells the supervisors.
 */
export async function sendStop(
  tx: Tx,
  actor: Actor,
  subject: { cityId: string; districtId: string | null; stationId: string | null; caseId: string; transferId: string; parentRequestId?: string | null },
  account: SealedAccount,
  amountFen: bigint,
): Promise<{ requestId: string }> {
  const { requestId } = await createBankRequest(
    tx,
    actor,
    { kind: "STOP", ...subject, account, amountFen },
    subject.parentRequestId ? { followOn: subject.parentRequestId } : {},
  );
  if (amountFen > (await getLargeStopThresholdFen(tx, subject.cityId))) {
    await notify(tx, { cityId: subject.cityId, kind: "LARGE_STOP", bankRequestId: requestId }, { ...supervisorRecipients(subject.cityId), exceptUserId: actor.userId });
  }
  return { requestId };
}
