// The instructions (指令) of the generated alerts: which alerts had one, and each one's steps,
// consistent with the alert (its risk, its holder, its station, its contact attempts and its
// outcome). Played by instruction-story.ts; the alert generator calls `forAlert` for every alert
// while the alert row can still be adjusted (its first contact and closing time follow the visit).
// Each alert's instructions draw from their own random stream, so the alerts themselves come out
// exactly as without instructions. Proportions: proportions.ts ("Instructions").
import { randomUUID } from "node:crypto";
import type { FeedbackOutcome, InstructionKind, RiskLevel } from "@/prisma/generated/client/enums";
import type { AlertRow } from "./alerts";
import { FEEDBACK_CHECKS } from "@/lib/instructions/feedback-outcome";
import { scenarioClock, type Scenario, type ScenarioCast } from "./instruction-scenarios";
import { intervalsOf, openNotifications, playStory, type Feedback, type NotificationRow, type Step, type Story, type Team } from "./instruction-story";
import type { OrgLayout, StationUnit } from "./org-units";
import type { PersonRow } from "./persons";
import {
  DISTRICT_ISSUED_SHARE, DOOR_VISIT_SHARE_HIGH, ESCALATED_SHARE_OF_LATE, LATE_FEEDBACK_SHARE, LATE_SIGN_OFF_SHARE,
  PHONE_FOLLOW_UP_SHARE_LOW, PHONE_FOLLOW_UP_SHARE_MEDIUM, REROUTE_SAME_DISTRICT, REROUTE_SHARE, SENT_BACK_SHARE, SOUGHT_AGAIN_SHARE,
  STATION_DILIGENCE, VIA_DISTRICT_SHARE,
} from "./proportions";
import { Rng, Weighted } from "./random";
import type { DemoUsers } from "./users";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** What the planner needs to know of an alert's contact attempts. */
export interface AttemptTime {
  channel: string;
  at: number;
}

/** Where the rows of the stories go (the alert batch). */
export interface InstructionSink {
  addStory(story: Story, notifications: readonly NotificationRow[]): void;
}

export interface PlannerOptions {
  seed: number;
  now: number;
  cityId: string;
  layout: OrgLayout;
  users: DemoUsers;
}

const ISSUE_NOTES: Record<InstructionKind, readonly string[]> = {
  DOOR_VISIT: [
    "高风险预警，请立即上门见面劝阻", "事主电话未接通，请速上门核实劝阻", "资金预警，事主疑似正在转账，请立即上门",
    "事主不相信是诈骗，请上门当面劝阻", "请上门核查并做好宣防",
  ],
  PHONE_FOLLOW_UP: ["请电话回访事主，核实是否已识破骗局", "中心已电话劝阻，请派出所电话回访", "请联系事主做好防范提醒"],
  LOCATE: ["前次上门未见到事主，请继续查找落地", "请会同网格员查找事主下落", "请核实事主现住址并见面劝阻"],
};
const FEEDBACK_NOTES: Record<FeedbackOutcome, readonly string[]> = {
  DISSUADED: ["已见面劝阻，事主承诺不再转账", "已当面讲解诈骗手法，事主已卸载涉诈App", "会同网格员上门，事主已识破骗局", "已电话回访，事主已知晓系诈骗"],
  DEFRAUDED: ["事主已转账，已引导报案并移交止付", "见面时事主已被骗，已协助报案"],
  NOT_FOUND: ["多次上门未见到事主，家中无人", "经查事主已搬离，无法落地", "邻居称事主长期外出务工"],
  NOT_THE_PERSON: ["经核实系正常转账，已作防范提醒", "号码非本人使用，信息不符", "住址与事主信息不符"],
  DUPLICATE: ["与前一预警为同一事主，已一并处置"],
  NOT_FOUND_YET: ["上门未见到事主，约定再次上门", "家中无人，已留联系卡"],
};
const DECLINE_NOTES = ["该地址不属于本所辖区，请转辖区派出所", "事主现住址在邻近辖区，建议改派", "非本所辖区"];
const VISIT_NOTES = ["家中无人", "敲门无人应答，已留联系卡", "事主外出，约定再次上门"];
const CHASE_NOTES = ["请尽快签收处置", "已超时，请加快反馈", "请立即上门并反馈结果"];
const SENT_BACK_NOTES = ["反馈不完整，请补充核查情况", "请再次上门核实"];
const REROUTE_NOTES = ["根据辖区核实结果改派", null];

