import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getBank } from "@/lib/server/config/banks";
import { BankIdParamSchema } from "@/lib/schemas/banks";
import { BankKind } from "@/prisma/generated/client/enums";
import { BankForm } from "../_components/bank-form";

export default async function EditBankPage({ params }: { params: Promise<{ bankId: string }> }) {
  const actor = await requireActor();
  const parsed = BankIdParamSchema.safeParse((await params).bankId);
  if (!parsed.success) notFound();
  const t = await getTranslations();
  const bank = await loadOrNotFound(() => getBank(actor, parsed.data));
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/banks" className="text-sm text-police-700 hover:underline">
          ← {t("moneyAdmin.banks.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("moneyAdmin.banks.editTitle", { name: bank.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(bank.active ? "moneyAdmin.banks.editIntro" : "moneyAdmin.banks.editIntroInactive")}</p>
      </div>
      <section className="rounded border border-slate-200 bg-white p-4">
        <BankForm kinds={Object.values(BankKind).map((k) => ({ value: k, label: t(`moneyAdmin.bankKind.${k}`) }))} bank={bank} />
      </section>
    </div>
  );
}
