// Generates persons, alerts and contact attempts in batches (see proportions.ts for the shape
// of the data and where the figures come from). Pure computation; alert-batches.ts writes them.
import { createHash, randomUUID } from "node:crypto";
import type { AlertOutcome, AlertStatus, ContactChannel, ContactResult, FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import { DEFAULT_FIRST_CONTACT_MINUTES, firstContactDeadline } from "@/lib/alerts/sla";
import { Batch } from "./alert-batches";
import type { BankRow } from "./banks";
import { BEIJING_OFFSET_MS, HISTORY_MS, OPEN_WINDOW_MS } from "./constants";
import { gapBefore, planClosedAttempts, planOpenAttempts, type PlannedAttempt } from "./contact-attempts";
import { FraudSideFactory } from "./fraud-side";
import type { Scenario } from "./instruction-scenarios";
import type { StoryAlert } from "./money-stories";
import type { AttemptTime, InstructionPlanner } from "./instructions";
import type { OrgLayout } from "./org-units";
import { PersonFactory, type PersonRow } from "./persons";
import {
  ALERT_GROWTH, EXTERNAL_ID_PREFIX, FRAUD_TYPE_SHARE, HOUR_WEIGHTS, JOIN_PROBABILITY, LATE_FIRST_CONTACT_SHARE,
  OUTCOME_SHARE, RECENT_SHARE, REPEAT_PERSON_SHARE, RISK_BANK, RISK_OTHER, SOURCE_SHARE,
  UNKNOWN_JURISDICTION_EVERY, type SourceCode,
} from "./proportions";
import { Rng, Weighted } from "./random";
import type { DemoUsers } from "./users";
import type { Vault } from "../../lib/pii/sealing";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Upper bound of an on-time first contact, measured from detection. */
const ON_TIME_CAP: Record<RiskLevel, number> = {
  URGENT: 4.8 * MIN,
  HIGH: 14 * MIN,
  MEDIUM: 55 * MIN,
  LOW: 6 * HOUR,
};

const OPEN_ATTEMPT_COUNT = new Weighted<number>([[0, 10], [1, 55], [2, 35]]);

export interface AlertRow {
  id: string;
  districtId: string | null;
  stationId: string | null;
  sourceId: string;
  externalId: string;
  payloadHash: string;
  personId: string;
  /** The number the alert is about (the person's one phone, in the demo). */
  phone: string;
  address: string | null;
  riskLevel: RiskLevel;
  fraudType: FraudType;
  status: AlertStatus;
  outcome: AlertOutcome | null;
  detectedAt: number;
  receivedAt: number;
  firstContactDeadline: number;
  firstContactAt: number | null;
  callerNumbers: string[];
  appNames: string[];
  urls: string[];
  suspectAccounts: string[];
  amountInTransferFen: string | null;
  lossFen: string | null;
  assigneeId: string | null;
  claimedAt: number | null;
  closedAt: number | null;
  closedById: string | null;
  joinedAlertId: string | null;
}

export interface AttemptRow {
  id: string;
  alertId: string;
  userId: string | null;
  channel: ContactChannel;
  result: ContactResult;
  note: string | null;
  attemptedAt: number;
}

export interface AlertGeneratorOptions {
  /** Constant seed: pools are drawn from it, and each person's sub-sequence derives from it. */
  seed: number;
  now: number;
  total: number;
  layout: OrgLayout;
  users: DemoUsers;
  banks: readonly BankRow[];
  sourceIds: ReadonlyMap<string, string>;
  /** Keeps the external ids of a second city apart from the first's (sources are shared). */
  externalIdPrefix?: string;
  /** Seals the personal data of the generated people, as the console stores it. */
  vault: Vault;
  /** Writes the instructions of each alert (none without it). */
  instructions?: InstructionPlanner;
  /** Persons 1…n carry these written open instructions (instruction-scenarios.ts). */
  scenarios?: readonly Scenario[];
  /** Persons n+1…n+m carry the alerts of the written money stories (money-stories.ts). */
  moneyStories?: readonly StoryAlert[];
}

/** The alert generated for a money story (the money seed tells the story on it). */
export interface StoryAlertRef {
  alertId: string;
  personId: string;
  personName: string;
  districtId: string;
  stationId: string;
  lossFen: string | null;
}

export class AlertGenerator {
  private readonly rng: Rng;
  private readonly now: number;
  private readonly start: number;
  private readonly persons: PersonFactory;
  private readonly fraudSide: FraudSideFactory;
  private readonly counters = new Map<SourceCode, number>();
  private generated = 0;
  private personIndex = 0;
  private openCount = 0;
  private unknownCount = 0;
  /** The contact attempts of the alert being made, for its instructions. */
  private attempts: AttemptTime[] = [];
  /** The money stories' alerts, by story (undefined when the seed is too small to reach it). */
  readonly storyAlerts: (StoryAlertRef | undefined)[] = [];

  constructor(private readonly o: AlertGeneratorOptions) {
    this.rng = new Rng(o.seed);
    this.now = o.now;
    this.start = o.now - HISTORY_MS;
    this.fraudSide = new FraudSideFactory(this.rng, o.total, o.banks);
    this.persons = new PersonFactory(this.rng, o.layout.stations, o.now, o.layout.city.cityName);
  }

  get remaining(): number {
    return this.o.total - this.generated;
  }

  /** The next batch of about `size` alerts (a person's alerts always travel together). */
  nextBatch(size: number): Batch | null {
    if (this.remaining <= 0) return null;
    const batch = new Batch(this.o.vault);
    while (batch.alerts < size && this.remaining > 0) this.addPerson(batch);
    return batch;
  }

  /** Detection time: 12 months with volume growing toward now, a daily rhythm, and a fixed
   * small share in the last few hours (the open queue). */
  private drawTime(forceRecent: boolean): number {
    const rng = this.rng;
    if (rng.chance(RECENT_SHARE) || forceRecent) return this.now - 20 * SEC - Math.floor(rng.float() * (OPEN_WINDOW_MS - 20 * SEC));
    const g = ALERT_GROWTH;
    for (;;) {
      // Inverse CDF of a density ∝ 1 + g·x on [0, 1].
      const u = rng.float();
      const x = (-1 + Math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g;
      const t0 = this.start + x * HISTORY_MS;
      const dayStart = Math.floor((t0 + BEIJING_OFFSET_MS) / DAY) * DAY - BEIJING_OFFSET_MS;
      const t = Math.floor(dayStart + rng.weighted(HOUR_WEIGHTS) * HOUR + rng.float() * HOUR);
      if (t >= this.start && t <= this.now - OPEN_WINDOW_MS) return t;
    }
  }

  private addPerson(batch: Batch): void {
    const rng = this.rng;
    // Each person draws from their own sub-sequence, so names, phones and proportions stay the
    // same whatever the time of day of the seeding (which changes how many draws times take).
    const index = this.personIndex++;
    rng.reseed(this.o.seed + Math.imul(index + 1, 0x9e3779b1));
    // Persons 1…n are the written scenarios' (one open alert each, at the scenario's station),
    // persons n+1…n+m the money stories' (one alert each, open or closed as 已被骗 when the story says).
    const scenarios = this.o.instructions ? this.o.scenarios ?? [] : [];
    const scenario = index >= 1 ? scenarios[index - 1] : undefined;
    const storyIndex = index - 1 - scenarios.length;
    const story = this.o.instructions && storyIndex >= 0 ? this.o.moneyStories?.[storyIndex] : undefined;
    const written = scenario ?? story;
    const firstType = rng.weighted(FRAUD_TYPE_SHARE);
    const person = this.persons.make(firstType, written ? this.o.instructions!.scenarioHome(written) : undefined);
    const wanted = index === 0 || written ? 1 : Math.min(rng.chance(REPEAT_PERSON_SHARE) ? rng.int(2, 4) : 1, this.remaining);
    // The last alert is drawn from the year's distribution; earlier ones come hours to days before.
    // The very first person's alert is recent (still open, jurisdiction unknown), so that even a
    // tiny seed has an open, unrouted alert. A closed story's alert came in an hour or two before it closed.
    const times = [
      scenario ? this.now - Math.floor((scenario.age + rng.range(5, 8)) * MIN)
        : story ? this.now - Math.floor((story.minutesAgo + (story.open ? 0 : rng.range(60, 150))) * MIN)
        : this.drawTime(index === 0),
    ];
    for (let i = 1; i < wanted; i++) {
      const t = times[times.length - 1]! - Math.floor(rng.logRange(HOUR, 10 * DAY));
      if (t >= this.start) times.push(t);
    }
    times.reverse();
    person.createdAt = times[0]!;
    batch.addPerson(person);
    const personAlerts: AlertRow[] = [];
    times.forEach((t, i) => {
      const type = i === 0 || rng.chance(0.8) ? firstType : rng.weighted(FRAUD_TYPE_SHARE);
      let joinTo: AlertRow | null = null;
      if (i > 0 && t - personAlerts[i - 1]!.detectedAt <= 72 * HOUR && rng.chance(JOIN_PROBABILITY)) {
        for (let j = i - 1; j >= 0 && t - personAlerts[j]!.detectedAt <= 72 * HOUR; j--) {
          if (personAlerts[j]!.status !== "JOINED") {
            joinTo = personAlerts[j]!;
            break;
          }
        }
      }
      const alert = this.makeAlert(batch, person, t, type, joinTo, scenario, story);
      if (story) this.storyAlerts[storyIndex] = this.storyRef(alert, person);
      if (scenario) this.o.instructions!.scenario(batch, alert, scenario);
      else this.o.instructions?.forAlert(batch, alert, person, this.attempts, Math.imul(index + 1, 0x9e3779b1) + i * 7919);
      personAlerts.push(alert);
      batch.addAlert(alert);
    });
    this.generated += times.length;
  }

  private nextExternalId(source: SourceCode, detectedAt: number): string {
    const n = (this.counters.get(source) ?? 0) + 1;
    this.counters.set(source, n);
    const year = new Date(detectedAt + BEIJING_OFFSET_MS).getUTCFullYear();
    return `${this.o.externalIdPrefix ?? ""}${EXTERNAL_ID_PREFIX[source]}-${year}-${String(n).padStart(8, "0")}`;
  }

  private storyRef(alert: AlertRow, person: PersonRow): StoryAlertRef {
    return {
      alertId: alert.id, personId: person.id, personName: person.name, districtId: alert.districtId!, stationId: alert.stationId!, lossFen: alert.lossFen,
    };
  }

  private makeAlert(
    batch: Batch, person: PersonRow, detectedAt: number, fraudType: FraudType, joinTo: AlertRow | null, scenario?: Scenario, story?: StoryAlert,
  ): AlertRow {
    const rng = this.rng;
    const { users } = this.o;
    this.attempts = [];
    const source = story?.source ?? rng.weighted(SOURCE_SHARE);
    const drawnRisk = rng.weighted(source === "bank-monitor" ? RISK_BANK : RISK_OTHER);
    const riskLevel = scenario?.risk ?? story?.risk ?? drawnRisk;
    const side = this.fraudSide.make(source, fraudType);
    const drawnInTransfer = source === "bank-monitor" ? String(Math.round(rng.logRange(5_000, 500_000) * 100)) : null;
    const amountInTransferFen = story?.amountInTransferFen ?? drawnInTransfer;
    const externalId = this.nextExternalId(source, detectedAt);
    const fast = riskLevel === "HIGH" || riskLevel === "URGENT";
    const delay = Math.floor(rng.chance(fast ? 0.8 : 0.65) ? rng.range(3, 60) * SEC : rng.range(60, fast ? 180 : 300) * SEC);
    // Never in the future: an alert detected a minute ago arrived within that minute.
    const receivedAt = Math.min(detectedAt + delay, Math.max(detectedAt, this.now - SEC));
    const deadline = firstContactDeadline(new Date(detectedAt), riskLevel).getTime();
    const open = story ? story.open : joinTo === null && detectedAt > this.now - OPEN_WINDOW_MS;

    let stationId: string | null = person.station.id;
    let districtId: string | null = person.station.district.id;
    let address: string | null = person.address;
    if (open && !scenario && !story && this.openCount++ % UNKNOWN_JURISDICTION_EVERY === 0) {
      // Jurisdiction unknown: the upstream alert came without a usable address, or routing has
      // not placed it yet.
      stationId = null;
      districtId = null;
      if (this.unknownCount++ % 2 === 0) address = null;
    }

    const payloadHash = createHash("sha256").update(JSON.stringify({
      source, externalId, name: person.name, phone: person.phone, idNumber: person.idNumber, address,
      riskLevel, fraudType, detectedAt: new Date(detectedAt).toISOString(), ...side, amountInTransferFen,
    })).digest("hex");

    const alert: AlertRow = {
      id: randomUUID(), districtId, stationId, sourceId: this.o.sourceIds.get(source)!, externalId, payloadHash,
      personId: person.id, phone: person.phone, address, riskLevel, fraudType, status: "NEW", outcome: null, detectedAt, receivedAt,
      firstContactDeadline: deadline, firstContactAt: null, ...side, amountInTransferFen, lossFen: null,
      assigneeId: null, claimedAt: null, closedAt: null, closedById: null, joinedAlertId: null,
    };

    if (joinTo) {
      alert.status = "JOINED";
      alert.joinedAlertId = joinTo.id;
    } else if (open) {
      const analyst = rng.pick(users.analysts).id;
      // A scenario's or story's alert is held by the analyst who works it (analyst1).
      const written = scenario !== undefined || story !== undefined;
      this.openTimeline(batch, alert, written ? users.analysts[0]!.id : analyst, written);
    } else {
      const analyst = rng.pick(users.analysts).id;
      const forced = story && { outcome: "DEFRAUDED" as const, closedAt: this.now - story.minutesAgo * MIN, lossFen: story.lossFen };
      this.closedTimeline(batch, alert, story ? users.analysts[0]!.id : analyst, person, forced);
    }
    return alert;
  }

  /** Still open: NEW (mostly the last quarter-hour) or CLAIMED with 0–2 attempts so far. */
  private openTimeline(batch: Batch, alert: AlertRow, analystId: string, claimed = false): void {
    const rng = this.rng;
    const age = this.now - alert.detectedAt;
    const fresh = age < 15 * MIN;
    const stayNew = rng.chance(fresh ? 0.75 : 0.1) || this.now - alert.receivedAt < 20 * SEC;
    if (stayNew && !claimed) return; // NEW
    alert.status = "CLAIMED";
    alert.assigneeId = analystId;
    const sinceReceived = this.now - alert.receivedAt;
    alert.claimedAt = alert.receivedAt + Math.floor(rng.range(0.05, 0.5) * Math.min(sinceReceived, 10 * MIN));
    const count = fresh ? (rng.chance(0.5) ? 0 : 1) : rng.weighted(OPEN_ATTEMPT_COUNT);
    let t = alert.claimedAt;
    for (const planned of planOpenAttempts(rng, count)) {
      t += Math.floor(rng.range(0.1, 0.6) * Math.min(this.now - t, 20 * MIN));
      this.pushAttempt(batch, alert, planned, analystId, t);
    }
  }

  /** Handled and closed, with a plausible timeline compressed if needed so it ends before now
   * (or, for a money story, stretched or compressed to close when the story says). */
  private closedTimeline(
    batch: Batch, alert: AlertRow, analystId: string, person: PersonRow,
    forced?: { outcome: AlertOutcome; closedAt: number; lossFen?: string },
  ): void {
    const rng = this.rng;
    const outcome = forced?.outcome ?? rng.weighted(OUTCOME_SHARE);
    const plan = planClosedAttempts(rng, outcome, alert.riskLevel);
    const recv = alert.receivedAt - alert.detectedAt;
    const deadlineMs = DEFAULT_FIRST_CONTACT_MINUTES[alert.riskLevel] * MIN;
    const first = rng.chance(LATE_FIRST_CONTACT_SHARE)
      ? deadlineMs + rng.range(1 * MIN, Math.max(20 * MIN, Math.min(deadlineMs * 0.25, 6 * HOUR)))
      : recv + rng.range(15 * SEC, Math.max(20 * SEC, ON_TIME_CAP[alert.riskLevel] - recv));
    const offsets = [Math.max(first, recv + 10 * SEC)];
    for (let i = 1; i < plan.length; i++) offsets.push(offsets[i - 1]! + gapBefore(rng, plan[i]!.channel));
    const last = offsets[offsets.length - 1]!;
    const claimed = recv + (offsets[0]! - recv) * rng.range(0.2, 0.8);
    const closed = last + (outcome === "DEFRAUDED" ? rng.range(30, 180) : rng.range(2, 40)) * MIN;
    // Squeeze the whole story into the time that has passed (an alert detected 7 h ago cannot
    // have been closed 9 h after detection).
    const room = this.now - 60 * SEC - alert.detectedAt;
    const scale = forced ? (forced.closedAt - alert.detectedAt) / closed : closed > room ? room / closed : 1;
    const at = (offset: number) => alert.detectedAt + Math.floor(offset * scale);

    alert.status = "CLOSED";
    alert.outcome = outcome;
    alert.assigneeId = analystId;
    alert.claimedAt = Math.max(alert.receivedAt, at(claimed));
    alert.closedById = analystId;
    alert.closedAt = at(closed);
    if (outcome === "DEFRAUDED") {
      const yuan = rng.chance(0.02) ? 1_980_000 : Math.round(rng.logRange(20_000, 500_000));
      alert.lossFen = forced?.lossFen ?? String(yuan * 100);
    }
    const officer = this.o.users.officersByStation.get(person.station.id)?.id ?? analystId;
    plan.forEach((planned, i) => {
      this.pushAttempt(batch, alert, planned, planned.channel === "DOOR_VISIT" ? officer : analystId, at(offsets[i]!));
    });
  }

  private pushAttempt(batch: Batch, alert: AlertRow, planned: PlannedAttempt, userId: string, attemptedAt: number): void {
    alert.firstContactAt ??= attemptedAt;
    this.attempts.push({ channel: planned.channel, at: attemptedAt });
    batch.addAttempt({ id: randomUUID(), alertId: alert.id, userId, ...planned, attemptedAt });
  }
}
