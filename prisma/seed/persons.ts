// The residents at risk: realistic names, unique normalised mobiles, ID numbers for ~40 % of
// them (with a correct check character and a birth date matching their age) and an address in
// one of the station's communities, so that address routing can find the station again.
import { randomUUID } from "node:crypto";
import type { FraudType } from "@/prisma/generated/client/enums";
import { OTHER_REGION_CODES } from "./city-layout";
import { BEIJING_OFFSET_MS } from "./constants";
import { makeIdNumber } from "./id-number";
import { personName, type Gender } from "./names";
import type { CommunityRow, StationUnit } from "./org-units";
import { AGE_BANDS, ID_NUMBER_SHARE } from "./proportions";
import { Weighted, type Rng } from "./random";

export interface PersonRow {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
  address: string;
  station: StationUnit;
  community: CommunityRow;
  /** Set by the alert generator: the person appears with their first alert. */
  createdAt: number;
}

// Mainland mobile number segments (China Mobile, China Unicom, China Telecom, broadcast).
const MOBILE_PREFIXES = [
  "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "178",
  "182", "183", "184", "187", "188", "195", "198", "130", "131", "132", "145", "155", "156", "166",
  "175", "176", "185", "186", "133", "149", "153", "173", "177", "180", "181", "189", "191", "199", "192",
] as const;

const AGE_TABLES = Object.fromEntries(
  Object.entries(AGE_BANDS).map(([type, bands]) => [
    type,
    new Weighted(bands.map(([min, max, w]) => [[min, max] as const, w] as const)),
  ]),
) as Record<FraudType, Weighted<readonly [number, number]>>;

const YEAR_MS = 365.2425 * 24 * 3600_000;

function ymd(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return (
    String(d.getUTCFullYear()) +
    String(d.getUTCMonth() + 1).padStart(2, "0") +
    String(d.getUTCDate()).padStart(2, "0")
  );
}

export class PersonFactory {
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();
  private readonly stationTable: Weighted<StationUnit>;

  constructor(
    private readonly rng: Rng,
    stations: readonly StationUnit[],
    private readonly now: number,
    /** As written in addresses (江州市). */
    private readonly cityName: string,
  ) {
    this.stationTable = new Weighted(stations.map((s) => [s, s.weight] as const));
  }

  uniquePhone(): string {
    for (;;) {
      const phone = this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** A person whose age fits the fraud type of their first alert (at `station` if given). */
  make(fraudType: FraudType, station?: StationUnit): PersonRow {
    const rng = this.rng;
    const [minAge, maxAge] = rng.weighted(AGE_TABLES[fraudType]);
    const birthMs = this.now - (rng.int(minAge, maxAge) + rng.float()) * YEAR_MS;
    const birthYear = new Date(birthMs + BEIJING_OFFSET_MS).getUTCFullYear();
    const gender: Gender = rng.chance(fraudType === "ROMANCE" ? 0.35 : 0.48) ? "M" : "F";
    const drawn = rng.weighted(this.stationTable);
    // A written scenario places its person at a given station (the draw is still made, so the rest stays as it was).
    station ??= drawn;
    const community = rng.pick(station.communities);
    let idNumber: string | null = null;
    if (rng.chance(ID_NUMBER_SHARE)) {
      const region = rng.chance(0.85) ? station.district.regionCode : rng.pick(OTHER_REGION_CODES);
      for (;;) {
        // The last digit of the sequence is odd for men and even for women.
        const seq = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (gender === "M" ? 1 : 0);
        const id = makeIdNumber(region, ymd(birthMs), seq);
        if (!this.idNumbers.has(id)) {
          this.idNumbers.add(id);
          idNumber = id;
          break;
        }
      }
    }
    const address =
      `${this.cityName}${station.district.areaName}${community.street}${community.name}` +
      `${rng.int(1, 32)}栋${rng.int(1, 4)}单元${rng.int(1, 26)}${String(rng.int(1, 4)).padStart(2, "0")}室`;
    return {
      id: randomUUID(),
      name: personName(rng, gender, birthYear),
      phone: this.uniquePhone(),
      idNumber,
      address,
      station,
      community,
      createdAt: 0,
    };
  }
}
