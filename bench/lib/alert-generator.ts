// Realistic, valid and unique alerts for the ingestion API, plus where each one must be routed,
// so the bench can check afterwards that every alert landed where it belongs.
//
// Uniqueness: externalIds carry the run id; phones come from a number block (170/171 + a run
// slot + a counter) that the demo seed never uses and that no earlier bench run on this database
// took, so no alert links to an existing person or joins an open alert by accident.
import { benchVault } from "./pii-keys";
import { FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import { idNumberCheckChar } from "@/lib/pii/id-number";
import { withClient } from "./database";
import { mulberry32 } from "../../prisma/seed/random";

export interface IngestItemInput {
  externalId: string;
  riskLevel: RiskLevel;
  fraudType: FraudType;
  detectedAt: string;
  person: { name: string; phone: string; idNumber?: string; address?: string };
  stationCode?: string;
  callerNumbers?: string[];
  appNames?: string[];
  urls?: string[];
  suspectAccounts?: string[];
  amountInTransferFen?: number;
}

export interface GeneratedAlert {
  item: IngestItemInput;
  /** Where the API must route it (null: the city only, "unrouted"). */
  stationId: string | null;
  districtId: string | null;
}

interface Station {
  id: string;
  code: string;
  districtId: string | null;
}

interface Community {
  street: string;
  name: string;
  stationId: string;
  districtId: string | null;
}

export interface RoutingContext {
  cityId: string;
  cityCode: string;
  cityName: string;
  /** Cities of the installation: with several, an alert the API cannot route must name its city. */
  cities: number;
  stations: Station[];
  /** Communities whose address routes to them unambiguously under the API's rule. */
  communities: Community[];
}

/**
 * Stations and communities of the city. The API routes an address to the community whose street
 * and name both occur in it, the longest such match first; communities another one would shadow
 * are left out, so that the expected station of every generated address is certain.
 */
export async function loadRoutingContext(url: string, cityId: string): Promise<RoutingContext> {
  return withClient(url, async (c) => {
    const city = await c.query<{ name: string; code: string; cities: number }>(
      `SELECT name, code, (SELECT count(*)::int FROM org_unit WHERE kind = 'CITY') AS cities FROM org_unit WHERE id = $1`,
      [cityId],
    );
    const stations = await c.query<{ id: string; code: string; district_id: string | null }>(
      `SELECT id, code, district_id FROM org_unit WHERE kind = 'STATION' AND city_id = $1 ORDER BY code`,
      [cityId],
    );
    const all = await c.query<{ id: string; street: string; name: string; station_id: string; district_id: string | null }>(
      `SELECT c.id, c.street, c.name, c.station_id, s.district_id
       FROM community c JOIN org_unit s ON s.id = c.station_id
       WHERE c.city_id = $1 ORDER BY c.id`,
      [cityId],
    );
    const cityName = city.rows[0]?.name ?? "";
    const communities = all.rows.filter((target) => {
      const address = addressOf(cityName, target, 1, 1, 101);
      const matches = all.rows
        .filter((o) => address.includes(o.street) && address.includes(o.name))
        .sort((a, b) => b.street.length + b.name.length - (a.street.length + a.name.length) || (a.id < b.id ? -1 : 1));
      return matches[0]?.station_id === target.station_id;
    });
    if (stations.rows.length === 0) throw new Error("the city has no stations");
    return {
      cityId,
      cityCode: city.rows[0]?.code ?? "",
      cities: city.rows[0]?.cities ?? 1,
      cityName,
      stations: stations.rows.map((s) => ({ id: s.id, code: s.code, districtId: s.district_id })),
      communities: communities.map((x) => ({ street: x.street, name: x.name, stationId: x.station_id, districtId: x.district_id })),
    };
  });
}

function addressOf(cityName: string, c: { street: string; name: string }, building: number, unit: number, room: number): string {
  return `${cityName}${c.street}${c.name}${building}栋${unit}单元${room}室`;
}

/**
 * A phone block (170xx… / 171xx…) not used by any person yet: 200 runs of up to 1M phones each.
 * Phones are stored sealed; a block is taken when the first phone of it is known (by blind index).
 */
export async function allocatePhoneSlot(url: string): Promise<number> {
  const firsts = Array.from({ length: 200 }, (_, slot) => benchVault().blindIndex("phone", `${phoneBlock(slot)}000000`));
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ phone_index: string }>(`SELECT phone_index FROM person_phone WHERE phone_index = ANY($1::text[])`, [firsts]);
    const used = new Set(rows.map((r) => r.phone_index));
    for (let slot = 0; slot < 200; slot++) if (!used.has(firsts[slot]!)) return slot;
    throw new Error("all 200 bench phone blocks are used in this database; start from a fresh one");
  });
}

const phoneBlock = (slot: number) => `${slot < 100 ? "170" : "171"}${String(slot % 100).padStart(2, "0")}`;

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉波斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪晨阳思雨子涵梓轩浩然一诺";
const APPS = ["飞速贷", "云聚宝", "刷单帮", "安心投资", "鑫利宝", "会议通Pro", "屏幕共享助手", "优易借", "币安交易所(仿)", "快乐返利"];
const FRAUD_TYPES = Object.values(FraudType);

