// The fraud side of an alert: caller numbers (kept as given, including "00"/"+" international
// numbers, 95xxx and 400 numbers, virtual mobiles), app names, URLs under the reserved
// `.example` TLD and Luhn-valid mule accounts. Fraudsters reuse their numbers and accounts, so
// each is drawn from a pool and popular ones recur across alerts.
import type { FraudType } from "@/prisma/generated/client/enums";
import type { SourceCode } from "./proportions";
import { makeCardNumber } from "./bank-card";
import type { BankRow } from "./banks";
import { Weighted, type Rng } from "./random";

type NumberKind = "intl" | "intl00" | "service95" | "service400" | "mobile" | "landline";

const NUMBER_KIND_BY_TYPE: Partial<Record<FraudType, Weighted<NumberKind>>> = {
  FAKE_CUSTOMER_SERVICE: new Weighted<NumberKind>([["service95", 35], ["service400", 30], ["mobile", 20], ["intl", 10], ["intl00", 5]]),
  IMPERSONATE_AUTHORITY: new Weighted<NumberKind>([["intl", 35], ["intl00", 20], ["landline", 20], ["mobile", 25]]),
  FAKE_CREDIT: new Weighted<NumberKind>([["service400", 30], ["service95", 15], ["mobile", 35], ["intl", 20]]),
  FAKE_LOAN: new Weighted<NumberKind>([["service400", 30], ["service95", 10], ["mobile", 40], ["intl", 20]]),
};
const NUMBER_KIND_DEFAULT = new Weighted<NumberKind>([["mobile", 50], ["intl", 25], ["intl00", 10], ["service400", 10], ["landline", 5]]);

const APPS: Record<FraudType, readonly string[]> = {
  REBATE_TASK: ["“抖赚”任务App", "淘单助手", "点赞宝", "某某云", "悦享兼职", "蝙蝠"],
  FAKE_INVESTMENT: ["汇盈国际", "星河金融", "币圈通", "鼎盛期货", "“智投”炒股软件", "某某云"],
  FAKE_LOAN: ["速借宝", "京钱贷", "安心贷", "闪电借款", "钉钉会议"],
  FAKE_CUSTOMER_SERVICE: ["钉钉会议", "腾讯会议", "屏幕共享助手", "某某云", "“安全防护”App"],
  IMPERSONATE_AUTHORITY: ["“安全防护”App", "“清查系统”App", "“公安防护”App", "钉钉会议", "屏幕共享助手"],
  IMPERSONATE_ACQUAINTANCE: ["蝙蝠", "某某云"],
  FAKE_CREDIT: ["征信修复助手", "钉钉会议", "某某云"],
  FAKE_SHOPPING: ["优选商城", "特价好物", "二手交易(仿冒)"],
  GAME_TRADING: ["游戏交易猫(仿冒)", "租号玩助手", "“装备宝”交易平台"],
  ROMANCE: ["“缘来”交友", "同城约", "蝙蝠", "星河金融"],
  IMPERSONATE_MILITARY: ["“军采”订货平台", "钉钉会议"],
  OTHER: ["养老服务平台", "保健品商城", "某某云"],
};

const URL_WORDS: Record<FraudType, readonly string[]> = {
  REBATE_TASK: ["shuadan", "taskhub", "dianzan", "fanli"],
  FAKE_INVESTMENT: ["licai-vip", "huiying-fx", "btc-plus", "qihuo-pro"],
  FAKE_LOAN: ["sudai", "jieqian", "xinyongdai"],
  FAKE_CUSTOMER_SERVICE: ["kefu-tuikuan", "wuliu-peifu", "kuaidi-lipei"],
  IMPERSONATE_AUTHORITY: ["gaj-qingcha", "jiancha-anjian", "safe-check"],
  IMPERSONATE_ACQUAINTANCE: ["pan-share", "hongbao"],
  FAKE_CREDIT: ["zhengxin-xiufu", "credit-fix"],
  FAKE_SHOPPING: ["tejia-mall", "haowu-shop"],
  GAME_TRADING: ["youxi-jiaoyi", "zuhao"],
  ROMANCE: ["tongcheng-yue", "yuanlai"],
  IMPERSONATE_MILITARY: ["juncai"],
  OTHER: ["yanglao-bao", "baojian"],
};
const URL_PATHS = ["h5", "app", "download", "login", "index.html", "#/pay", "reg?code=8866", "kf"] as const;

const OTHER_BINS = ["623668", "622908", "621691", "622689", "623058", "621462", "622630"] as const;

