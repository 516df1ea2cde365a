// Codes in the national style for the demo hall. A department gets a unified social credit code
// (统一社会信用代码, GB 32100, with its real check character) and a service item's code is that
// code followed by the item type and sequence numbers, as implementation codes (实施编码) are in
// provincial catalogues. The codes are well-formed but invented.
import type { ItemCategory } from "./catalogItems.ts";
import type { DepartmentKind } from "./catalog.ts";
import type { Random } from "./random.ts";

const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a 9-character organisation code (GB 11714) from its 8-character body. */
export function orgCodeCheck(body: string): string {
  const sum = [...body].reduce((acc, ch, i) => acc + Number.parseInt(ch, 36) * (ORG_CODE_WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** The 18th character of a unified social credit code (GB 32100) from the first 17. */
export function creditCodeCheck(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + CREDIT_CODE_ALPHABET.indexOf(ch) * (CREDIT_CODE_WEIGHTS[i] ?? 0), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] as string;
}

/**
 * A government body (registration authority 1 = 机构编制, type 1 = 机关) or a company (9, 1)
 * registered in the given region.
 */
export function creditCode(random: Random, regionCode: string, kind: DepartmentKind): string {
  const digits = Array.from({ length: 6 }, () => String(random.int(0, 9))).join("");
  const orgBody = kind === "government" ? `MB${digits}` : `${random.pick(["MA", "07", "20"])}${digits}`;
  const prefix = kind === "government" ? "11" : "91";
  const first17 = `${prefix}${regionCode}${orgBody}${orgCodeCheck(orgBody)}`;
  return `${first17}${creditCodeCheck(first17)}`;
}

const ITEM_TYPE_CODES: Record<ItemCategory, string> = {
  行政许可: "01",
  行政给付: "05",
  行政确认: "07",
  其他行政权力: "10",
  公共服务: "20",
};

/** Implementation code: department credit code + item type + department and item sequence + 000. */
export function itemCode(departmentCreditCode: string, category: ItemCategory, departmentSeq: number, itemSeq: number): string {
  const seq = (n: number) => String(n).padStart(3, "0");
  return `${departmentCreditCode}${ITEM_TYPE_CODES[category]}${seq(departmentSeq)}${seq(itemSeq)}000`;
}
