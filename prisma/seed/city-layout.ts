// The fictional demo city 江州市: 10 district branches (分局) and 60 police stations (派出所),
// each station with the street (街道/镇) it covers. Names are made up but read naturally; codes
// are fixed because tests and other code refer to them (JZ, D01..D10, D01S01..). A second,
// small city (临川市) lives beside it in the test databases, to prove one city sees nothing of
// another's.

/** A city to seed: its unit, its districts and their stations. Codes are unique in the installation. */
export interface CityPlan {
  code: string;
  /** The center's unit name. */
  name: string;
  /** The city as written in addresses. */
  cityName: string;
  districts: DistrictPlan[];
  /** Prefix of the demo usernames ("" for the demo city: analyst1, admin…; "lc." for the second). */
  usernamePrefix: string;
  /** How the city's police head their notices: 赣江公 → "赣江公(反诈)冻字〔2026〕0123号". */
  noticeAgency: string;
}

/** The installation (province) the demo cities belong to. */
export const INSTALLATION_NAME = "江南省公安厅反诈平台";

export interface StationPlan {
  name: string;
  /** The 街道 / 镇 the station covers; its communities (社区) hang under it. */
  street: string;
}

export interface DistrictPlan {
  code: string;
  name: string;
  /** Relative share of the city's alerts (central districts are busier). */
  weight: number;
  /** GB/T 2260-style 6-digit region code used as the ID-number prefix of people registered here. */
  regionCode: string;
  stations: StationPlan[];
}

const st = (name: string, street: string): StationPlan => ({ name, street });

export const DISTRICTS: DistrictPlan[] = [
  {
    code: "D01", name: "东湖分局", weight: 1.3, regionCode: "360402",
    stations: [
      st("东湖路派出所", "东湖街道"), st("桂园派出所", "桂园街道"), st("湖滨派出所", "湖滨街道"),
      st("南浦派出所", "南浦街道"), st("书院派出所", "书院街道"), st("百花洲派出所", "百花洲街道"),
    ],
  },
  {
    code: "D02", name: "江北分局", weight: 1.2, regionCode: "360403",
    stations: [
      st("江北派出所", "江北街道"), st("沿江派出所", "沿江街道"), st("长春桥派出所", "长春桥街道"),
      st("北湖派出所", "北湖街道"), st("望江派出所", "望江街道"), st("新港派出所", "新港街道"),
      st("城北派出所", "城北街道"),
    ],
  },
  {
    code: "D03", name: "西城分局", weight: 1.1, regionCode: "360404",
    stations: [
      st("西门派出所", "西门街道"), st("朝阳派出所", "朝阳街道"), st("文昌派出所", "文昌街道"),
      st("西园派出所", "西园街道"), st("广场派出所", "广场街道"),
    ],
  },
  {
    code: "D04", name: "南山分局", weight: 1.0, regionCode: "360423",
    stations: [
      st("南山路派出所", "南山街道"), st("莲塘派出所", "莲塘镇"), st("松柏派出所", "松柏街道"),
      st("云岭派出所", "云岭街道"), st("桃花派出所", "桃花街道"), st("五里派出所", "五里街道"),
    ],
  },
  {
    code: "D05", name: "青山分局", weight: 0.9, regionCode: "360424",
    stations: [
      st("青山湖派出所", "青山街道"), st("钢城派出所", "钢城街道"), st("红卫派出所", "红卫街道"),
      st("工人村派出所", "工人村街道"), st("冶金派出所", "冶金街道"), st("白沙派出所", "白沙镇"),
    ],
  },
  {
    code: "D06", name: "滨江分局", weight: 1.0, regionCode: "360425",
    stations: [
      st("滨江派出所", "滨江街道"), st("江滩派出所", "江滩街道"), st("龙王庙派出所", "龙王庙街道"),
      st("三码头派出所", "三码头街道"), st("大桥派出所", "大桥街道"), st("月湖派出所", "月湖街道"),
      st("琴台派出所", "琴台街道"), st("柳浪派出所", "柳浪街道"),
    ],
  },
  {
    code: "D07", name: "高新分局", weight: 1.1, regionCode: "360426",
    stations: [
      st("科技城派出所", "科技城街道"), st("创新路派出所", "创新街道"), st("软件园派出所", "软件园街道"),
      st("瑶湖派出所", "瑶湖街道"), st("艾溪派出所", "艾溪街道"),
    ],
  },
  {
    code: "D08", name: "临港分局", weight: 0.7, regionCode: "360428",
    stations: [
      st("临港派出所", "临港街道"), st("港口派出所", "港口镇"), st("保税区派出所", "保税街道"),
      st("船厂派出所", "船厂街道"), st("金沙派出所", "金沙街道"), st("鹭岛派出所", "鹭岛街道"),
    ],
  },
  {
    code: "D09", name: "白云分局", weight: 0.6, regionCode: "360429",
    stations: [
      st("白云派出所", "白云街道"), st("石门派出所", "石门镇"), st("枫林派出所", "枫林街道"),
      st("三元派出所", "三元街道"), st("太和派出所", "太和镇"),
    ],
  },
  {
    code: "D10", name: "龙泉分局", weight: 0.6, regionCode: "360430",
    stations: [
      st("龙泉派出所", "龙泉街道"), st("柏合派出所", "柏合镇"), st("洪河派出所", "洪河街道"),
      st("山泉派出所", "山泉镇"), st("茶店派出所", "茶店镇"), st("黄土派出所", "黄土镇"),
    ],
  },
];

