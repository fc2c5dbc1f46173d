import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What "not found" says, with the way home: the same words inside the console and outside it. */
export async function NotFoundNotice() {
  const t = await getTranslations("notFound");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded bg-police-700 px-4 py-2 text-white hover:bg-police-800">
        {t("home")}
      </Link>
    </>
  );
}
