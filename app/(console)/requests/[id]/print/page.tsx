import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getRequestPrint } from "@/lib/server/bank-requests/get-request-print";
import { fenInCapitals } from "@/lib/cases/amount-in-capitals";
import { shortId } from "@/lib/audit/describe-audit-event";
import { formatFen } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { AccountRows } from "./_components/account-rows";
import { PrintButton } from "./_components/print-button";

// A4 with the margins of an official notice; printed, only the document shows (the console's
// header hides itself in print, and so does everything marked print:hidden here).
const PRINT_CSS = `@page { size: A4; margin: 20mm 18mm; }
@media print { html, body { background: #fff !important; } }`;

const TH = "w-32 border border-black px-2 py-1.5 text-left align-top font-medium";
const TD = "border border-black px-2 py-1.5 align-top";

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <tr>
      <th scope="row" className={TH}>
        {label}
      </th>
      <td className={TD} data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}

/**
 * 打印: one request to a bank as the bank needs it on paper — 紧急止付申请 (case, account, holder,
 * amount in figures and in capitals, transfer time, reply-by), 冻结/续冻/解冻通知 (notice number,
 * term, approval), 返还决定 (decision number, mode, shares). Personal data masked unless revealed
 * for this print with an audited reason. Same jurisdiction as the request; outsiders: not found.
 */
export default async function RequestPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const r = await loadOrNotFound(() => getRequestPrint(actor, id));
  const p = (key: string, values?: Record<string, string | number>) => t(`requestPrint.${key}`, values);
  const isStop = r.kind === "STOP" || r.kind === "PROTECTIVE_STOP";
  const isNotice = r.kind === "FREEZE" || r.kind === "RENEW" || r.kind === "UNFREEZE";
  const caseRef = r.case ? (r.case.caseNumber ?? p("caseNotFiled", { ref: shortId(r.case.id) })) : null;

  return (
    <div className="space-y-4 print:space-y-0">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm print:hidden">
        <Link href={`/requests/${r.id}`} className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
          ← {p("back")}
        </Link>
        <span className="ml-auto">
          <PrintButton label={p("print")} />
        </span>
      </div>

      <article className="mx-auto max-w-[210mm] bg-white px-4 py-6 text-black shadow sm:px-[18mm] sm:py-[20mm] print:max-w-none print:p-0 print:shadow-none" aria-labelledby="print-title">
        <header className="mb-6 text-center">
          <h1 id="print-title" className="text-2xl font-bold tracking-widest">
            {p(`title.${r.kind}`)}
          </h1>
          <p className="mt-2 text-sm">
            {p("number", { ref: shortId(r.id) })}
            {r.status === "AWAITING_APPROVAL" ? <span className="ml-3 font-semibold">{p("notApproved")}</span> : null}
          </p>
        </header>

        <p className="mb-3">{p("to", { bank: r.bankName })}</p>
        <p className="mb-4 leading-relaxed">{p(`lead.${r.kind}`)}</p>

        <table className="w-full border-collapse text-sm">
          <tbody>
            {caseRef ? <Row label={p("case")}>{caseRef}</Row> : null}
            <Row label={p("bank")}>{r.bankName}</Row>
            <AccountRows requestId={r.id} accountMasked={r.accountMasked} holderMasked={r.holderMasked} canReveal={can(actor, "bankRequest.revealAccount")} />
            <Row label={p(isStop ? "amountStop" : "amount")} testId="print-amount">
              <span className="tabular-nums">{formatFen(r.amountFen, locale)}</span>
              <span className="ml-3">{p("capitals", { words: fenInCapitals(r.amountFen) })}</span>
            </Row>
            {r.transferredAt ? (
              <Row label={p("transferredAt")}>
                {formatShanghai(r.transferredAt)}
                {r.transferAmountFen !== null ? <span className="ml-3 tabular-nums">{p("transferAmount", { amount: formatFen(r.transferAmountFen, locale) })}</span> : null}
              </Row>
            ) : null}
            {isNotice || r.kind === "RETURN" ? <Row label={p(r.kind === "RETURN" ? "decisionNumber" : "noticeNumber")}>{r.noticeNumber ?? p("notApproved")}</Row> : null}
            {r.termMonths !== null ? <Row label={p("term")}>{p("termMonths", { months: r.termMonths })}</Row> : null}
            {r.approvedAt ? <Row label={p("approval")}>{p("approvedBy", { name: r.approvedByName ?? "—", at: formatShanghai(r.approvedAt) })}</Row> : null}
            {r.kind === "RETURN" && r.returnMode ? (
              <Row label={p("returnMode")}>
                {p(`returnModes.${r.returnMode}`)}
                {r.returnToMasked ? <span className="ml-3 font-mono">{r.returnToMasked}</span> : null}
              </Row>
            ) : null}
            {r.status !== "AWAITING_APPROVAL" ? <Row label={p("replyBy")}>{formatShanghai(r.replyBy)}</Row> : null}
          </tbody>
        </table>

        {r.shares.length > 0 ? (
          <table className="mt-4 w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-medium">{p("shares")}</caption>
            <thead>
              <tr>
                <th scope="col" className={TH}>
                  {p("shareTransfer")}
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  {p("shareLoss")}
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  {p("shareAmount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.shares.map((s) => (
                <tr key={s.transferId}>
                  <td className={TD}>{shortId(s.transferId)}</td>
                  <td className={`${TD} text-right tabular-nums`}>{formatFen(s.lossFen, locale)}</td>
                  <td className={`${TD} text-right tabular-nums`}>{formatFen(s.shareFen, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}

        <footer className="mt-10 grid grid-cols-2 gap-6 text-sm">
          <div className="space-y-1">
            <p>{p("filedBy", { name: r.filedByName ?? "—" })}</p>
            <p>{p("filedAt", { at: formatShanghai(r.filedAt) })}</p>
          </div>
          <div className="space-y-6 text-right">
            <p>{p("seal")}</p>
            <p>{p("sealDate")}</p>
          </div>
        </footer>
      </article>
    </div>
  );
}
