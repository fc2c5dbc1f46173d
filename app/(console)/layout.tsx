import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ActivityBeacon } from "@/components/session/activity-beacon";
import { FormMessages } from "@/components/ui/form-message";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { countUnreadNotifications } from "@/lib/server/notifications/list-notifications";
import { signOutAction } from "./actions";

// The shell. It checks the session for rendering the navigation only; every page and action
// below checks again for itself.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor({ allowPasswordChange: true });
  const t = await getTranslations();
  // The dispatch chain's lists by the role's work: analysts what they issued, coordinators their
  // district, and the overview for those who follow it city- or district-wide (not the stations,
  // whose inbox is their list).
  const overview = actor.role === "ANALYST" || actor.role === "SUPERVISOR" || actor.role === "DISTRICT_COORDINATOR";
  const links = [
    can(actor, "alert.triage") && { href: "/queue", label: t("nav.queue") },
    actor.role === "ANALYST" && can(actor, "instruction.dispatch") && { href: "/instructions/issued", label: t("instructionLists.nav.issued") },
    actor.role === "DISTRICT_COORDINATOR" && can(actor, "instruction.route") && { href: "/district", label: t("instructionLists.nav.district") },
    overview && can(actor, "instruction.read") && { href: "/instructions", label: t("instructionLists.nav.city") },
    can(actor, "alert.list") && { href: "/alerts", label: t("nav.alerts") },
    can(actor, "ranking.read") && { href: "/rankings", label: t("nav.rankings") },
    can(actor, "bankDesk.read") && { href: "/bank-desk", label: t("nav.bankDesk") },
    can(actor, "user.list") && { href: "/admin/users", label: t("nav.adminUsers") },
    can(actor, "source.list") && { href: "/admin/sources", label: t("nav.adminSources") },
    can(actor, "config.manage") && { href: "/admin/deadlines", label: t("nav.adminDeadlines") },
    can(actor, "config.manage") && { href: "/admin/playbooks", label: t("nav.adminPlaybooks") },
    can(actor, "community.manage") && { href: "/admin/communities", label: t("nav.adminCommunities") },
    can(actor, "audit.read") && { href: "/audit", label: t("nav.audit") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  const bell = !actor.mustChangePassword && can(actor, "notification.read");
  const unread = bell ? await countUnreadNotifications(actor) : 0;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only">
        {t("app.skipToContent")}
      </a>
      <header className="bg-police-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.name")} className="flex flex-wrap gap-4 text-sm">
            {!actor.mustChangePassword &&
              links.map((l) => (
                <Link key={l.href} href={l.href} className="hover:underline">
                  {l.label}
                </Link>
              ))}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {bell ? <NotificationBell unread={unread} /> : null}
            <span data-testid="current-user">
              {actor.displayName} · {t(`roles.${actor.role}`)} · {actor.unitName}
            </span>
            <Link href="/change-password" className="hover:underline">
              {t("nav.changePassword")}
            </Link>
            <LanguageSwitcher />
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <ActivityBeacon />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <FormMessages>{children}</FormMessages>
      </main>
    </div>
  );
}
