// A ranked subject as the result tables show it: its name, 党员责任岗 beside it, and the department
// underneath (a department's own row does not repeat itself).
import { Flex, Typography } from "antd";
import { PartyPostTag } from "./PartyPostTag.tsx";

export function SubjectCell({ name, partyMemberPost, departmentName }: { name: string; partyMemberPost: boolean; departmentName: string | null }) {
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{name}</Typography.Text>
        {partyMemberPost ? <PartyPostTag /> : null}
      </Flex>
      {departmentName ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {departmentName}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
