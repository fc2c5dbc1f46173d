import { getLocale, getTranslations } from "next-intl/server";
import type { CaseTransferItem } from "@/lib/server/cases/get-case";
import { formatFen } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { MoneyClock } from "./money-clock";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/**
 * The money chain drawn as a tree, left to right: each victim's own account, the 一级 accounts the
 * money went to, then 二级, 三级… as the banks reported it moving on. Every box shows the amount,
 * what is stopped / frozen / returned / held now, and its clocks (minutes since the transfer, the
 * 48 h stop, the freeze). Plain boxes and connector lines; on a phone the picture scrolls sideways.
 */
export async function MoneyChain({ transfers }: { transfers: CaseTransferItem[] }) {
  const t = await getTranslations("cases");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  if (transfers.length === 0) return <p className="text-sm text-slate-500">{t("detail.noTransfers")}</p>;
  const children = new Map<string, CaseTransferItem[]>();
  for (const tr of transfers) if (tr.parentId) children.set(tr.parentId, [...(children.get(tr.parentId) ?? []), tr]);
  // Level 1 grouped by the victim's own account (unknown ones together).
  const roots = new Map<string, CaseTransferItem[]>();
  for (const tr of transfers.filter((x) => x.parentId === null)) {
    const key = tr.fromAccount ?? "";
    roots.set(key, [...(roots.get(key) ?? []), tr]);
  }
  const node = (tr: CaseTransferItem) => <TransferNode key={tr.id} transfer={tr} kids={children.get(tr.id) ?? []} all={children} t={t} locale={locale} />;
  return (
    <div className="overflow-x-auto pb-2" data-testid="money-chain">
      <ul className="w-max space-y-4" role="tree" aria-label={t("detail.chain")}>
        {[...roots.entries()].map(([from, level1]) => (
          <li key={from || "unknown"} className="flex items-start" role="treeitem" aria-selected="false">
            <div className="w-40 shrink-0 rounded border-2 border-police-700/40 bg-police-700/5 p-2 text-xs">
              <div className="font-semibold">{from ? t("detail.victimAccount") : t("detail.victimAccountUnknown")}</div>
              {from ? <div className="font-mono">{from}</div> : null}
            </div>
            <Branches>{level1.map(node)}</Branches>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The connectors: a short line out of the parent, a vertical spine, a short line into each child. */
function Branches({ children }: { children: React.ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <div className="flex items-start">
      <div className="mt-6 h-0.5 w-4 shrink-0 bg-slate-400" aria-hidden />
      <ul className="space-y-3 border-l-2 border-slate-400 py-1" role="group">
        {children}
      </ul>
    </div>
  );
}

function TransferNode({
  transfer: tr,
  kids,
  all,
  t,
  locale,
}: {
  transfer: CaseTransferItem;
  kids: CaseTransferItem[];
  all: Map<string, CaseTransferItem[]>;
  t: Translate;
  locale: "zh-CN" | "en";
}) {
  const fen = (v: string) => formatFen(BigInt(v), locale);
  const held = BigInt(tr.heldNowFen) > 0n;
  const lapsed = !held && BigInt(tr.stoppedFen) > 0n;
  const tone = held ? "border-green-700/50 bg-green-50" : lapsed ? "border-amber-600/50 bg-amber-50" : "border-slate-300 bg-white";
  return (
    <li className="flex items-start" role="treeitem" aria-selected="false" data-testid="chain-node" data-level={tr.level}>
      <div className="mt-6 h-0.5 w-4 shrink-0 bg-slate-400" aria-hidden />
      <div className={`w-56 shrink-0 space-y-0.5 rounded border-2 p-2 text-xs ${tone}`}>
        <div className="flex items-center justify-between gap-2">
          <span className="rounded bg-slate-800 px-1.5 py-0.5 text-[11px] font-medium text-white">{t("level", { level: tr.level })}</span>
          <span className="truncate font-semibold">{tr.bankName}</span>
        </div>
        <div className="font-mono">{tr.account}</div>
        <div>
          {t("detail.node.amount")} <span className="font-semibold tabular-nums">{fen(tr.amountFen)}</span>
          <span className="ml-1 text-slate-500 tabular-nums">{formatShanghai(tr.transferredAt).slice(5)}</span>
        </div>
        {BigInt(tr.stoppedFen) > 0n ? (
          <div>
            {t("detail.node.stopped")} <span className="tabular-nums">{fen(tr.stoppedFen)}</span>
            {tr.stopHolds ? null : <span className="ml-1 text-amber-800">({t("detail.node.lapsed")})</span>}
          </div>
        ) : null}
        {BigInt(tr.frozenFen) > 0n ? (
          <div>
            {t("detail.node.frozen")} <span className="tabular-nums">{fen(tr.frozenFen)}</span>
            {tr.freezeHolds ? null : <span className="ml-1 text-amber-800">({t("detail.node.lapsed")})</span>}
          </div>
        ) : null}
        {BigInt(tr.returnedFen) > 0n ? (
          <div>
            {t("detail.node.returned")} <span className="tabular-nums">{fen(tr.returnedFen)}</span>
          </div>
        ) : null}
        <div className="font-medium">
          {t("detail.node.held")} <span className="tabular-nums">{fen(tr.heldNowFen)}</span>
        </div>
        <div className="flex flex-col">
          {held ? null : <MoneyClock at={tr.transferredAt} mode="since" label={t("clock.sinceTransfer")} />}
          {tr.stopHolds && tr.stopEndsAt ? <MoneyClock at={tr.stopEndsAt} mode="until" label={t("clock.stopEnds")} /> : null}
          {tr.freezeHolds && tr.freezeEndsAt ? <MoneyClock at={tr.freezeEndsAt} mode="until" label={t("clock.freezeEnds")} /> : null}
        </div>
      </div>
      <Branches>{kids.map((k) => <TransferNode key={k.id} transfer={k} kids={all.get(k.id) ?? []} all={all} t={t} locale={locale} />)}</Branches>
    </li>
  );
}