export const JIANGZHOU: CityPlan = { code: "JZ", name: "江州市公安局反诈中心", cityName: "江州市", districts: DISTRICTS, usernamePrefix: "", noticeAgency: "赣江公" };

/** The second city of the test databases: two districts of two stations each. */
export const LINCHUAN: CityPlan = {
  code: "LC",
  name: "临川市公安局反诈中心",
  cityName: "临川市",
  usernamePrefix: "lc.",
  noticeAgency: "赣临公",
  districts: [
    { code: "L01", name: "文昌分局", weight: 1, regionCode: "361002", stations: [st("才子派出所", "才子街道"), st("荆公派出所", "荆公街道")] },
    { code: "L02", name: "玉茗分局", weight: 1, regionCode: "361003", stations: [st("玉茗派出所", "玉茗街道"), st("汤显祖派出所", "汤显祖街道")] },
  ],
};

/** "东湖分局" → "东湖区" (the administrative district used in addresses). */
export function districtAreaName(branchName: string): string {
  return branchName.replace(/分局$/, "") + "区";
}

/** Two-character community names are built from these halves (翠湖、锦园、金桥 …). */
export const COMMUNITY_FIRST = [
  "翠", "锦", "金", "银", "玉", "青", "绿", "明", "新", "安", "和", "康", "福", "瑞", "兴", "华",
  "盛", "丰", "嘉", "怡", "阳", "春", "秋", "梅", "兰", "竹", "桂", "荷", "柳", "枫", "松", "桃",
  "杏", "樟", "紫", "彩", "丹", "光", "星", "月", "东", "西", "南", "北", "永", "长", "文", "育",
] as const;
export const COMMUNITY_SECOND = [
  "湖", "园", "苑", "城", "庭", "湾", "山", "林", "泉", "桥", "港", "岸", "坊", "里", "亭", "洲",
  "塘", "溪", "岭", "坡", "畈", "井", "街", "村",
] as const;

/** Region codes of people who live in 江州 but were registered elsewhere (ID-number prefixes). */
export const OTHER_REGION_CODES = [
  "360102", "360103", "360111", "360203", "360302", "360502", "360602", "360702", "360802",
  "420102", "420106", "430102", "340102", "350102", "330102", "441302", "510104",
] as const;
