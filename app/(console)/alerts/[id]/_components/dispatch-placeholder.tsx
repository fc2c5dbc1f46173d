import { getTranslations } from "next-intl/server";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";

/** Says plainly that dispatching (交) is not in this release, instead of a button that does nothing. */
export async function DispatchPlaceholder() {
  const t = await getTranslations("triage.dispatch");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" disabled aria-describedby="dispatch-note" className={`${BUTTON_SECONDARY_COMPACT} cursor-not-allowed`}>
        {t("button")}
      </button>
      <p id="dispatch-note" className="text-xs text-slate-500">
        {t("note")}
      </p>
    </div>
  );
}
