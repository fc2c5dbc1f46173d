"use server";

import { defineAction } from "@/lib/actions/define-action";
import { UpdateCitySettingsSchema } from "@/lib/schemas/city-settings";
import { updateCitySettings } from "@/lib/server/config/city-settings";

// No revalidation on a conflict: the form keeps the admin's amount and its old version, so a
// second click cannot silently overwrite the other change; reloading shows the latest.
export const updateCitySettingsAction = defineAction({
  schema: UpdateCitySettingsSchema,
  run: (actor, input) => updateCitySettings(actor, input),
  success: ({ changed }) => ({ message: changed ? "moneyAdmin.settings.saved" : "moneyAdmin.settings.unchanged" }),
  revalidate: { paths: () => ["/admin/money-settings"] },
});
