import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMaterials, formatProcedure, parseMaterials, parseProcedure } from "./imports.ts";

const text = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\r\n:：;；]/g, "").trim()).filter((s) => s !== "");

describe("procedure and materials as text", () => {
  it("a procedure survives formatting and parsing", () => {
    fc.assert(fc.property(fc.array(fc.record({ title: text, detail: fc.oneof(fc.constant(""), text) }), { maxLength: 10 }), (steps) => {
      expect(parseProcedure(formatProcedure(steps))).toEqual(steps);
    }));
  });

  it("materials survive formatting and parsing", () => {
    fc.assert(fc.property(fc.array(fc.record({ name: text, copies: text, required: fc.boolean() }), { maxLength: 10 }), (materials) => {
      expect(parseMaterials(formatMaterials(materials))).toEqual(materials);
    }));
  });

  it("reads the template's line formats", () => {
    expect(parseProcedure("申请：提交材料\n受理")).toEqual([{ title: "申请", detail: "提交材料" }, { title: "受理", detail: "" }]);
    expect(parseMaterials("身份证\n委托书；原件1份；可选；代办时提供")).toEqual([
      { name: "身份证", copies: "原件1份", required: true },
      { name: "委托书", copies: "原件1份", required: false, note: "代办时提供" },
    ]);
  });
});
