import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getUsersScreen } from "@/lib/server/users/list-users";
import { ROLES, can } from "@/lib/auth/permissions";
import { formatShanghai } from "@/lib/time";
import { Role } from "@/prisma/generated/client/enums";
import { UserRowActions } from "./_components/user-row-actions";
import { CreateUserForm } from "./_components/create-user-form";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 64) : undefined;
  const role = typeof sp.role === "string" && sp.role in Role ? (sp.role as Role) : undefined;
  const pageNo = Number(typeof sp.page === "string" ? sp.page : 1) || 1;
  // The system administrator manages accounts, the security administrator unlocks them (三权分立).
  const manage = can(actor, "user.manage");
  const unlock = can(actor, "user.unlock");
  // One call, so that a refused look is audited once; the units are there for those who create accounts.
  const { list: result, assignable } = await loadOrNotFound(() => getUsersScreen(actor, { q, role, page: pageNo }));
  const pageHref = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("admin.usersTitle")}</h1>

      {assignable ? (
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t("admin.createTitle")}</h2>
          <CreateUserForm
            roles={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            units={assignable.units.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            banks={assignable.banks.map((b) => ({ value: b.id, label: b.shortName }))}
          />
        </section>
      ) : null}

      <form method="get" className="flex flex-wrap gap-3">
        <input name="q" defaultValue={q} placeholder={t("admin.search")} aria-label={t("admin.search")} className="rounded border border-slate-300 px-2 py-1" />
        <select name="role" defaultValue={role ?? ""} aria-label={t("admin.col.role")} className="rounded border border-slate-300 px-2 py-1">
          <option value="">{t("admin.allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>{t(`roles.${r}`)}</option>
          ))}
        </select>
        <button type="submit" className="rounded bg-police-700 px-3 py-1 text-white">{t("alerts.apply")}</button>
      </form>

      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t("admin.col.username")}</th>
              <th className="px-3 py-2">{t("admin.col.displayName")}</th>
              <th className="px-3 py-2">{t("admin.col.role")}</th>
              <th className="px-3 py-2">{t("admin.col.unit")}</th>
              <th className="px-3 py-2">{t("admin.col.status")}</th>
              <th className="px-3 py-2">{t("admin.col.lock")}</th>
              <th className="px-3 py-2">{t("admin.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((u) => {
              const locked = u.locked;
              return (
                <tr key={u.id} className="border-t border-slate-100 align-top" data-testid={`user-row-${u.username}`}>
                  <td className="px-3 py-2 font-mono">{u.username}</td>
                  <td className="px-3 py-2">{u.displayName}</td>
                  <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                  <td className="px-3 py-2">{u.unitName}{u.bankName ? ` · ${u.bankName}` : ""}</td>
                  <td className="px-3 py-2">
                    {t(`userStatus.${u.status}`)}
                    {u.mustChangePassword ? <span className="ml-1 text-xs text-amber-700">({t("admin.mustChange")})</span> : null}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {locked ? <span className="font-semibold text-red-700">{t("admin.lockedUntil", { time: formatShanghai(u.lockedUntil!) })}</span> : null}
                    {u.failedLoginCount > 0 ? <div className="text-slate-500">{t("admin.failedCount", { count: u.failedLoginCount })}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    <UserRowActions userId={u.id} username={u.username} version={u.version} active={u.status === "ACTIVE"} locked={locked} isSelf={u.id === actor.userId} manage={manage} unlock={unlock} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav className="flex items-center gap-4 text-sm" aria-label={t("admin.page", { page: result.page, pageCount: result.pageCount, total: result.total })}>
        {result.page > 1 ? <Link href={pageHref(result.page - 1)} className="text-police-700 hover:underline">{t("admin.prev")}</Link> : null}
        <span>{t("admin.page", { page: result.page, pageCount: result.pageCount, total: result.total })}</span>
        {result.page < result.pageCount ? <Link href={pageHref(result.page + 1)} className="text-police-700 hover:underline">{t("admin.next")}</Link> : null}
      </nav>
    </div>
  );
}
