"use client";

import { useTranslations } from "next-intl";

// Unexpected errors: the user gets a reference (Next's digest, which is also in the server
// log line), never a stack trace.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      {error.digest ? <p className="mt-2 font-mono text-sm text-slate-500">{t("reference", { ref: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded bg-police-700 px-4 py-2 text-white hover:bg-police-800">
        {t("retry")}
      </button>
    </main>
  );
}
