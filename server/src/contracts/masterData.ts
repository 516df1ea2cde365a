// Read models of the hall's master data: centers, departments, windows, staff, service items.
import { z } from "zod";
import { pageQuerySchema } from "./common.ts";

export const centerDtoSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
});
export type CenterDto = z.infer<typeof centerDtoSchema>;

export const departmentDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  active: z.boolean(),
  staffCount: z.number().int().optional(),
  itemCount: z.number().int().optional(),
});
export type DepartmentDto = z.infer<typeof departmentDtoSchema>;

export const windowDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  number: z.number().int(),
  zone: z.string(),
  name: z.string(),
  partyPost: z.boolean(),
  active: z.boolean(),
  departmentIds: z.array(z.number().int()),
});
export type WindowDto = z.infer<typeof windowDtoSchema>;

export const staffDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  departmentId: z.number().int(),
  staffNo: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  partyMember: z.boolean(),
  active: z.boolean(),
});
export type StaffDto = z.infer<typeof staffDtoSchema>;

export const procedureStepSchema = z.strictObject({
  title: z.string().min(1).max(100),
  detail: z.string().max(1000),
});
export const materialSchema = z.strictObject({
  name: z.string().min(1).max(200),
  copies: z.string().max(50),
  required: z.boolean(),
  note: z.string().max(500).optional(),
});
export const itemDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  departmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  procedure: z.array(procedureStepSchema),
  materials: z.array(materialSchema),
  statutoryLimitDays: z.number().int(),
  promisedLimitDays: z.number().int(),
  fee: z.string(),
  legalBasis: z.string(),
  public: z.boolean(),
  active: z.boolean(),
});
export type ItemDto = z.infer<typeof itemDtoSchema>;

export const listQuerySchema = pageQuerySchema.extend({
  departmentId: z.coerce.number().int().positive().optional(),
  centerId: z.coerce.number().int().positive().optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
