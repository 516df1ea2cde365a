// Building blocks for the people of the demo hall: surnames weighted roughly by how common they are
// in Sichuan, given-name characters by gender, and the posts window staff hold in their home
// departments. Names are assembled at random (generateHall.ts), so they belong to nobody.

/** [surname, weight]: the commonest surnames first, weights approximate. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 70], ["李", 70], ["张", 62], ["刘", 55], ["陈", 54], ["杨", 40], ["黄", 28], ["赵", 27],
  ["吴", 25], ["周", 25], ["徐", 20], ["孙", 18], ["马", 17], ["朱", 16], ["胡", 16], ["郭", 15],
  ["何", 18], ["高", 13], ["林", 12], ["罗", 18], ["郑", 11], ["梁", 10], ["谢", 12], ["宋", 9],
  ["唐", 12], ["许", 8], ["韩", 8], ["冯", 9], ["邓", 11], ["曹", 8], ["彭", 10], ["曾", 10],
  ["肖", 9], ["田", 7], ["董", 6], ["袁", 8], ["潘", 5], ["蒋", 7], ["蔡", 6], ["余", 8],
  ["杜", 7], ["叶", 5], ["程", 5], ["苏", 5], ["魏", 5], ["吕", 4], ["丁", 4], ["任", 6],
  ["沈", 3], ["姚", 4], ["卢", 4], ["姜", 3], ["崔", 3], ["钟", 5], ["谭", 5], ["陆", 3],
  ["汪", 3], ["范", 4], ["金", 3], ["石", 3], ["廖", 6], ["贾", 3], ["夏", 3], ["付", 4],
  ["方", 3], ["白", 3], ["邹", 4], ["熊", 5], ["秦", 3], ["江", 3], ["尹", 3], ["雷", 4],
  ["侯", 2], ["龙", 3], ["史", 2], ["陶", 2], ["黎", 2], ["贺", 2], ["顾", 2], ["毛", 3],
  ["龚", 3], ["邵", 2], ["严", 2], ["向", 3], ["牟", 2], ["敬", 1], ["文", 3], ["税", 1],
];

export const GIVEN_NAME_CHARS = {
  F: [
    "静", "丽", "敏", "燕", "艳", "娟", "霞", "芳", "婷", "雪", "琳", "倩", "玲", "洁", "萍", "红",
    "梅", "莉", "丹", "颖", "晶", "露", "璐", "瑶", "欣", "怡", "佳", "悦", "蕾", "薇", "秀", "英",
    "兰", "慧", "婧", "琴", "雯", "茜", "思", "雨", "梦", "晓", "妍", "媛", "月", "彤", "诗", "蓉",
  ],
  M: [
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "波", "宇", "浩", "凯", "俊", "峰", "建", "林", "亮", "成", "龙", "东", "文", "剑", "川", "松",
    "志", "海", "阳", "晨", "博", "帆", "毅", "鑫", "坤", "锋", "春", "旭", "翔", "彬", "瑞", "诚",
  ],
} as const;

export type Gender = keyof typeof GIVEN_NAME_CHARS;

/** Share of women among window staff (front-line service posts lean female). */
export const FEMALE_SHARE = 0.6;
/** Share of two-character given names (the rest have one). */
export const TWO_CHAR_GIVEN_NAME_SHARE = 0.65;
/** Share of party members among staff who do not staff a party-member post. */
export const PARTY_MEMBER_SHARE = 0.25;

/** Posts of government staff, weighted by how often they appear at a window. */
export const GOVERNMENT_TITLES: readonly (readonly [string, number])[] = [
  ["一级科员", 30],
  ["二级科员", 18],
  ["四级主任科员", 16],
  ["三级主任科员", 8],
  ["二级主任科员", 4],
  ["办事员", 6],
  ["窗口服务专员（聘用）", 22],
];

/** Posts of staff sent by the utility companies. */
export const UTILITY_TITLES: readonly (readonly [string, number])[] = [
  ["客户经理", 40],
  ["营业厅业务员", 45],
  ["营业厅班长", 15],
];

/** The post of the first staff member each department stations in the hall. */
export const CHIEF_REPRESENTATIVE_TITLE = "首席代表";