export interface FraudSide {
  callerNumbers: string[];
  appNames: string[];
  urls: string[];
  suspectAccounts: string[];
}

/** Pools of fraud-side identifiers; a skewed pick makes some of them recur across many alerts. */
export class FraudSideFactory {
  private readonly numbers = new Map<NumberKind, string[]>();
  private readonly urlPools = new Map<FraudType, string[]>();
  private readonly accounts: string[];

  constructor(private readonly rng: Rng, alerts: number, banks: readonly BankRow[]) {
    const poolSize = Math.max(60, Math.round(alerts / 15));
    for (const kind of ["intl", "intl00", "service95", "service400", "mobile", "landline"] as const) {
      this.numbers.set(kind, Array.from({ length: poolSize }, () => this.newNumber(kind)));
    }
    for (const type of Object.keys(URL_WORDS) as FraudType[]) {
      const words = URL_WORDS[type];
      this.urlPools.set(
        type,
        Array.from({ length: Math.max(8, Math.round(alerts / 400)) }, () =>
          `https://${rng.pick(words)}${rng.int(1, 999)}.example/${rng.pick(URL_PATHS)}`),
      );
    }
    const bins = [...banks.flatMap((b) => b.bins), ...OTHER_BINS];
    this.accounts = Array.from({ length: Math.max(100, Math.round(alerts / 8)) }, () =>
      makeCardNumber(rng.pick(bins), rng.chance(0.75) ? 19 : rng.pick([16, 17, 18]), (n) => rng.digits(n)));
  }

  private newNumber(kind: NumberKind): string {
    const rng = this.rng;
    switch (kind) {
      case "intl": {
        const cc = rng.pick(["852", "853", "63", "855", "95", "1", "44", "60", "66", "886"]);
        return cc === "1" ? `+1${rng.int(201, 989)}${rng.int(200, 999)}${rng.digits(4)}` : `+${cc}${rng.int(2, 9)}${rng.digits(cc === "63" ? 9 : 7)}`;
      }
      case "intl00": {
        const cc = rng.pick(["1", "852", "855", "63", "44"]);
        return cc === "1" ? `001${rng.int(201, 989)}555${rng.digits(4)}` : `00${cc}${rng.int(2, 9)}${rng.digits(7)}`;
      }
      case "service95":
        return `95${rng.digits(3)}`;
      case "service400":
        return `400${rng.int(1, 9)}${rng.digits(6)}`;
      case "mobile":
        return `${rng.pick(["170", "171", "165", "167", "162", "138", "186", "153", "199"])}${rng.digits(8)}`;
      case "landline":
        return `0${rng.pick(["10", "21", "20", "755", "27", "28", "791"])}${rng.int(2, 8)}${rng.digits(7)}`;
    }
  }

  /** Squared uniform index: the first entries of a pool are picked far more often. */
  private skewed<T>(pool: readonly T[]): T {
    const u = this.rng.float();
    return pool[Math.floor(u * u * pool.length)]!;
  }

  private several<T>(count: number, draw: () => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < count; i++) {
      const v = draw();
      if (!out.includes(v)) out.push(v);
    }
    return out;
  }

  make(source: SourceCode, type: FraudType): FraudSide {
    const rng = this.rng;
    const kinds = NUMBER_KIND_BY_TYPE[type] ?? NUMBER_KIND_DEFAULT;
    const nNumbers =
      source === "telecom" ? rng.int(1, 3)
        : source === "national" || source === "provincial" || source === "hotline-96110" ? (rng.chance(0.75) ? rng.int(1, 2) : 0)
        : rng.chance(0.4) ? 1 : 0;
    const callerNumbers = this.several(nNumbers, () => this.skewed(this.numbers.get(rng.weighted(kinds))!));
    const appNames =
      rng.chance(source === "telecom" || source === "city-analysis" || source === "national" ? 0.45 : 0.15)
        ? this.several(rng.chance(0.8) ? 1 : 2, () => rng.pick(APPS[type]))
        : [];
    const urls = rng.chance(source === "city-analysis" || source === "national" ? 0.3 : 0.1)
      ? [this.skewed(this.urlPools.get(type)!)]
      : [];
    const moneyTypes = type !== "IMPERSONATE_ACQUAINTANCE" || rng.chance(0.5);
    const nAccounts =
      source === "bank-monitor" ? rng.int(1, 3)
        : moneyTypes && rng.chance(source === "hotline-96110" ? 0.3 : 0.15) ? 1 : 0;
    const suspectAccounts = this.several(nAccounts, () => this.skewed(this.accounts));
    return { callerNumbers, appNames, urls, suspectAccounts };
  }
}