/** Risk mix of a city feed: mostly low and medium, a few urgent. */
function riskFor(r: number): RiskLevel {
  if (r < 0.3) return RiskLevel.LOW;
  if (r < 0.7) return RiskLevel.MEDIUM;
  if (r < 0.92) return RiskLevel.HIGH;
  return RiskLevel.URGENT;
}

/** ISO 8601 in Beijing time with its offset, as Chinese feeds send it. */
function beijingIso(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace("Z", "+08:00");
}

export class AlertGenerator {
  private readonly random: () => number;
  private phoneCounter = 0;
  private readonly sequences = new Map<string, number>();

  constructor(
    private readonly ctx: RoutingContext,
    /** Unique per run; part of every externalId. */
    readonly runId: string,
    private readonly phoneSlot: number,
    seed = 20261121,
  ) {
    this.random = mulberry32(seed);
  }

  /** externalId prefix of the alerts of one kind ("B" batch, "S" single, "W" warm-up, "C" copy). */
  prefix(kind: string): string {
    return `BENCH-${this.runId}-${kind}-`;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.random() * 10);
    return s;
  }

  private nextPhone(): string {
    if (this.phoneCounter >= 1_000_000) throw new Error("more than 1,000,000 alerts in one run");
    return phoneBlock(this.phoneSlot) + String(this.phoneCounter++).padStart(6, "0");
  }

  /** A valid 18-character ID number; the region code is fictional and unique to this run's block. */
  private idNumber(counter: number): string {
    const year = 1945 + Math.floor(this.random() * 60);
    const month = 1 + Math.floor(this.random() * 12);
    const day = 1 + Math.floor(this.random() * 28);
    const region = `9${String(this.phoneSlot).padStart(3, "0")}${String(Math.floor(counter / 1000) % 100).padStart(2, "0")}`;
    const body = `${region}${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${String(counter % 1000).padStart(3, "0")}`;
    return body + idNumberCheckChar(body);
  }

  next(kind: string, now = Date.now()): GeneratedAlert {
    const seq = (this.sequences.get(kind) ?? 0) + 1;
    this.sequences.set(kind, seq);
    const counter = this.phoneCounter;
    const phone = this.nextPhone();
    const risk = riskFor(this.random());
    const name = this.pick([...SURNAMES]) + this.pick([...GIVEN]) + (this.random() < 0.6 ? this.pick([...GIVEN]) : "");
    const person: IngestItemInput["person"] = { name, phone };
    if (this.random() < 0.35) person.idNumber = this.idNumber(counter);

    // 75 % carry a station code (some also an address), 20 % an address only, 5 % neither.
    let stationId: string | null = null;
    let districtId: string | null = null;
    let stationCode: string | undefined;
    const routing = this.random();
    const communities = this.ctx.communities;
    const address = (c: Community) => addressOf(this.ctx.cityName, c, 1 + (counter % 30), 1 + (counter % 4), 101 + (counter % 2400));
    if (routing < 0.75 || (routing < 0.95 && communities.length === 0)) {
      const station = this.pick(this.ctx.stations);
      stationCode = station.code;
      stationId = station.id;
      districtId = station.districtId;
      // The station code wins over the address, as the API documents.
      if (routing < 0.25 && communities.length > 0) person.address = address(this.pick(communities));
    } else if (routing < 0.95) {
      const community = this.pick(communities);
      person.address = address(community);
      stationId = community.stationId;
      districtId = community.districtId;
    }

    const item: IngestItemInput = {
      externalId: `${this.prefix(kind)}${String(seq).padStart(7, "0")}`,
      riskLevel: risk,
      fraudType: this.pick(FRAUD_TYPES),
      // Detected within the last three hours: open alerts, as a live feed delivers them.
      detectedAt: beijingIso(now - Math.floor(this.random() * 3 * 3600_000)),
      person,
      ...(stationCode ? { stationCode } : {}),
      // A feed serving several cities names the city of what it cannot place (the API requires it
      // then: the bench database holds the sweep city beside the demo city).
      ...(stationId === null && this.ctx.cities > 1 ? { cityCode: this.ctx.cityCode } : {}),
      callerNumbers: Array.from({ length: 1 + Math.floor(this.random() * 3) }, () =>
        this.pick(["+852", "+63", "00855", "95", "170", "400"]) + this.digits(8),
      ),
    };
    if (this.random() < 0.5) item.appNames = [this.pick(APPS)];
    if (this.random() < 0.3) item.urls = [`https://${this.pick(["app", "h5", "vip", "dl"])}.${this.digits(5)}-pay.cc/i/${this.digits(6)}`];
    if (this.random() < 0.3) item.suspectAccounts = [`62${this.digits(17)}`];
    if (risk === RiskLevel.HIGH || risk === RiskLevel.URGENT) item.amountInTransferFen = (1 + Math.floor(this.random() * 5000)) * 10_000;
    return { item, stationId, districtId };
  }
}
