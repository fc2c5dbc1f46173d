import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getPlaybook } from "@/lib/server/config/playbooks";
import { FraudTypeParamSchema, PLAYBOOK_CONTENT_MAX } from "@/lib/schemas/config";
import { lastChange } from "../../_lib/last-change";
import { PlaybookForm } from "../_components/playbook-form";

export default async function EditPlaybookPage({ params }: { params: Promise<{ fraudType: string }> }) {
  const actor = await requireActor();
  const parsed = FraudTypeParamSchema.safeParse((await params).fraudType);
  if (!parsed.success) notFound();
  const t = await getTranslations();
  const playbook = await loadOrNotFound(() => getPlaybook(actor, parsed.data));
  const type = t(`fraudType.${playbook.fraudType}`);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/playbooks" className="text-sm text-police-700 hover:underline">
          ← {t("adminConfig.playbooks.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("adminConfig.playbooks.editTitle", { type })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {lastChange(t, playbook.updatedAt, playbook.updatedByName) ?? t("adminConfig.playbooks.defaultText")}
          {playbook.version > 0 ? ` · ${t("adminConfig.playbooks.versionLabel", { version: playbook.version })}` : null}
        </p>
      </div>
      <section className="rounded border border-slate-200 bg-white p-4">
        <PlaybookForm
          fraudType={playbook.fraudType}
          version={playbook.version}
          title={playbook.title}
          content={playbook.content}
          maxLength={PLAYBOOK_CONTENT_MAX}
        />
      </section>
    </div>
  );
}
