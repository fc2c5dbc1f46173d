import { getTranslations } from "next-intl/server";

/** 劝阻话术: what to say to a person targeted by this fraud type, kept by the admins. */
export async function Playbook({ playbook }: { playbook: { title: string; content: string } | null }) {
  const t = await getTranslations("triage.playbook");
  return (
    <section className="self-start rounded border border-amber-200 bg-amber-50 p-4 text-sm" aria-labelledby="playbook-heading" data-testid="playbook">
      <h2 id="playbook-heading" className="mb-2 font-semibold">
        {t("title")}
        {playbook ? <span className="ml-2 font-normal text-slate-700">{playbook.title}</span> : null}
      </h2>
      {playbook ? <div className="whitespace-pre-line leading-relaxed text-slate-800">{playbook.content}</div> : <p className="text-slate-500">{t("none")}</p>}
    </section>
  );
}
