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
    can(actor, "instruction.work") && { href: "/inbox", label: t("inbox.title") },
    can(actor, "alert.triage") && { href: "/queue", label: t("nav.queue") },
    actor.role === "ANALYST" && can(actor, "instruction.dispatch") && { href: "/instructions/issued", label: t("instructionLists.nav.issued") },
    actor.role === "DISTRICT_COORDINATOR" && can(actor, "instruction.route") && { href: "/district", label: t("instructionLists.nav.district") },
    overview && can(actor, "instruction.read") && { href: "/instructions", label: t("instructionLists.nav.city") },
    can(actor, "alert.list") && { href: "/alerts", label: t("nav.alerts") },
    can(actor, "case.read") && { href: "/cases", label: t("cases.nav.cases") },
    can(actor, "case.approve") && { href: "/approvals", label: t("cases.nav.approvals") },
    can(actor, "ranking.read") && { href: "/rankings", label: t("nav.rankings") },
    can(actor, "bankDesk.read") && { href: "/bank-desk", label: t("nav.bankDesk") },
    can(actor, "user.list") && { href: "/admin/users", label: t("nav.adminUsers") },
    can(actor, "source.list") && { href: "/admin/sources", label: t("nav.adminSources") },
    can(actor, "config.manage") && { href: "/admin/deadlines", label: t("nav.adminDeadlines") },
    can(actor, "config.manage") && { href: "/admin/playbooks", label: t("nav.adminPlaybooks") },
    can(actor, "community.manage") && { href: "/admin/communities", label: t("nav.adminCommunities") },
    can(actor, "calendar.read") && { href: "/admin/calendar", label: t("nav.adminCalendar") },
    can(actor, "bankConfig.list") && { href: "/admin/banks", label: t("nav.adminBanks") },
    can(actor, "citySetting.manage") && { href: "/admin/money-settings", label: t("nav.adminMoneySettings") },
    can(actor, "audit.read") && { href: "/audit", label: t("nav.audit") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  const bell = !actor.mustChangePassword && can(actor, "notification.read");
  const unread = bell ? await countUnreadNotifications(actor) : 0;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only print:hidden">
        {t("app.skipToContent")}
      </a>
      {/* One row on a desktop: name, navigation, then the account. On a phone (below sm) the same
          elements reflow into three short rows — name and sign-out; who is signed in; navigation,
          password and language — and every link and button is at least 44 px tall. */}
      <header className="bg-police-900 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 px-3 py-1 sm:gap-x-6 sm:gap-y-2 sm:px-4 sm:py-3">
          <Link href="/" className="order-1 inline-flex min-h-11 items-center whitespace-nowrap text-lg font-semibold sm:min-h-0">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.name")} className="order-4 flex flex-wrap gap-x-4 text-sm sm:order-2">
            {!actor.mustChangePassword &&
              links.map((l) => (
                <Link key={l.href} href={l.href} className="inline-flex min-h-11 items-center whitespace-nowrap hover:underline sm:min-h-0">
                  {l.label}
                </Link>
              ))}
          </nav>
          {bell ? (
            <span className="order-2 ml-auto sm:order-4 sm:ml-0">
              <NotificationBell unread={unread} />
            </span>
          ) : null}
          <span data-testid="current-user" className="order-3 flex w-full flex-wrap gap-x-1 text-xs text-white/85 sm:ml-auto sm:w-auto sm:text-sm sm:text-white">
            <span className="whitespace-nowrap">{actor.displayName}</span>
            <span className="whitespace-nowrap">· {t(`roles.${actor.role}`)}</span>
            <span className="whitespace-nowrap">· {actor.unitName}</span>
          </span>
          <Link href="/change-password" className="order-5 inline-flex min-h-11 items-center whitespace-nowrap text-sm hover:underline sm:min-h-0">
            {t("nav.changePassword")}
          </Link>
          <LanguageSwitcher className="order-5 sm:order-6" />
          <form action={signOutAction} className={`order-2 text-sm sm:order-7 sm:ml-0 ${bell ? "" : "ml-auto"}`}>
            <button type="submit" className="min-h-11 whitespace-nowrap rounded border border-white/40 px-3 py-1 hover:bg-white/10 sm:min-h-0">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </header>
      <ActivityBeacon />
      <main id="main" className="mx-auto max-w-7xl px-3 py-4 sm:px-4 sm:py-6 print:max-w-none print:p-0">
        <FormMessages>{children}</FormMessages>
      </main>
    </div>
  );
}
