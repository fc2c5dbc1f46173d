import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getCitySettings } from "@/lib/server/config/city-settings";
import { DEFAULT_LARGE_STOP_THRESHOLD_FEN } from "@/lib/schemas/city-settings";
import { fenToYuanText, formatFen, type MoneyLocale } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { CitySettingsForm } from "./_components/city-settings-form";

/** 资金设置: the city's own money settings (the large-stop threshold). */
export default async function MoneySettingsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) as MoneyLocale;
  const settings = await loadOrNotFound(() => getCitySettings(actor));
  const threshold = BigInt(settings.largeStopThresholdFen);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("moneyAdmin.settings.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("moneyAdmin.settings.intro")}</p>
      </div>
      <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="large-stop">
        <h2 id="large-stop" className="font-semibold">
          {t("moneyAdmin.settings.largeStopTitle")}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600" data-testid="large-stop-current">
          {settings.isDefault
            ? t("moneyAdmin.settings.currentDefault", { amount: formatFen(threshold, locale) })
            : t("moneyAdmin.settings.current", {
                amount: formatFen(threshold, locale),
                time: formatShanghai(settings.updatedAt!),
                defaultAmount: formatFen(DEFAULT_LARGE_STOP_THRESHOLD_FEN, locale),
              })}
        </p>
        <CitySettingsForm version={settings.version} threshold={fenToYuanText(threshold)} />
      </section>
    </div>
  );
}
