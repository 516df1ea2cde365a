// The demo hall's shape as pure data: the 33 departments stationed in a district center, the
// districts a city deployment spreads over, and the floor plan of the 90 windows in their zones.
// The numbers match DOMAIN.md (33 departments, 194 items, 90 windows). The service items live in
// catalogItems.ts and the people's names in catalogPeople.ts; generateHall.ts turns all three
// into rows. Everything here is fictional demo data in a real district's style.

export type DepartmentKind = "government" | "utility";

export interface DepartmentTemplate {
  /** Short code, unique in a center; also names the liaison's login (`liaison-<code>`). */
  code: string;
  /** Written as in the district itself ("区…"); generateHall adapts it to counties and cities. */
  name: string;
  shortName: string;
  kind: DepartmentKind;
  /** How many liaison mail addresses the monthly bulletin goes to (1–3). */
  liaisons: 1 | 2 | 3;
}

export const DEPARTMENTS: readonly DepartmentTemplate[] = [
  { code: "scjg", name: "区市场监督管理局", shortName: "市场监管", kind: "government", liaisons: 3 },
  { code: "rsj", name: "区人力资源和社会保障局", shortName: "人社", kind: "government", liaisons: 3 },
  { code: "gaj", name: "区公安分局", shortName: "公安", kind: "government", liaisons: 2 },
  { code: "swj", name: "区税务局", shortName: "税务", kind: "government", liaisons: 3 },
  { code: "ybj", name: "区医疗保障局", shortName: "医保", kind: "government", liaisons: 2 },
  { code: "zjj", name: "区住房和城乡建设局", shortName: "住建", kind: "government", liaisons: 2 },
  { code: "zrzyj", name: "区自然资源局", shortName: "自然资源", kind: "government", liaisons: 2 },
  { code: "mzj", name: "区民政局", shortName: "民政", kind: "government", liaisons: 2 },
  { code: "wjw", name: "区卫生健康委员会", shortName: "卫健", kind: "government", liaisons: 2 },
  { code: "jyj", name: "区教育局", shortName: "教育", kind: "government", liaisons: 1 },
  { code: "jtj", name: "区交通运输局", shortName: "交通运输", kind: "government", liaisons: 1 },
  { code: "sthjj", name: "区生态环境局", shortName: "生态环境", kind: "government", liaisons: 1 },
  { code: "cgj", name: "区城市管理局", shortName: "城管", kind: "government", liaisons: 1 },
  { code: "wglj", name: "区文化广电旅游局", shortName: "文广旅", kind: "government", liaisons: 1 },
  { code: "yjj", name: "区应急管理局", shortName: "应急", kind: "government", liaisons: 1 },
  { code: "tyjrj", name: "区退役军人事务局", shortName: "退役军人", kind: "government", liaisons: 1 },
  { code: "cl", name: "区残疾人联合会", shortName: "残联", kind: "government", liaisons: 1 },
  { code: "bdc", name: "区不动产登记中心", shortName: "不动产登记", kind: "government", liaisons: 2 },
  { code: "gjj", name: "区公积金管理中心", shortName: "公积金", kind: "government", liaisons: 2 },
  { code: "slj", name: "区水务局", shortName: "水务", kind: "government", liaisons: 1 },
  { code: "nyncj", name: "区农业农村局", shortName: "农业农村", kind: "government", liaisons: 1 },
  { code: "swuj", name: "区商务局", shortName: "商务", kind: "government", liaisons: 1 },
  { code: "sfj", name: "区司法局", shortName: "司法", kind: "government", liaisons: 1 },
  { code: "fgj", name: "区发展和改革局", shortName: "发改", kind: "government", liaisons: 1 },
  { code: "czj", name: "区财政局", shortName: "财政", kind: "government", liaisons: 1 },
  { code: "tjj", name: "区统计局", shortName: "统计", kind: "government", liaisons: 1 },
  { code: "dag", name: "区档案馆", shortName: "档案", kind: "government", liaisons: 1 },
  { code: "gdgs", name: "供电公司", shortName: "供电", kind: "utility", liaisons: 2 },
  { code: "rqgs", name: "燃气公司", shortName: "燃气", kind: "utility", liaisons: 1 },
  { code: "zlsgs", name: "自来水公司", shortName: "供水", kind: "utility", liaisons: 1 },
  { code: "xfjy", name: "区消防救援大队", shortName: "消防", kind: "government", liaisons: 1 },
  { code: "yczm", name: "区烟草专卖局", shortName: "烟草", kind: "government", liaisons: 1 },
  { code: "qxj", name: "区气象局", shortName: "气象", kind: "government", liaisons: 1 },
];

/** Local parts of the liaison addresses, in order of use (a department with 2 liaisons uses the first 2). */
export const LIAISON_MAILBOXES = ["liaison", "office", "deputy"] as const;
export const LIAISON_MAIL_DOMAIN = "example.gov.cn";

// ---------------------------------------------------------------------------------------------
// Districts: the first hall is the district the source text describes; a city deployment
// (`--halls N`) adds the city's other districts, counties and county-level cities in order.

export interface DistrictTemplate {
  name: string;
  /** 行政区划代码 (GB/T 2260), six digits. */
  regionCode: string;
  /** What the local departments call themselves: 区…局, 县…局 or 市…局. */
  unit: "区" | "县" | "市";
}

