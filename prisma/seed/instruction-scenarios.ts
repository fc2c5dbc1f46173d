// Open instructions written on purpose, so that every role lands on work whatever the size of the
// seed: the first station of the first district (江州: D01S01, officer.d01s01; 临川: L01S01) and
// its district (coord.d01) hold one in each status, some overdue, one escalated with a supervision
// notice waiting for the station's reply, one declined waiting for re-routing, one re-routed (two
// station receipts, the first station charged with a late sign-off), and one reported waiting for
// the first analyst (analyst1) to review. Each comes with its own alert (the generator's persons
// 1…n), detected just before the instruction was issued and held by that analyst.
//
// Times are minutes after the dispatch; the dispatch was `age` minutes before now. The sweep's
// overdue marks, escalation and reminders follow from the deadlines (instruction-story.ts).
import type { InstructionKind, RiskLevel } from "@/prisma/generated/client/enums";
import type { Feedback, Step, Target } from "./instruction-story";

const MIN = 60_000;

/** The units and people a scenario is written with (the first district, its first three stations). */
export interface ScenarioCast {
  district: string;
  /** Stations 1, 2 and 3 of the district (wrapping round in a smaller district). */
  stations: readonly [string, string, string];
  analyst: string;
  coordinator: string;
  leader: string;
  officer: (stationId: string) => string;
  location: (stationId: string) => string;
}

export interface Scenario {
  name: string;
  kind: InstructionKind;
  risk: RiskLevel;
  /** Minutes between the dispatch and now. */
  age: number;
  /** Which of the three stations the person lives in (the right station). */
  home: 0 | 1 | 2;
  /** Issued by the district (its coordinator) instead of the city's analyst. */
  byDistrict?: boolean;
  steps: (c: ScenarioCast, at: (minutes: number) => number) => Step[];
}

const TEAM = { officers: ["李强", "周斌"], auxiliaries: ["陈杰", "马超", "吴磊"], gridWorkers: ["赵敏"] };
const DISSUADED: Feedback = {
  outcome: "DISSUADED",
  metPerson: true,
  checks: ["CALL_SMS_LOG", "CHAT_APPS", "FRAUD_APPS", "LARGE_TRANSFERS"],
  lossAvoidedFen: "5000000",
  lossFen: null,
  note: "已见面劝阻，事主已卸载涉诈App，承诺不再转账",
};
const THIN: Feedback = { outcome: "DISSUADED", metPerson: false, checks: [], lossAvoidedFen: null, lossFen: null, note: "已劝阻" };