/** Two-character names for the team (officers, auxiliaries, grid workers): staff, not residents. */
const TEAM_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const TEAM_GIVEN = ["伟", "强", "磊", "军", "勇", "涛", "斌", "杰", "鹏", "辉", "敏", "静", "丽", "燕", "芳", "娟", "刚", "明", "超", "峰"];

/** What the officers report, open instructions (the alert is still open). */
const OPEN_OUTCOME = new Weighted<FeedbackOutcome>([["DISSUADED", 80], ["NOT_FOUND_YET", 10], ["NOT_THE_PERSON", 6], ["DEFRAUDED", 2], ["NOT_FOUND", 2]]);

interface Issuer {
  unitId: string;
  userId: string;
  /** Who reviews it (the issuing analyst, or the district's coordinator). */
  reviewers: string[];
  district: boolean;
}

interface Plan {
  kind: InstructionKind;
  risk: RiskLevel;
  issuer: Issuer;
  station: StationUnit;
  viaDistrict: boolean;
  wrong: StationUnit | null;
  t0: number;
  /** The moment at the door from the alert's own door-visit attempt, if it had one. */
  anchor: number | null;
  feedback: Feedback;
  sentBack: boolean;
  close: boolean;
}

export class InstructionPlanner {
  private readonly rng = new Rng(0);
  private readonly diligence = new Map<string, number>();
  private readonly stations: readonly StationUnit[];
  /** The first district's first three stations (the scenarios' units). */
  private readonly cast: readonly [StationUnit, StationUnit, StationUnit];

  constructor(private readonly o: PlannerOptions) {
    const rng = new Rng(o.seed ^ 0x5bd1e995);
    for (const s of o.layout.stations) this.diligence.set(s.id, rng.logRange(...STATION_DILIGENCE));
    for (const d of o.layout.districts) this.diligence.set(d.id, rng.logRange(...STATION_DILIGENCE));
    this.stations = o.layout.stations;
    const first = o.layout.stations.filter((s) => s.district.id === o.layout.districts[0]!.id);
    this.cast = [first[0]!, first[1 % first.length]!, first[Math.min(2, first.length - 1)]!];
  }

  /** Where a scenario's (or a money story's) person lives. */
  scenarioHome(scenario: Pick<Scenario, "home">): StationUnit {
    return this.cast[scenario.home];
  }

  /** A written scenario's instruction on its alert (instruction-scenarios.ts), as it stands now. */
  scenario(sink: InstructionSink, alert: AlertRow, scenario: Scenario): void {
    const rng = this.rng;
    rng.reseed(this.o.seed);
    const { users, now, cityId } = this.o;
    const district = this.cast[0].district.id;
    const cast: ScenarioCast = {
      district,
      stations: [this.cast[0].id, this.cast[1].id, this.cast[2].id],
      analyst: users.analysts[0]!.id,
      coordinator: this.coordinatorOf(district),
      leader: users.leader.id,
      officer: (id) => this.officerOf(id),
      location: (id) => this.location(this.stations.find((s) => s.id === id)!),
    };
    const issuer: Issuer = scenario.byDistrict
      ? { unitId: district, userId: cast.coordinator, reviewers: [cast.coordinator], district: true }
      : { unitId: cityId, userId: cast.analyst, reviewers: [cast.analyst], district: false };
    const at = scenarioClock(now, scenario);
    // The analyst claimed the alert before dispatching (the alert came in minutes earlier).
    if (alert.claimedAt !== null && alert.claimedAt > at(0)) alert.claimedAt = Math.max(alert.receivedAt, at(0) - 30 * SEC);
    const story = playStory(
      { id: randomUUID(), alertId: alert.id, kind: scenario.kind, riskLevel: scenario.risk, issuerUnitId: issuer.unitId, sweepLagMs: 30 * SEC },
      scenario.steps(cast, at),
      now,
    );
    if (story.firstCheckInAt !== null && (alert.firstContactAt === null || story.firstCheckInAt < alert.firstContactAt)) alert.firstContactAt = story.firstCheckInAt;
    this.emit(sink, story, issuer, true);
  }

