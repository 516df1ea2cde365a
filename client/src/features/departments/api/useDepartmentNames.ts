// Department names for lists that only carry departmentId (windows, staff, items). Roles whose
// navigation has no department list are not allowed to read it; they get their own department's
// name from the session and an id for anything else.
import { useQuery } from "@tanstack/react-query";
import { departmentDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_BY_ROLE } from "../../../../../server/src/contracts/navigation.ts";
import { fetchPage } from "../../../lib/pagedList.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";

const ALL_DEPARTMENTS = { page: 1, pageSize: 500 };

export interface DepartmentNames {
  /** All departments the user may pick from; empty when the role cannot list departments. */
  options: { value: number; label: string }[];
  nameOf: (departmentId: number) => string;
}

export function useDepartmentNames(): DepartmentNames {
  const user = useCurrentUser();
  const canList = NAV_BY_ROLE[user.role].includes("departments");
  const { data } = useQuery({
    queryKey: ["departments", "names"],
    queryFn: ({ signal }) => fetchPage("/api/departments", departmentDtoSchema, ALL_DEPARTMENTS, signal),
    enabled: canList,
    staleTime: 5 * 60_000,
  });
  const items = data?.items ?? [];
  const names = new Map(items.map((department) => [department.id, department.name]));
  return {
    options: items.map((department) => ({ value: department.id, label: department.name })),
    nameOf: (id) => names.get(id) ?? (id === user.departmentId && user.departmentName ? user.departmentName : `#${id}`),
  };
}