const station = (c: ScenarioCast, i: 0 | 1 | 2): Target => ({ districtId: c.district, stationId: c.stations[i] });
const district = (c: ScenarioCast): Target => ({ districtId: c.district, stationId: null });

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "escalated, reply required",
    kind: "DOOR_VISIT",
    risk: "URGENT",
    age: 170,
    home: 0,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "资金预警，事主疑似正在转账，请立即上门" },
      { kind: "SIGNED_OFF", at: at(14), userId: c.officer(c.stations[0]) },
      { kind: "TEAM_SET", at: at(16), userId: c.officer(c.stations[0]), team: TEAM },
      { kind: "CHECKED_IN", at: at(45), userId: c.officer(c.stations[0]), location: c.location(c.stations[0]) },
      { kind: "DRAFT", at: at(52), draft: { metPerson: "yes", checks: ["CALL_SMS_LOG"] } },
      { kind: "CHASED", at: at(75), userId: c.coordinator, note: "已超时，请加快反馈" },
      { kind: "REPLY_REQUIRED", at: at(130), userId: c.leader, note: "请说明超时原因并于今日反馈" },
    ],
  },
  {
    name: "sign-off overdue",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 50,
    home: 0,
    steps: (c, at) => [{ kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "事主电话未接通，请速上门核实劝阻" }],
  },
  {
    name: "just arrived",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 4,
    home: 0,
    steps: (c, at) => [{ kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "高风险预警，请立即上门见面劝阻" }],
  },
  {
    name: "waiting at the district",
    kind: "PHONE_FOLLOW_UP",
    risk: "MEDIUM",
    age: 40,
    home: 1,
    steps: (c, at) => [{ kind: "ISSUED", at: at(0), userId: c.analyst, target: district(c), note: "请电话回访事主，核实是否已识破骗局" }],
  },
  {
    name: "forwarded, on site",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 100,
    home: 0,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: district(c), note: "请上门核查并做好宣防" },
      { kind: "FORWARDED", at: at(6), userId: c.coordinator, stationId: c.stations[0], note: null },
      { kind: "SIGNED_OFF", at: at(15), userId: c.officer(c.stations[0]) },
      { kind: "TEAM_SET", at: at(18), userId: c.officer(c.stations[0]), team: TEAM },
      { kind: "CHECKED_IN", at: at(45), userId: c.officer(c.stations[0]), location: c.location(c.stations[0]) },
      { kind: "DRAFT", at: at(60), draft: { metPerson: "yes", checks: ["CALL_SMS_LOG", "CHAT_APPS"], note: "正在讲解诈骗手法" } },
    ],
  },
  {
    name: "feedback overdue",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 300,
    home: 0,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "事主不相信是诈骗，请上门当面劝阻" },
      { kind: "SIGNED_OFF", at: at(12), userId: c.officer(c.stations[0]) },
      { kind: "TEAM_SET", at: at(15), userId: c.officer(c.stations[0]), team: TEAM },
      { kind: "CHECKED_IN", at: at(60), userId: c.officer(c.stations[0]), location: c.location(c.stations[0]) },
      { kind: "VISIT_ATTEMPT", at: at(80), userId: c.officer(c.stations[0]), note: "家中无人，已留联系卡" },
      { kind: "CHASED", at: at(250), userId: c.coordinator, note: "请立即上门并反馈结果" },
    ],
  },
  {
    name: "declined, waiting for re-routing",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 35,
    home: 2,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "高风险预警，请立即上门见面劝阻" },
      { kind: "DECLINED", at: at(12), userId: c.officer(c.stations[0]), reason: "NOT_OUR_JURISDICTION", suggestedStationId: c.stations[2], note: "事主现住址在邻近辖区，建议改派" },
    ],
  },
  {
    name: "reported, waiting for review",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 150,
    home: 0,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "高风险预警，请立即上门见面劝阻" },
      { kind: "SIGNED_OFF", at: at(8), userId: c.officer(c.stations[0]) },
      { kind: "TEAM_SET", at: at(10), userId: c.officer(c.stations[0]), team: TEAM },
      { kind: "CHECKED_IN", at: at(38), userId: c.officer(c.stations[0]), location: c.location(c.stations[0]) },
      { kind: "FEEDBACK", at: at(62), userId: c.officer(c.stations[0]), feedback: DISSUADED },
    ],
  },
  {
    name: "re-routed, the first station late",
    kind: "DOOR_VISIT",
    risk: "URGENT",
    age: 60,
    home: 0,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 1), note: "资金预警，事主疑似正在转账，请立即上门" },
      { kind: "DECLINED", at: at(16), userId: c.officer(c.stations[1]), reason: "NOT_OUR_JURISDICTION", suggestedStationId: c.stations[0], note: "非本所辖区" },
      { kind: "REROUTED", at: at(20), userId: c.analyst, target: station(c, 0), note: "根据辖区核实结果改派" },
      { kind: "SIGNED_OFF", at: at(26), userId: c.officer(c.stations[0]) },
      { kind: "TEAM_SET", at: at(28), userId: c.officer(c.stations[0]), team: TEAM },
      { kind: "CHECKED_IN", at: at(45), userId: c.officer(c.stations[0]), location: c.location(c.stations[0]) },
    ],
  },
  {
    name: "issued by the district",
    kind: "PHONE_FOLLOW_UP",
    risk: "MEDIUM",
    age: 30,
    home: 0,
    byDistrict: true,
    steps: (c, at) => [{ kind: "ISSUED", at: at(0), userId: c.coordinator, target: station(c, 0), note: "请联系事主做好防范提醒" }],
  },
  {
    name: "sent back for more work",
    kind: "DOOR_VISIT",
    risk: "HIGH",
    age: 210,
    home: 0,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 0), note: "请上门核查并做好宣防" },
      { kind: "SIGNED_OFF", at: at(10), userId: c.officer(c.stations[0]) },
      { kind: "TEAM_SET", at: at(12), userId: c.officer(c.stations[0]), team: TEAM },
      { kind: "CHECKED_IN", at: at(50), userId: c.officer(c.stations[0]), location: c.location(c.stations[0]) },
      { kind: "FEEDBACK", at: at(80), userId: c.officer(c.stations[0]), feedback: THIN },
      { kind: "SENT_BACK", at: at(100), userId: c.analyst, note: "反馈不完整，请补充核查情况" },
    ],
  },
  {
    name: "escalated, replied",
    kind: "DOOR_VISIT",
    risk: "URGENT",
    age: 240,
    home: 1,
    steps: (c, at) => [
      { kind: "ISSUED", at: at(0), userId: c.analyst, target: station(c, 1), note: "资金预警，事主疑似正在转账，请立即上门" },
      { kind: "SIGNED_OFF", at: at(6), userId: c.officer(c.stations[1]) },
      { kind: "TEAM_SET", at: at(8), userId: c.officer(c.stations[1]), team: TEAM },
      { kind: "CHECKED_IN", at: at(30), userId: c.officer(c.stations[1]), location: c.location(c.stations[1]) },
      { kind: "VISIT_ATTEMPT", at: at(50), userId: c.officer(c.stations[1]), note: "家中无人" },
      { kind: "REPLY_REQUIRED", at: at(125), userId: c.leader, note: "请说明进展" },
      { kind: "REPLIED", at: at(150), userId: c.officer(c.stations[1]), reply: "事主外出务工，已联系其家属，今晚再次上门" },
    ],
  },
];

/** Minutes → an instant, counted from a scenario's dispatch. */
export function scenarioClock(now: number, scenario: Scenario): (minutes: number) => number {
  const t0 = now - scenario.age * MIN;
  return (minutes) => t0 + minutes * MIN;
}
