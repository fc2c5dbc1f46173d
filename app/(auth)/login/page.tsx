import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { LanguageSwitcher } from "@/components/language-switcher";
import { LoginForm } from "./_components/login-form";

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-police-900 to-police-700 p-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-xl">
        <div className="mb-6 flex items-start justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold text-police-900">{t("app.name")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("app.tagline")}</p>
          </div>
          <LanguageSwitcher />
        </div>
        <h2 className="sr-only">{t("login.title")}</h2>
        <LoginForm />
        <p className="mt-6 text-xs leading-relaxed text-slate-500">{t("login.notice")}</p>
      </div>
    </main>
  );
}
