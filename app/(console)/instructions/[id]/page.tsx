import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Role } from "@/prisma/generated/client/enums";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getInstruction } from "@/lib/server/instructions/get-instruction";
import { listRoutingUnits } from "@/lib/server/instructions/list-routing-units";
import type { InstructionAction } from "@/lib/instructions/instruction-state";
import { formatShanghai } from "@/lib/time";
import { formatFen } from "@/lib/money";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { LiveRefresh } from "@/components/live/live-refresh";
import { HolderDeadline } from "@/components/instructions/holder-deadline";
import { RevealContact } from "./_components/reveal-contact";
import { SignOffForm } from "./_components/sign-off-form";
import { DeclineForm } from "./_components/decline-form";
import { TeamForm } from "./_components/team-form";
import { CheckInForm } from "./_components/check-in-form";
import { VisitAttemptForm } from "./_components/visit-attempt-form";
import { FeedbackForm } from "./_components/feedback-form";
import { NoticeReplyForm } from "./_components/notice-reply-form";
import { ForwardForm } from "./_components/forward-form";
import { RerouteForm } from "./_components/reroute-form";
import { ChaseForm } from "./_components/chase-form";
import { CloseForm } from "./_components/close-form";
import { ReasonStepForm } from "./_components/reason-step-form";
import { NoticeCommentForm } from "./_components/notice-comment-form";
import { InstructionTimeline } from "./_components/instruction-timeline";

/** Where each role's list of instructions is (the way back from one). */
const LIST_OF: Partial<Record<Role, { href: string; label: string }>> = {
  STATION_OFFICER: { href: "/inbox", label: "backToInbox" },
  DISTRICT_COORDINATOR: { href: "/district", label: "backToDistrict" },
  ANALYST: { href: "/instructions/issued", label: "backToIssued" },
  SUPERVISOR: { href: "/instructions", label: "backToCity" },
};

/**
 * 指令详情: one instruction for every role that may read it — its state in words, the live
 * deadline, the person (masked; phone and address revealed to the officers it was sent to), the
 * steps this reader may take now (the state machine's `offered`), and the timeline with the time
 * each step took. Outside the reader's jurisdiction: "not found". Refreshes live.
 */