  /** The instructions of one generated alert, if it had any. `stream` keys this alert's random stream. */
  forAlert(sink: InstructionSink, alert: AlertRow, person: PersonRow, attempts: readonly AttemptTime[], stream: number): void {
    if (alert.status !== "CLOSED" && alert.status !== "CLAIMED") return;
    if (!alert.stationId || alert.stationId !== person.station.id) return;
    const rng = this.rng;
    rng.reseed(this.o.seed + stream);
    const door = attempts.find((a) => a.channel === "DOOR_VISIT")?.at ?? null;
    const kind = this.kindFor(alert.riskLevel, door !== null);
    if (!kind) return;
    if (alert.status === "CLAIMED") this.open(sink, alert, person, kind);
    else this.closed(sink, alert, person, kind, door, attempts);
  }

  private kindFor(risk: RiskLevel, door: boolean): InstructionKind | null {
    if (door) return "DOOR_VISIT";
    const rng = this.rng;
    switch (risk) {
      case "URGENT":
      case "HIGH":
        return rng.chance(DOOR_VISIT_SHARE_HIGH) ? "DOOR_VISIT" : null;
      case "MEDIUM":
        return rng.chance(PHONE_FOLLOW_UP_SHARE_MEDIUM) ? "PHONE_FOLLOW_UP" : null;
      case "LOW":
        return rng.chance(PHONE_FOLLOW_UP_SHARE_LOW) ? "PHONE_FOLLOW_UP" : null;
    }
  }

  // ── Who ──

  officerOf(stationId: string): string {
    return this.o.users.officersByStation.get(stationId)!.id;
  }

  coordinatorOf(districtId: string): string {
    return this.o.users.coordinatorsByDistrict.get(districtId)!.id;
  }

  private issuerFor(alert: AlertRow, station: StationUnit, kind: InstructionKind): Issuer {
    if (kind === "PHONE_FOLLOW_UP" && this.rng.chance(DISTRICT_ISSUED_SHARE)) {
      const coordinator = this.coordinatorOf(station.district.id);
      return { unitId: station.district.id, userId: coordinator, reviewers: [coordinator], district: true };
    }
    return { unitId: this.o.cityId, userId: alert.assigneeId!, reviewers: [alert.assigneeId!], district: false };
  }

  private wrongStationFor(station: StationUnit, sameDistrict: boolean): StationUnit | null {
    const pool = this.stations.filter((s) => s.id !== station.id && (s.district.id === station.district.id) === sameDistrict);
    return pool.length > 0 ? this.rng.pick(pool) : null;
  }

  private team(): Team {
    const rng = this.rng;
    const name = () => rng.pick(TEAM_SURNAMES) + rng.pick(TEAM_GIVEN);
    const many = (n: number) => Array.from({ length: n }, name);
    return { officers: many(rng.int(1, 2)), auxiliaries: many(rng.int(0, 3)), gridWorkers: many(rng.int(0, 2)) };
  }

