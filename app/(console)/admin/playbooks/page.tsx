import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listPlaybooks } from "@/lib/server/config/playbooks";
import { lastChange } from "../_lib/last-change";

const EXCERPT_CHARS = 80;

export default async function PlaybooksPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const playbooks = await loadOrNotFound(() => listPlaybooks(actor));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("adminConfig.playbooks.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("adminConfig.playbooks.intro")}</p>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t("adminConfig.playbooks.col.fraudType")}</th>
              <th className="px-3 py-2">{t("adminConfig.playbooks.col.title")}</th>
              <th className="px-3 py-2">{t("adminConfig.playbooks.col.excerpt")}</th>
              <th className="px-3 py-2">{t("adminConfig.playbooks.col.updated")}</th>
              <th className="px-3 py-2">{t("adminConfig.playbooks.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {playbooks.map((p) => {
              const flat = p.content.replace(/\s+/g, " ");
              return (
                <tr key={p.fraudType} className="border-t border-slate-100 align-top" data-testid={`playbook-${p.fraudType}`}>
                  <td className="whitespace-nowrap px-3 py-2 font-medium">{t(`fraudType.${p.fraudType}`)}</td>
                  <td className="px-3 py-2">{p.version === 0 ? <span className="text-amber-700">{t("adminConfig.playbooks.missing")}</span> : p.title}</td>
                  <td className="px-3 py-2 text-slate-600">{flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                    {lastChange(t, p.updatedAt, p.updatedByName) ?? t("adminConfig.playbooks.defaultText")}
                  </td>
                  <td className="px-3 py-2">
                    <Link
                      href={`/admin/playbooks/${p.fraudType}`}
                      className="text-police-700 hover:underline"
                      aria-label={t("adminConfig.playbooks.editOf", { type: t(`fraudType.${p.fraudType}`) })}
                    >
                      {t("adminConfig.playbooks.edit")}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
