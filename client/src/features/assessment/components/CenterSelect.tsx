// A city leader's choice of the center whose assessment the page shows, kept in the URL; the first
// center is chosen when none is.
import { Form, Select } from "antd";
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { isCityRole } from "../../../../../server/src/contracts/roles.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useCenters } from "../../centers/api/useCenters.ts";
import { useAssessmentText } from "../text.ts";

export function CenterSelect() {
  const user = useCurrentUser();
  return isCityRole(user.role) ? <CityCenterSelect /> : null;
}

function CityCenterSelect() {
  const { at } = useAssessmentText();
  const centers = useCenters();
  const [params, setParams] = useSearchParams();
  const chosen = params.get("centerId") ?? undefined;
  const first = centers.data?.items[0]?.id;

  useEffect(() => {
    if (chosen === undefined && first !== undefined) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set("centerId", String(first));
          return next;
        },
        { replace: true },
      );
    }
  }, [chosen, first, setParams]);

  return (
    <Form.Item label={at.center}>
      <Select<string>
        style={{ width: 220 }}
        loading={centers.isPending}
        value={chosen}
        data-testid="assessment-center"
        options={(centers.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
        onChange={(v) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set("centerId", v);
            next.delete("period");
            return next;
          })
        }
      />
    </Form.Item>
  );
}