  private feedbackFor(kind: InstructionKind, outcome: FeedbackOutcome, alert: AlertRow): Feedback {
    const rng = this.rng;
    const face = kind !== "PHONE_FOLLOW_UP";
    const met =
      face &&
      (outcome === "DISSUADED" ? rng.chance(0.97) : outcome === "DEFRAUDED" ? rng.chance(0.9) : outcome === "NOT_THE_PERSON" ? rng.chance(0.6) : false);
    const checks = met ? FEEDBACK_CHECKS.filter((c) => rng.chance(c === "CALL_SMS_LOG" ? 0.85 : c === "CHAT_APPS" ? 0.7 : c === "FRAUD_APPS" ? 0.6 : 0.5)) : [];
    let lossAvoidedFen: string | null = null;
    if (outcome === "DISSUADED") {
      if (alert.amountInTransferFen) lossAvoidedFen = alert.amountInTransferFen;
      else if (rng.chance(0.25)) lossAvoidedFen = String(Math.round(rng.logRange(2_000, 200_000)) * 100);
    }
    const lossFen = outcome === "DEFRAUDED" ? (alert.lossFen ?? String(Math.round(rng.logRange(20_000, 300_000)) * 100)) : null;
    return { outcome, metPerson: met, checks: [...checks], lossAvoidedFen, lossFen, note: rng.chance(0.7) ? rng.pick(FEEDBACK_NOTES[outcome]) : null };
  }

  // ── The steps of one instruction ──

