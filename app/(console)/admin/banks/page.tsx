import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listBanks } from "@/lib/server/config/banks";
import { BankKind } from "@/prisma/generated/client/enums";
import { BankActiveToggle } from "./_components/bank-active-toggle";
import { BankForm } from "./_components/bank-form";

/** 银行与支付机构: who receives the stop, freeze and return requests, and which have a desk in the center. */
export default async function BanksPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const { rows, canManage } = await loadOrNotFound(() => listBanks(actor));
  const yesNo = (v: boolean) => t(v ? "moneyAdmin.banks.yes" : "moneyAdmin.banks.no");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("moneyAdmin.banks.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(canManage ? "moneyAdmin.banks.intro" : "moneyAdmin.banks.introCity")}</p>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t("moneyAdmin.banks.col.name")}</th>
              <th className="px-3 py-2">{t("moneyAdmin.banks.col.shortName")}</th>
              <th className="px-3 py-2">{t("moneyAdmin.banks.col.code")}</th>
              <th className="px-3 py-2">{t("moneyAdmin.banks.col.kind")}</th>
              <th className="px-3 py-2">{t("moneyAdmin.banks.col.luhn")}</th>
              <th className="px-3 py-2">{t("moneyAdmin.banks.col.status")}</th>
              <th className="px-3 py-2">{t(canManage ? "moneyAdmin.banks.col.deskCities" : "moneyAdmin.banks.col.desk")}</th>
              {canManage ? <th className="px-3 py-2">{t("moneyAdmin.banks.col.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={canManage ? 8 : 7} className="px-3 py-6 text-center text-slate-500">
                  {t("moneyAdmin.banks.empty")}
                </td>
              </tr>
            ) : null}
            {rows.map((b) => (
              <tr key={b.id} className="border-t border-slate-100 align-top" data-testid={`bank-${b.code}`}>
                <td className="px-3 py-2 font-medium">{b.name}</td>
                <td className="px-3 py-2">{b.shortName}</td>
                <td className="px-3 py-2 font-mono">{b.code}</td>
                <td className="whitespace-nowrap px-3 py-2">{t(`moneyAdmin.bankKind.${b.kind}`)}</td>
                <td className="px-3 py-2">{yesNo(b.luhnChecked)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  {b.active ? (
                    <span className="text-green-800">{t("moneyAdmin.banks.active")}</span>
                  ) : (
                    <span className="font-semibold text-red-700">{t("moneyAdmin.banks.inactive")}</span>
                  )}
                </td>
                <td className="px-3 py-2" data-testid="bank-desk">
                  {b.desk !== null ? yesNo(b.desk) : b.deskCities?.length ? b.deskCities.join("、") : t("moneyAdmin.banks.noDesk")}
                </td>
                {canManage ? (
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap items-start gap-2">
                      <Link
                        href={`/admin/banks/${b.id}`}
                        className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0"
                        aria-label={t("moneyAdmin.banks.editOf", { name: b.name })}
                      >
                        {t("moneyAdmin.banks.edit")}
                      </Link>
                      <BankActiveToggle bankId={b.id} name={b.name} active={b.active} />
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canManage ? (
        <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="bank-create">
          <h2 id="bank-create" className="mb-3 font-semibold">
            {t("moneyAdmin.banks.createTitle")}
          </h2>
          <BankForm kinds={Object.values(BankKind).map((k) => ({ value: k, label: t(`moneyAdmin.bankKind.${k}`) }))} />
        </section>
      ) : null}
    </div>
  );
}
