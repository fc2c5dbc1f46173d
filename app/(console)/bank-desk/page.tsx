import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getBankDesk } from "@/lib/server/bank-desk/get-bank-desk";

export default async function BankDeskPage() {
  const actor = await requireActor();
  const t = await getTranslations("bankDesk");
  const desk = await loadOrNotFound(() => getBankDesk(actor));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600" data-testid="bank-name">{t("bank", { bank: desk.bankName })}</p>
      <p className="text-sm text-slate-500">{t("explain")}</p>
      <div className="rounded border border-slate-200 bg-white p-8 text-center text-slate-500" data-testid="bank-desk-empty">
        {t("empty")}
      </div>
    </div>
  );
}