  /** Steps from dispatch to feedback (and review), times drawn for this station's habits. */
  private steps(p: Plan): Step[] {
    const rng = this.rng;
    const { signOff: so, feedback: fb } = intervalsOf(p.risk);
    const out: Step[] = [];
    const station = p.station;
    const district = station.district;
    let t = p.t0;
    const firstStation = p.wrong ?? station;
    out.push({
      kind: "ISSUED",
      at: t,
      userId: p.issuer.userId,
      target: p.viaDistrict ? { districtId: district.id, stationId: null } : { districtId: firstStation.district.id, stationId: firstStation.id },
      note: rng.chance(0.8) ? rng.pick(ISSUE_NOTES[p.kind]) : null,
    });
    let signOffDeadline = t + so;
    let feedbackDeadline = t + fb;
    const escalateAt = t + 2 * fb;
    const coordinator = this.coordinatorOf(district.id);
    if (p.viaDistrict) {
      const late = rng.chance(Math.min(0.5, LATE_SIGN_OFF_SHARE * this.diligence.get(district.id)!));
      t += late ? so * rng.range(1.05, 1.6) : Math.min(so * rng.range(0.1, 0.8), rng.range(3, 40) * MIN);
      out.push({ kind: "FORWARDED", at: t, userId: coordinator, stationId: firstStation.id, note: null });
    }
    if (p.wrong) {
      // The wrong station lets its sign-off time pass, then declines; the issuer (or the district,
      // inside its own district) sends it on, and the deadlines start again at the right station.
      t = Math.max(t, signOffDeadline) + rng.range(2, 15) * MIN;
      out.push({ kind: "DECLINED", at: t, userId: this.officerOf(p.wrong.id), reason: "NOT_OUR_JURISDICTION", suggestedStationId: station.id, note: rng.pick(DECLINE_NOTES) });
      t += rng.range(2, 25) * MIN;
      const byDistrict = p.wrong.district.id === district.id && rng.chance(0.4);
      out.push({ kind: "REROUTED", at: t, userId: byDistrict ? coordinator : p.issuer.userId, target: { districtId: district.id, stationId: station.id }, note: rng.pick(REROUTE_NOTES) });
      signOffDeadline = t + so;
      feedbackDeadline = t + fb;
    }
    const received = t;
    const officer = this.officerOf(station.id);
    const dil = this.diligence.get(station.id)!;

    // Sign-off: mostly well before the deadline; now and then after it.
    const lateSignOff = rng.chance(Math.min(0.6, LATE_SIGN_OFF_SHARE * dil));
    let signOffAt =
      signOffDeadline <= received
        ? received + rng.range(1, 8) * MIN
        : lateSignOff
          ? signOffDeadline + so * rng.range(0.05, 1)
          : received + Math.max(20 * SEC, (signOffDeadline - received) * rng.range(0.05, 0.9));

    // Feedback: the work takes its time; some stations are late, a few very late (escalated).
    const face = p.kind !== "PHONE_FOLLOW_UP";
    const notFound = p.feedback.outcome === "NOT_FOUND" || p.feedback.outcome === "NOT_FOUND_YET";
    const failedVisits = face ? (notFound ? rng.int(1, 2) : rng.chance(0.15) ? 1 : 0) : 0;
    const travel = p.risk === "URGENT" ? rng.range(5, 25) : p.risk === "HIGH" ? rng.range(10, 60) : rng.range(30, 240);
    const workTime = face ? travel * MIN + rng.range(10, 40) * MIN + failedVisits * rng.range(40, 150) * MIN : rng.range(5, 180) * MIN;
    const natural = signOffAt + workTime;
    const lateFeedback = rng.chance(Math.min(0.5, LATE_FEEDBACK_SHARE * dil));
    let reportAt = lateFeedback
      ? Math.max(natural, (rng.chance(ESCALATED_SHARE_OF_LATE) ? escalateAt : feedbackDeadline) + fb * rng.range(0.02, 0.6))
      : Math.min(natural, feedbackDeadline - rng.range(1, 10) * MIN);
    let checkInAt: number | null = null;
    if (p.anchor !== null) {
      // The alert's own door-visit attempt is the moment at the door.
      checkInAt = p.anchor - rng.range(0.5, 5) * MIN;
      reportAt = p.anchor + rng.range(notFound ? 3 : 5, 30) * MIN;
      if (signOffAt > checkInAt - 2 * MIN) signOffAt = received + (checkInAt - received) * rng.range(0.2, 0.5);
    }
    if (reportAt < signOffAt + 3 * MIN) reportAt = signOffAt + rng.range(3, 10) * MIN;

    if (lateSignOff && signOffDeadline > received) {
      const chase = signOffDeadline + rng.range(3, 20) * MIN;
      if (chase < signOffAt) out.push({ kind: "CHASED", at: chase, userId: coordinator, note: rng.pick(CHASE_NOTES) });
    }
    out.push({ kind: "SIGNED_OFF", at: signOffAt, userId: officer });
    const work: Step[] = [];
    if (face) {
      // Failed visits (nobody home) first, then the visit that found someone, or the report.
      const lastFailedEnd = notFound
        ? p.anchor !== null ? p.anchor + rng.range(1, 3) * MIN : reportAt - Math.min(rng.range(2, 15) * MIN, (reportAt - signOffAt) * 0.1)
        : null;
      if (lastFailedEnd !== null && reportAt < lastFailedEnd + MIN) reportAt = lastFailedEnd + rng.range(1, 10) * MIN;
      const span = reportAt - signOffAt;
      work.push({ kind: "TEAM_SET", at: signOffAt + Math.min(rng.range(1, 5) * MIN, span * 0.1), userId: officer, team: this.team() });
      const finalCheckIn = notFound ? null : (checkInAt ?? reportAt - Math.min(rng.range(10, 40) * MIN, span * 0.4));
      const until = lastFailedEnd ?? finalCheckIn!;
      const from = signOffAt + span * 0.12;
      for (let i = 0; i < failedVisits; i++) {
        const end = notFound && i === failedVisits - 1 ? until : from + ((until - from) * (i + 0.8)) / (failedVisits + 0.2);
        const begin = end - Math.max(SEC, Math.min(rng.range(8, 25) * MIN, (end - from) * 0.3));
        work.push({ kind: "CHECKED_IN", at: begin, userId: officer, location: this.location(station) });
        work.push({ kind: "VISIT_ATTEMPT", at: end, userId: officer, note: rng.pick(VISIT_NOTES) });
      }
      if (finalCheckIn !== null) {
        work.push({ kind: "CHECKED_IN", at: finalCheckIn, userId: officer, location: this.location(station) });
        work.push({ kind: "DRAFT", at: finalCheckIn + (reportAt - finalCheckIn) * 0.5, draft: { metPerson: p.feedback.metPerson ? "yes" : "no", checks: p.feedback.checks } });
      }
    }
    if (lateFeedback) {
      const chase = feedbackDeadline + rng.range(10, 60) * MIN;
      if (chase < reportAt) {
        const at = work.findIndex((w) => w.at > chase);
        work.splice(at === -1 ? work.length : at, 0, { kind: "CHASED", at: chase, userId: coordinator, note: rng.pick(CHASE_NOTES) });
      }
    }
    out.push(...work);
    out.push({ kind: "FEEDBACK", at: reportAt, userId: officer, feedback: p.feedback });
    let last = reportAt;
    if (p.sentBack) {
      last += rng.range(10, 60) * MIN;
      out.push({ kind: "SENT_BACK", at: last, userId: p.issuer.userId, note: rng.pick(SENT_BACK_NOTES) });
      last += rng.range(20, 120) * MIN;
      out.push({ kind: "FEEDBACK", at: last, userId: officer, feedback: p.feedback });
    }
    if (p.close) {
      last += (p.risk === "URGENT" || p.risk === "HIGH" ? rng.range(3, 45) : rng.range(10, 240)) * MIN;
      out.push({ kind: "CLOSED", at: last, userId: p.issuer.userId, followUpDueAt: null });
    }
    return inOrder(out);
  }

