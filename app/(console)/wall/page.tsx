import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getWallScreen } from "@/lib/server/wall/get-wall-screen";

/**
 * The wall screen's landing page. The display account sees aggregates only, and those arrive with
 * the results workflow; until then it is told so, and reads nothing.
 */
export default async function WallPage() {
  const actor = await requireActor();
  await loadOrNotFound(() => getWallScreen(actor));
  const t = await getTranslations("wall");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("notYet")}</p>
    </div>
  );
}
