// The bulletin mail a liaison receives: subject and body in Chinese, the archived PDF attached under
// a Chinese file name. Pure: the dispatcher hands in the rows, the clock's date and the sender.
import type { SendMailOptions } from "nodemailer";
import { shanghaiDate } from "../calendar/workingDays.ts";
import { monthZh } from "./bulletinMonth.ts";

export interface BulletinMailInput {
  from: string;
  centerName: string;
  departmentName: string;
  month: string;
  recipient: string;
  pdf: Uint8Array;
  pdfSha256: string | null;
  bulletinId: number;
  deliveryId: number;
  resendReason: string | null;
  resend: boolean;
  now: Date;
}

/** 区市场监督管理局2026年10月工作简报.pdf */
export const bulletinFileName = (departmentName: string, month: string): string => `${departmentName}${monthZh(month)}工作简报.pdf`;

export function composeBulletinMail(m: BulletinMailInput): SendMailOptions {
  const title = `${m.centerName}${monthZh(m.month)}工作简报（${m.departmentName}）`;
  const day = shanghaiDate(m.now);
  const lines = [
    `${m.departmentName}联络员：`,
    "",
    `您好！附件为《${title}》，内容包括贵单位进驻大厅工作人员本月的考评得分与排名、群众评价、办件及按时办结情况、差评整改、督查发现、责任追究、表彰及荣誉情况，以及中心点评。请查阅并转呈单位负责同志。`,
    ...(m.resend ? ["", `本邮件为重新发送${m.resendReason ? `，原因：${m.resendReason}` : ""}。附件与首次发送的简报完全一致。`] : []),
    "",
    ...(m.pdfSha256 ? [`简报文件 SHA-256 校验值：${m.pdfSha256}`] : []),
    "此邮件由系统自动发送，请勿直接回复；如有疑问请与中心联系。",
    "",
    m.centerName,
    `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
  ];
  return {
    from: { name: m.centerName, address: m.from },
    to: m.recipient,
    subject: `${m.resend ? "【重发】" : ""}${title}`,
    text: lines.join("\n"),
    date: m.now,
    headers: { "X-Hallwatch-Bulletin": String(m.bulletinId), "X-Hallwatch-Delivery": String(m.deliveryId) },
    attachments: [{ filename: bulletinFileName(m.departmentName, m.month), content: Buffer.from(m.pdf), contentType: "application/pdf" }],
  };
}
