// Who a demo center is: its code, name, region and the prefix that keeps its staff numbers and
// usernames unique in a city deployment. Center 0 is the district of the source text and carries
// no prefix (logins `admin`, `s0001`); center 1 is `C02` with `c02-leader`, `C02-S0001` and so on.
import { DISTRICTS, type DistrictTemplate } from "./catalog.ts";

export const centerCode = (centerIndex: number): string => `C${String(centerIndex + 1).padStart(2, "0")}`;

/** Prefix of staff numbers ("" or "C02-"); usernames use it lowercased. */
export const staffNoPrefix = (centerIndex: number): string => (centerIndex === 0 ? "" : `${centerCode(centerIndex)}-`);

export const usernamePrefix = (centerIndex: number): string => staffNoPrefix(centerIndex).toLowerCase();

/** The district of a center; past the city's real districts, invented ones with made-up codes. */
export function districtFor(centerIndex: number): DistrictTemplate {
  const known = DISTRICTS[centerIndex];
  if (known) return known;
  return { name: `第${centerIndex + 1}示范区`, regionCode: String(519000 + (centerIndex % 1000)), unit: "区" };
}

export const centerName = (district: DistrictTemplate): string => `${district.name}政务服务中心`;

/** "区市场监督管理局" in a county is "县市场监督管理局", and its police is a 公安局, not a 分局. */
export function localDepartmentName(templateName: string, district: DistrictTemplate): string {
  if (district.unit === "区" || !templateName.startsWith("区")) return templateName;
  return `${district.unit}${templateName.slice(1)}`.replace("公安分局", "公安局");
}
