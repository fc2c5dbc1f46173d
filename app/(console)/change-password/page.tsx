import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { ChangePasswordForm } from "./_components/change-password-form";

export default async function ChangePasswordPage() {
  const actor = await requireActor({ allowPasswordChange: true });
  const t = await getTranslations("changePassword");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {actor.mustChangePassword ? <p className="rounded bg-amber-50 px-3 py-2 text-amber-900" role="status">{t("mustChange")}</p> : null}
      <ChangePasswordForm />
    </div>
  );
}
