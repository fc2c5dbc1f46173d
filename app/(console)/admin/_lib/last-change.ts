import type { getTranslations } from "next-intl/server";
import { formatShanghai } from "@/lib/time";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** When a setting was last changed, and by whom if known ("2026-11-21 14:03 由 张三 修改"); null if never. */
export function lastChange(t: Translator, at: string | null, by: string | null): string | null {
  if (!at) return null;
  return by ? t("adminConfig.updatedBy", { time: formatShanghai(at), user: by }) : formatShanghai(at);
}