  private location(station: StationUnit): string {
    const c = this.rng.pick(station.communities);
    return `${c.street}${c.name}`;
  }

  private play(p: Plan, alert: AlertRow, steps: Step[], cutoff: number): Story {
    return playStory(
      { id: randomUUID(), alertId: alert.id, kind: p.kind, riskLevel: p.risk, issuerUnitId: p.issuer.unitId, sweepLagMs: this.rng.range(5, 60) * SEC },
      steps,
      cutoff,
    );
  }

  private emit(sink: InstructionSink, story: Story, issuer: Issuer, open: boolean): void {
    const notifications = open
      ? openNotifications(story, {
          stationOfficer: (id) => this.o.users.officersByStation.get(id)?.id,
          coordinator: (id) => this.o.users.coordinatorsByDistrict.get(id)?.id,
          supervisors: [this.o.users.leader.id],
          issuerUsers: issuer.reviewers,
        })
      : [];
    sink.addStory(story, notifications);
  }

  private basePlan(alert: AlertRow, person: PersonRow, kind: InstructionKind, t0: number, outcome: FeedbackOutcome, close: boolean): Plan {
    const rng = this.rng;
    const station = person.station;
    const issuer = this.issuerFor(alert, station, kind);
    const high = alert.riskLevel === "HIGH" || alert.riskLevel === "URGENT";
    const viaDistrict = !issuer.district && rng.chance(high ? VIA_DISTRICT_SHARE.high : VIA_DISTRICT_SHARE.other);
    const wrong = rng.chance(REROUTE_SHARE) ? this.wrongStationFor(station, viaDistrict || issuer.district || rng.chance(REROUTE_SAME_DISTRICT)) : null;
    return {
      kind, risk: alert.riskLevel, issuer, station, viaDistrict, wrong, t0, anchor: null,
      feedback: this.feedbackFor(kind, outcome, alert),
      sentBack: close && rng.chance(SENT_BACK_SHARE),
      close,
    };
  }

  /** Dispatched while the alert is still open: wherever the chain has got to by now. */
  private open(sink: InstructionSink, alert: AlertRow, person: PersonRow, kind: InstructionKind): void {
    const rng = this.rng;
    const now = this.o.now;
    const t0 = alert.claimedAt! + rng.range(0.3, kind === "DOOR_VISIT" ? 3 : 30) * MIN;
    if (t0 >= now - 10 * SEC) return;
    const plan = this.basePlan(alert, person, kind, t0, rng.weighted(OPEN_OUTCOME), false);
    if (kind === "PHONE_FOLLOW_UP" && (plan.feedback.outcome === "NOT_FOUND_YET" || plan.feedback.outcome === "NOT_FOUND")) plan.feedback = this.feedbackFor(kind, "DISSUADED", alert);
    const story = this.play(plan, alert, this.steps(plan), now);
    if (story.firstCheckInAt !== null && (alert.firstContactAt === null || story.firstCheckInAt < alert.firstContactAt)) alert.firstContactAt = story.firstCheckInAt;
    this.emit(sink, story, plan.issuer, true);
  }

