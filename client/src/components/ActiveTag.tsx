// 启用/停用 rendered the same way in every list.
import { Tag } from "antd";
import { useLanguage } from "../lib/language.tsx";

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useLanguage();
  return <Tag color={active ? "green" : "default"}>{active ? t.active : t.inactive}</Tag>;
}