export default async function InstructionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  // The page's one refusal (audited); the unit lists beside it refuse nobody.
  const detail = await loadOrNotFound(() => getInstruction(actor, id));
  const units = await listRoutingUnits(actor);
  const p = (key: string, values?: Record<string, string | number>) => t(`instructionPage.${key}`, values);
  const offered = new Set(detail.offered);
  const may = (action: InstructionAction) => offered.has(action);
  const stationLabel = new Map(units.stations.map((s) => [s.id, s.label]));
  const stationName = (sid: string) => (sid === detail.decline?.suggestedStationId ? detail.decline.suggestedStationName : (stationLabel.get(sid) ?? null));
  const back = LIST_OF[actor.role];
  const { alert, feedback, notice } = detail;
  const holder = detail.stationName ? `${detail.districtName} · ${detail.stationName}` : detail.districtName;
  const common = { instructionId: detail.id, version: detail.version };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        {back ? (
          <Link href={back.href} className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
            ← {p(back.label)}
          </Link>
        ) : null}
        <span className="ml-auto">
          <LiveRefresh topics={["instruction"]} />
        </span>
      </div>

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold">{p("title", { kind: t(`instructions.kind.${detail.kind}`) })}</h1>
          <RiskBadge risk={detail.riskLevel} />
          <span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-medium" data-testid="instruction-status">
            {t(`instructions.status.${detail.status}`)}
          </span>
          {detail.urgency !== "onTime" ? (
            <span className={`rounded px-2 py-0.5 text-sm font-medium ${detail.urgency === "escalated" ? "bg-red-700 text-white" : "bg-amber-100 text-amber-950"}`} data-testid="instruction-urgency">
              {t(`instructions.urgency.${detail.urgency}`)}
            </span>
          ) : null}
        </div>
        <HolderDeadline deadline={detail.deadline} status={detail.status} urgency={detail.urgency} className="text-base" />
        {detail.note ? (
          <p className="rounded border-l-4 border-police-700 bg-white px-3 py-2 text-sm" data-testid="instruction-note">
            <span className="font-medium">{p("issuerNote")}</span>
            <span className="whitespace-pre-line">{detail.note}</span>
          </p>
        ) : null}
      </header>

      {notice ? (
        <section className="rounded border border-red-700 bg-red-50 p-3 text-sm" aria-labelledby="notice-heading" data-testid="supervision-notice">
          <h2 id="notice-heading" className="font-semibold text-red-800">
            {p("notice.title")}
          </h2>
          <p className="text-slate-800">{p("notice.raisedAt", { time: formatShanghai(notice.raisedAt) })}</p>
          {notice.replyPending ? <p className="font-medium text-red-800">{p("notice.replyPending", { time: formatShanghai(notice.replyRequiredAt!) })}</p> : null}
          {notice.reply ? (
            <p className="mt-1 whitespace-pre-line">
              <span className="font-medium">{p("notice.reply", { time: formatShanghai(notice.repliedAt!) })}</span>
              {notice.reply}
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-4">
          <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="person-heading">
            <h2 id="person-heading" className="mb-3 font-semibold">
              {p("person.title")}
            </h2>
            <dl className="grid grid-cols-[5rem_minmax(0,1fr)] items-center gap-x-3 gap-y-2">
              <dt className="text-slate-600">{p("person.name")}</dt>
              <dd className="text-base font-medium" data-testid="person-name">
                {alert.personName}
              </dd>
              <dt className="text-slate-600">{p("person.phone")}</dt>
              <dd>
                {alert.canRevealContact ? (
                  <RevealContact instructionId={detail.id} field="phone" masked={alert.phone} label={p("person.phone")} />
                ) : (
                  <span className="tabular-nums" data-testid="contact-phone">
                    {alert.phone}
                  </span>
                )}
              </dd>
              <dt className="text-slate-600">{p("person.address")}</dt>
              <dd>
                {!alert.hasAddress ? (
                  p("none")
                ) : alert.canRevealContact ? (
                  <RevealContact instructionId={detail.id} field="address" masked={p("person.addressHidden")} label={p("person.address")} />
                ) : (
                  p("person.addressHidden")
                )}
              </dd>
              <dt className="text-slate-600">{p("person.fraudType")}</dt>
              <dd>{t(`fraudType.${alert.fraudType}`)}</dd>
            </dl>
            {alert.canOpen ? (
              <Link href={`/alerts/${alert.id}`} className="mt-3 inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0" data-testid="alert-link">
                {p("person.openAlert")}
              </Link>
            ) : null}
          </section>

          <section className="space-y-3 [&>div:empty]:mb-0" aria-label={p("steps")} data-testid="instruction-steps">
            {/* Every slot stays mounted, so a form's last answer survives the refresh after its action;
                a slot with nothing to say (an empty live region) takes no space. */}
            <SignOffForm key="sign-off" {...common} show={may("signOff")} />
            <CheckInForm key="check-in" {...common} show={may("checkIn")} />
            <FeedbackForm key="feedback" {...common} show={may("report")} draft={detail.draft} draftSavedAt={detail.draftSavedAt} />
            <NoticeReplyForm key="notice-reply" instructionId={detail.id} show={detail.canReply} />
            <VisitAttemptForm key="visit-attempt" {...common} show={may("visitAttempt")} attempts={detail.visitAttempts} />
            <TeamForm key="team" {...common} show={may("setTeam")} team={detail.team} />
            <DeclineForm key="decline" {...common} show={may("decline")} stations={units.stations} />
            <ForwardForm key="forward" {...common} show={may("forward")} stations={units.stations.filter((s) => s.districtId === detail.districtId)} />
            <CloseForm key="close" {...common} show={may("close")} outcome={feedback?.outcome ?? null} />
            <RerouteForm
              key="reroute"
              {...common}
              show={may("reroute")}
              declined={detail.status === "DECLINED"}
              suggestedStationId={detail.decline?.suggestedStationId ?? null}
              districts={units.districts}
              stations={units.stations}
            />
            <ReasonStepForm key="send-back" step="sendBack" {...common} show={may("sendBack")} />
            <ChaseForm key="chase" instructionId={detail.id} show={may("chase")} />
            <NoticeCommentForm key="notice-comment" instructionId={detail.id} show={detail.canSupervise} replyPending={notice?.replyPending ?? false} />
            <ReasonStepForm key="cancel" step="cancel" {...common} show={may("cancel")} />
          </section>
        </div>

        <div className="min-w-0 space-y-4">
          <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="mb-3 font-semibold">
              {p("facts.title")}
            </h2>
            <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 break-words">
              <dt className="text-slate-600">{p("facts.issuedBy")}</dt>
              <dd>
                {detail.issuedByName} · {detail.issuerUnitName}
              </dd>
              <dt className="text-slate-600">{p("facts.issuedAt")}</dt>
              <dd className="tabular-nums">{formatShanghai(detail.issuedAt, true)}</dd>
              <dt className="text-slate-600">{p("facts.holder")}</dt>
              <dd data-testid="instruction-holder">{holder}</dd>
              <dt className="text-slate-600">{p("facts.routedAt")}</dt>
              <dd className="tabular-nums">{formatShanghai(detail.routedAt, true)}</dd>
              <dt className="text-slate-600">{p("facts.signOffDeadline")}</dt>
              <dd className="tabular-nums">{formatShanghai(detail.signOffDeadline)}</dd>
              <dt className="text-slate-600">{p("facts.feedbackDeadline")}</dt>
              <dd className="tabular-nums">{formatShanghai(detail.feedbackDeadline)}</dd>
              {detail.signedOffAt ? (
                <>
                  <dt className="text-slate-600">{p("facts.signedOff")}</dt>
                  <dd data-testid="instruction-signed-off">
                    {detail.signedOffByName ?? ""} · <span className="tabular-nums">{formatShanghai(detail.signedOffAt, true)}</span>
                  </dd>
                </>
              ) : null}
              {detail.team ? (
                <>
                  <dt className="text-slate-600">{p("facts.team")}</dt>
                  <dd>
                    {(["officers", "auxiliaries", "gridWorkers"] as const)
                      .filter((r) => detail.team![r].length > 0)
                      .map((r) => `${p(`team.${r}`)}：${detail.team![r].join("、")}`)
                      .join("；")}
                  </dd>
                </>
              ) : null}
              {detail.checkedInAt ? (
                <>
                  <dt className="text-slate-600">{p("facts.checkedIn")}</dt>
                  <dd data-testid="instruction-checked-in">
                    <span className="tabular-nums">{formatShanghai(detail.checkedInAt, true)}</span> · {detail.checkInLocation}
                  </dd>
                </>
              ) : null}
              {detail.visitAttempts > 0 ? (
                <>
                  <dt className="text-slate-600">{p("facts.visitAttempts")}</dt>
                  <dd>{p("facts.times", { count: detail.visitAttempts })}</dd>
                </>
              ) : null}
              {detail.decline ? (
                <>
                  <dt className="text-slate-600">{p("facts.declined")}</dt>
                  <dd data-testid="instruction-decline">
                    {[
                      detail.decline.fromStationName,
                      t(`instructions.declineReason.${detail.decline.reason}`),
                      detail.decline.suggestedStationName ? p("timeline.suggested", { station: detail.decline.suggestedStationName }) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </dd>
                </>
              ) : null}
              {detail.closedAt ? (
                <>
                  <dt className="text-slate-600">{p("facts.closedAt")}</dt>
                  <dd className="tabular-nums">{formatShanghai(detail.closedAt, true)}</dd>
                </>
              ) : null}
              {detail.followUpDueAt ? (
                <>
                  <dt className="text-slate-600">{p("facts.followUpDue")}</dt>
                  <dd className="tabular-nums">{formatShanghai(detail.followUpDueAt)}</dd>
                </>
              ) : null}
            </dl>
          </section>

          {feedback ? (
            <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="feedback-heading" data-testid="instruction-feedback">
              <h2 id="feedback-heading" className="mb-3 font-semibold">
                {p("feedbackSummary.title")}
              </h2>
              <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 break-words">
                <dt className="text-slate-600">{p("feedbackSummary.outcome")}</dt>
                <dd className="font-medium">{t(`instructions.feedbackOutcome.${feedback.outcome}`)}</dd>
                <dt className="text-slate-600">{p("feedbackSummary.metPerson")}</dt>
                <dd>{feedback.metPerson === null ? p("none") : feedback.metPerson ? p("feedback.met") : p("feedback.notMet")}</dd>
                <dt className="text-slate-600">{p("feedbackSummary.checks")}</dt>
                <dd>{feedback.checks.length > 0 ? feedback.checks.map((c) => t(`instructions.check.${c}`)).join("、") : p("none")}</dd>
                {feedback.lossAvoidedFen ? (
                  <>
                    <dt className="text-slate-600">{p("feedbackSummary.lossAvoided")}</dt>
                    <dd className="tabular-nums">{formatFen(BigInt(feedback.lossAvoidedFen), locale)}</dd>
                  </>
                ) : null}
                {feedback.lossFen ? (
                  <>
                    <dt className="text-slate-600">{p("feedbackSummary.loss")}</dt>
                    <dd className="tabular-nums">{formatFen(BigInt(feedback.lossFen), locale)}</dd>
                  </>
                ) : null}
                {feedback.note ? (
                  <>
                    <dt className="text-slate-600">{p("feedbackSummary.note")}</dt>
                    <dd className="whitespace-pre-line">{feedback.note}</dd>
                  </>
                ) : null}
                <dt className="text-slate-600">{p("feedbackSummary.reportedAt")}</dt>
                <dd className="tabular-nums">{formatShanghai(feedback.reportedAt, true)}</dd>
              </dl>
            </section>
          ) : null}
        </div>
      </div>

      <InstructionTimeline events={detail.events} stationName={stationName} />
    </div>
  );
}