  /** Dispatched, worked, reviewed and closed; the alert closes when the last of its instructions does. */
  private closed(sink: InstructionSink, alert: AlertRow, person: PersonRow, kind: InstructionKind, door: number | null, attempts: readonly AttemptTime[]): void {
    const rng = this.rng;
    const limit = this.o.now - 60 * SEC;
    const outcome = feedbackOutcomeOf(alert.outcome!);
    const firstAttempt = attempts[0]?.at ?? alert.claimedAt!;
    let t0 = kind === "DOOR_VISIT" ? alert.claimedAt! + rng.range(0.3, 3) * MIN : firstAttempt + rng.range(2, 30) * MIN;
    if (door !== null) t0 = Math.max(alert.receivedAt, Math.min(t0, door - rng.range(6, 12) * MIN));
    const soughtAgain = outcome === "NOT_FOUND" && kind === "DOOR_VISIT" && (alert.riskLevel === "HIGH" || alert.riskLevel === "URGENT") && rng.chance(SOUGHT_AGAIN_SHARE);

    const plan = this.basePlan(alert, person, kind, t0, soughtAgain ? "NOT_FOUND_YET" : outcome, true);
    plan.anchor = door;
    if (door !== null) plan.wrong = null; // the alert's own door visit fixes the timeline
    let steps = this.steps(plan);
    let second: { plan: Plan; steps: Step[] } | null = null;
    if (soughtAgain) {
      const again = this.basePlan(alert, person, "LOCATE", steps.at(-1)!.at + rng.range(1, 8) * HOUR, "NOT_FOUND", true);
      again.wrong = null;
      again.issuer = plan.issuer;
      second = { plan: again, steps: this.steps(again) };
      if (second.steps.at(-1)!.at > limit) {
        // No time for a second search before now: the first visit's report is the final one.
        second = null;
        plan.feedback = this.feedbackFor(kind, "NOT_FOUND", alert);
        steps = this.steps(plan);
      }
    }
    if (steps.at(-1)!.at > limit && plan.wrong) {
      plan.wrong = null;
      steps = this.steps(plan);
    }
    steps = squeeze(steps, plan.t0, limit);

    const stories = [this.play(plan, alert, steps, Infinity)];
    if (second) stories.push(this.play(second.plan, alert, second.steps, Infinity));
    for (const story of stories) {
      if (story.firstCheckInAt !== null && (alert.firstContactAt === null || story.firstCheckInAt < alert.firstContactAt)) alert.firstContactAt = story.firstCheckInAt;
      this.emit(sink, story, plan.issuer, false);
    }
    // The analyst closes the alert with the feedback (结), not before it.
    const lastClose = stories.at(-1)!.instruction.closedAt!;
    if (alert.closedAt === null || alert.closedAt < lastClose) alert.closedAt = lastClose;
  }
}

/** The feedback an alert's outcome came from (lib/instructions/feedback-outcome.ts, read backwards). */
export function feedbackOutcomeOf(outcome: NonNullable<AlertRow["outcome"]>): FeedbackOutcome {
  switch (outcome) {
    case "DISSUADED":
      return "DISSUADED";
    case "DEFRAUDED":
      return "DEFRAUDED";
    case "UNREACHABLE":
      return "NOT_FOUND";
    case "FALSE_ALARM":
      return "NOT_THE_PERSON";
  }
}

/** The steps as built are in their logical order: times follow it (at least a second apart), whole milliseconds. */
export function inOrder(steps: Step[]): Step[] {
  let previous = -Infinity;
  return steps.map((s) => {
    const at = Math.max(Math.floor(s.at), previous + SEC);
    previous = at;
    return at === s.at ? s : { ...s, at };
  });
}

/** Compresses a story that would end after `limit` into the time that has passed (order kept). */
export function squeeze(steps: Step[], start: number, limit: number): Step[] {
  const end = steps.at(-1)!.at;
  if (end <= limit) return steps;
  const scale = (limit - start) / (end - start);
  return steps.map((s) => {
    const at = Math.floor(start + (s.at - start) * scale);
    return { ...s, at };
  });
}
