import { describe, expect, it } from "vitest";
import { bulletinFileName, composeBulletinMail } from "./bulletinMail.ts";
import { liaisonAddresses, maskAddress } from "./liaisonAddresses.ts";

describe("liaisonAddresses", () => {
  it("keeps each distinct well-formed address once, in order, whatever its case", () => {
    expect(liaisonAddresses([" Liaison.SCJG@example.gov.cn ", "liaison.scjg@example.gov.cn", "b@example.gov.cn"])).toEqual(["liaison.scjg@example.gov.cn", "b@example.gov.cn"]);
  });
  it("drops what is not an address", () => {
    expect(liaisonAddresses(["", "not an address", "a@b", "x@y.cn; z@w.cn", 7, null, "ok@example.cn"])).toEqual(["ok@example.cn"]);
    expect(liaisonAddresses(null)).toEqual([]);
    expect(liaisonAddresses({ to: "a@b.cn" })).toEqual([]);
  });
  it("masks an address for the logs", () => {
    expect(maskAddress("liaison.scjg@example.gov.cn")).toBe("li***@example.gov.cn");
    expect(maskAddress("a@b.cn")).toBe("a***@b.cn");
  });
});

describe("composeBulletinMail", () => {
  const base = {
    from: "bulletin@center.example.gov.cn",
    centerName: "市中区政务服务中心",
    departmentName: "区市场监督管理局",
    month: "2026-10",
    recipient: "liaison.scjg@example.gov.cn",
    pdf: new Uint8Array([37, 80, 68, 70]),
    pdfSha256: "ab".repeat(32),
    bulletinId: 3,
    deliveryId: 9,
    resend: false,
    resendReason: null,
    now: new Date("2026-11-02T01:00:00Z"),
  };

  it("is in Chinese, names the month and the department, and attaches the PDF under a Chinese name", () => {
    const mail = composeBulletinMail(base);
    expect(mail.subject).toBe("市中区政务服务中心2026年10月工作简报（区市场监督管理局）");
    expect(mail.to).toBe("liaison.scjg@example.gov.cn");
    expect(mail.from).toEqual({ name: "市中区政务服务中心", address: "bulletin@center.example.gov.cn" });
    expect(mail.text).toContain("区市场监督管理局联络员：");
    expect(mail.text).toContain(base.pdfSha256);
    expect(mail.text).toContain("2026年11月2日");
    expect(mail.text).not.toContain("重新发送");
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments!;
    expect(attachment!.filename).toBe("区市场监督管理局2026年10月工作简报.pdf");
    expect(attachment!.contentType).toBe("application/pdf");
    expect(Buffer.from(attachment!.content as Buffer).equals(Buffer.from(base.pdf))).toBe(true);
    expect(bulletinFileName("区税务局", "2026-01")).toBe("区税务局2026年1月工作简报.pdf");
  });

  it("says so when it is a leader's resend, with the reason", () => {
    const mail = composeBulletinMail({ ...base, resend: true, resendReason: "联络员更换了邮箱" });
    expect(mail.subject).toBe("【重发】市中区政务服务中心2026年10月工作简报（区市场监督管理局）");
    expect(mail.text).toContain("本邮件为重新发送，原因：联络员更换了邮箱。");
  });
});