export const DISTRICTS: readonly DistrictTemplate[] = [
  { name: "市中区", regionCode: "511102", unit: "区" },
  { name: "沙湾区", regionCode: "511111", unit: "区" },
  { name: "五通桥区", regionCode: "511112", unit: "区" },
  { name: "金口河区", regionCode: "511113", unit: "区" },
  { name: "犍为县", regionCode: "511123", unit: "县" },
  { name: "井研县", regionCode: "511124", unit: "县" },
  { name: "夹江县", regionCode: "511126", unit: "县" },
  { name: "沐川县", regionCode: "511129", unit: "县" },
  { name: "峨边彝族自治县", regionCode: "511132", unit: "县" },
  { name: "马边彝族自治县", regionCode: "511133", unit: "县" },
  { name: "峨眉山市", regionCode: "511181", unit: "市" },
];

// ---------------------------------------------------------------------------------------------
// The floor plan: zones of windows, numbered 1–90 in this order. A group is `count` windows with
// the same sign serving the same department(s). With `itemKeywords` the windows serve only the
// items of their departments whose names contain one of the keywords (a specialised counter);
// without, they are general counters of their departments and share out the remaining items.

export interface WindowGroupTemplate {
  departments: readonly string[];
  count: number;
  sign: string;
  itemKeywords?: readonly string[];
}

export interface ZoneTemplate {
  zone: string;
  groups: readonly WindowGroupTemplate[];
}

export const ZONES: readonly ZoneTemplate[] = [
  {
    zone: "A区 综合受理",
    groups: [
      { departments: ["scjg", "swj"], count: 3, sign: "企业开办综合窗口", itemKeywords: ["企业设立", "个体工商户设立", "发票领用", "一般纳税人"] },
      { departments: ["rsj", "ybj"], count: 2, sign: "社保医保综合窗口", itemKeywords: ["参保登记", "社会保障卡", "权益记录", "参保信息"] },
      { departments: ["fgj", "tjj"], count: 1, sign: "发改·统计综合窗口" },
      { departments: ["czj", "dag"], count: 1, sign: "财政·档案综合窗口" },
      { departments: ["swuj", "yczm"], count: 1, sign: "商务·烟草专卖窗口" },
      { departments: ["yjj", "xfjy"], count: 1, sign: "应急·消防窗口" },
      { departments: ["nyncj", "qxj"], count: 1, sign: "农业农村·气象窗口" },
    ],
  },
  {
    zone: "B区 市场准入",
    groups: [
      { departments: ["scjg"], count: 4, sign: "市场主体登记", itemKeywords: ["登记", "名称", "营业执照"] },
      { departments: ["scjg"], count: 3, sign: "食品药品许可", itemKeywords: ["食品", "药品", "医疗器械"] },
      { departments: ["scjg"], count: 3, sign: "市场监管综合业务" },
      { departments: ["wglj"], count: 1, sign: "文化旅游" },
    ],
  },
  {
    zone: "C区 社会事务",
    groups: [
      { departments: ["rsj"], count: 2, sign: "就业创业", itemKeywords: ["失业", "就业", "创业"] },
      { departments: ["rsj"], count: 1, sign: "工伤保险", itemKeywords: ["工伤", "劳动能力"] },
      { departments: ["rsj"], count: 1, sign: "劳动人事争议仲裁", itemKeywords: ["仲裁"] },
      { departments: ["rsj"], count: 5, sign: "社会保险" },
      { departments: ["ybj"], count: 4, sign: "医疗保障" },
      { departments: ["mzj"], count: 3, sign: "民政服务" },
      { departments: ["wjw"], count: 2, sign: "卫生健康" },
      { departments: ["jyj"], count: 1, sign: "教育服务" },
      { departments: ["tyjrj"], count: 1, sign: "退役军人服务" },
      { departments: ["cl"], count: 1, sign: "残疾人服务" },
      { departments: ["sfj"], count: 1, sign: "公共法律服务" },
    ],
  },
  {
    zone: "D区 不动产与公积金",
    groups: [
      { departments: ["bdc"], count: 8, sign: "不动产登记" },
      { departments: ["bdc", "swj"], count: 2, sign: "不动产交易一窗受理", itemKeywords: ["转移登记", "不动产交易"] },
      { departments: ["gjj"], count: 4, sign: "住房公积金" },
    ],
  },
  {
    zone: "E区 公安与出入境",
    groups: [
      { departments: ["gaj"], count: 3, sign: "治安户籍", itemKeywords: ["出生", "死亡", "户口", "户籍", "居住证", "公章"] },
      { departments: ["gaj"], count: 2, sign: "居民身份证", itemKeywords: ["身份证"] },
      { departments: ["gaj"], count: 3, sign: "出入境证件", itemKeywords: ["护照", "通行证"] },
      { departments: ["gaj"], count: 2, sign: "交通管理", itemKeywords: ["机动车", "驾驶证"] },
    ],
  },
  {
    zone: "F区 税务",
    groups: [
      { departments: ["swj"], count: 3, sign: "发票业务", itemKeywords: ["发票"] },
      { departments: ["swj"], count: 7, sign: "综合办税" },
    ],
  },
  {
    zone: "G区 工程建设项目",
    groups: [
      { departments: ["zjj"], count: 3, sign: "住房城乡建设" },
      { departments: ["zrzyj"], count: 2, sign: "自然资源规划" },
      { departments: ["sthjj"], count: 1, sign: "生态环境" },
      { departments: ["jtj"], count: 2, sign: "交通运输" },
      { departments: ["slj"], count: 1, sign: "水务" },
      { departments: ["cgj"], count: 1, sign: "城市管理" },
    ],
  },
  {
    zone: "H区 公用事业",
    groups: [
      { departments: ["gdgs"], count: 1, sign: "供电营业" },
      { departments: ["rqgs"], count: 1, sign: "燃气营业" },
      { departments: ["zlsgs"], count: 1, sign: "供水营业" },
    ],
  },
];

/** Share of windows marked as party-member posts (党员责任岗). */
export const PARTY_POST_SHARE = 0.15;
