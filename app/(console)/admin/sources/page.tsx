import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listSources } from "@/lib/server/sources/list-sources";
import { can } from "@/lib/auth/permissions";
import { formatShanghai } from "@/lib/time";
import { SourceKind } from "@/prisma/generated/client/enums";
import { CreateSourceForm } from "./_components/create-source-form";
import { SourceActiveToggle } from "./_components/source-active-toggle";
import { CreateApiKeyForm } from "./_components/create-api-key-form";
import { RevokeApiKeyButton } from "./_components/revoke-api-key-button";

export default async function SourcesPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const sources = await loadOrNotFound(() => listSources(actor));
  // Sources are the system administrator's, their keys the security administrator's (三权分立);
  // the domain functions check again.
  const manageSources = can(actor, "source.manage");
  const manageKeys = can(actor, "apiKey.manage");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("adminConfig.sources.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("adminConfig.sources.intro")}</p>
      </div>

      {sources.map((s) => {
        const activeKeys = s.keys.filter((k) => !k.revokedAt).length;
        return (
          <section key={s.id} className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby={`source-${s.id}`} data-testid={`source-${s.code}`}>
            <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
              <div className="min-w-0 flex-1">
                <h2 id={`source-${s.id}`} className="font-semibold">
                  {s.name} <span className="ml-2 font-mono text-sm font-normal text-slate-500">{s.code}</span>
                </h2>
                <p className="text-sm text-slate-600">
                  {t(`sourceKind.${s.kind}`)} ·{" "}
                  {s.active ? (
                    <span className="text-green-800">{t("adminConfig.sources.active")}</span>
                  ) : (
                    <span className="font-semibold text-red-700">{t("adminConfig.sources.inactive")}</span>
                  )}{" "}
                  · {t("adminConfig.sources.activeKeyCount", { count: activeKeys })}
                </p>
              </div>
              {manageSources ? <SourceActiveToggle sourceId={s.id} sourceName={s.name} active={s.active} /> : null}
            </div>

            {manageKeys ? <CreateApiKeyForm sourceId={s.id} sourceName={s.name} /> : null}

            {s.keys.length === 0 ? (
              <p className="text-sm text-slate-500">{t("adminConfig.sources.noKeys")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm" aria-label={t("adminConfig.sources.keysOf", { source: s.name })}>
                  <thead className="bg-slate-100 text-left text-slate-600">
                    <tr>
                      <th className="px-3 py-2">{t("adminConfig.sources.keyCol.prefix")}</th>
                      <th className="px-3 py-2">{t("adminConfig.sources.keyCol.createdAt")}</th>
                      <th className="px-3 py-2">{t("adminConfig.sources.keyCol.createdBy")}</th>
                      <th className="px-3 py-2">{t("adminConfig.sources.keyCol.lastUsedAt")}</th>
                      <th className="px-3 py-2">{t("adminConfig.sources.keyCol.status")}</th>
                      <th className="px-3 py-2">{t("adminConfig.sources.keyCol.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.keys.map((k) => (
                      <tr key={k.id} className="border-t border-slate-100 align-top" data-testid={`api-key-${k.prefix}`}>
                        <td className="px-3 py-2 font-mono">{k.prefix}…</td>
                        <td className="px-3 py-2">{formatShanghai(k.createdAt)}</td>
                        <td className="px-3 py-2">{k.createdByName ?? "—"}</td>
                        <td className="px-3 py-2">{k.lastUsedAt ? formatShanghai(k.lastUsedAt) : t("adminConfig.sources.neverUsed")}</td>
                        <td className="px-3 py-2">
                          {k.revokedAt ? (
                            <span className="text-red-700">{t("adminConfig.sources.revokedAt", { time: formatShanghai(k.revokedAt) })}</span>
                          ) : (
                            <span className="text-green-800">{t("adminConfig.sources.keyValid")}</span>
                          )}
                        </td>
                        <td className="px-3 py-2">{k.revokedAt || !manageKeys ? null : <RevokeApiKeyButton keyId={k.id} prefix={k.prefix} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      {manageSources ? (
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t("adminConfig.sources.createTitle")}</h2>
          <CreateSourceForm kinds={Object.values(SourceKind).map((k) => ({ value: k, label: t(`sourceKind.${k}`) }))} />
        </section>
      ) : null}
    </div>
  );
}
