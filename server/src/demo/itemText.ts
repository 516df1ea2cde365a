// The public texts of a service item — procedure steps and the materials list — built from the
// compact templates in catalogItems.ts. Every item publishes its procedure and time limit
// (办理程序、办理时限全面公开), so each step names the limit the center promises.
import { BENEFIT, CONFIRMATION, LICENCE, OTHER_POWER, PUBLIC_SERVICE, type ItemTemplate } from "./catalogItems.ts";
import type { Material, ProcedureStep } from "./rows.ts";

const step = (title: string, detail: string): ProcedureStep => ({ title, detail });

function applyStep(departmentName: string, name: string): ProcedureStep {
  return step("申请", `申请人通过政务服务网或到政务服务中心${departmentName}窗口提出“${name}”申请，按材料清单提交申请材料。`);
}

function acceptStep(): ProcedureStep {
  return step(
    "受理",
    "窗口工作人员当场核验材料：材料齐全、符合法定形式的予以受理并出具受理通知书；材料不齐全的一次性告知需补正的全部内容；不属于受理范围的出具不予受理通知书并说明理由。",
  );
}

function limitText(t: ItemTemplate): string {
  return `承诺${t.promisedDays}个工作日内办结（法定时限${t.statutoryDays}个工作日）`;
}

/** Same-day items (即办件): the window accepts, decides and hands over in one visit. */
function sameDaySteps(t: ItemTemplate, departmentName: string): ProcedureStep[] {
  return [
    applyStep(departmentName, t.name),
    acceptStep(),
    step("当场办结", `材料齐全、符合条件的，窗口当场办结并出具办理结果，即来即办（法定时限${t.statutoryDays}个工作日）。`),
  ];
}

function steppedProcedure(t: ItemTemplate, departmentName: string): ProcedureStep[] {
  const limit = limitText(t);
  switch (t.category) {
    case LICENCE:
      return [
        applyStep(departmentName, t.name),
        acceptStep(),
        step("审查", `${departmentName}对申请材料进行审查；需要现场核查的，指派两名以上工作人员核查并制作核查记录。`),
        step("决定", `${limit}，作出准予许可或不予许可的决定；不予许可的书面说明理由，并告知依法申请行政复议或者提起行政诉讼的权利。`),
        step("送达", "准予许可的制发许可证件或批准文书，申请人可选择窗口领取或免费邮寄送达。"),
      ];
    case CONFIRMATION:
      return [
        applyStep(departmentName, t.name),
        acceptStep(),
        step("审核", "核对申请材料与登记簿册、业务系统记载的信息；需要实地查看或调查的，依法开展并记录。"),
        step("确认", `${limit}，符合条件的予以确认或登记，不符合条件的书面告知理由。`),
        step("发证", "出具确认结果或登记证明，窗口领取或邮寄送达。"),
      ];
    case BENEFIT:
      return [
        applyStep(departmentName, t.name),
        acceptStep(),
        step("审核", "审核申请人资格条件，必要时入户调查；需要公示的在规定范围内公示，公示期不计入办理时限。"),
        step("审批", `${limit}，作出给付或不予给付的决定，不予给付的书面说明理由。`),
        step("发放", "待遇按规定通过社会保障卡或申请人本人银行账户发放。"),
      ];
    case OTHER_POWER:
      return [
        applyStep(departmentName, t.name),
        acceptStep(),
        step("审查", `${departmentName}依法对申请事项进行审查。`),
        step("决定", `${limit}，作出办理决定或完成备案。`),
        step("送达", "办理结果通过窗口领取、邮寄或线上送达申请人。"),
      ];
    case PUBLIC_SERVICE:
      return [
        applyStep(departmentName, t.name),
        acceptStep(),
        step("办理", `${departmentName}按服务规范办理，${limit}。`),
        step("办结", "办结后告知申请人办理结果，需出具证明或凭证的一并出具。"),
      ];
  }
}

export function buildProcedure(t: ItemTemplate, departmentName: string): ProcedureStep[] {
  return t.promisedDays === 0 ? sameDaySteps(t, departmentName) : steppedProcedure(t, departmentName);
}

const TRAILING_NOTE = /^(.*)（([^（）]+)）$/;
const OPTIONAL_NOTE = /时提供|的提供|如有|免交|免于提供/;

function copiesOf(name: string): string {
  if (name.includes("复印件")) return "复印件1份";
  if (name.includes("照片")) return "2张";
  if (/申请表|申请书|登记表|申报表|承诺书|审批表|核准表|信息表|备案表|声明|请示|申请单|投诉书|申请$/.test(name)) return "原件1份";
  if (/身份证|户口簿|护照|执照|证书|结婚证|社会保障卡|驾驶证|行驶证|银行卡|残疾人证|退役证件/.test(name)) return "原件（核验后退还）";
  if (/证明|合同|协议|发票|凭证/.test(name)) return "原件及复印件各1份";
  return "原件1份";
}

/** One material from its template text (see the conventions at the top of catalogItems.ts). */
export function parseMaterial(text: string): Material {
  const match = TRAILING_NOTE.exec(text);
  if (match && OPTIONAL_NOTE.test(match[2] as string)) {
    const name = match[1] as string;
    return { name, copies: copiesOf(name), required: false, note: match[2] as string };
  }
  return { name: text, copies: copiesOf(text), required: true };
}

const AGENT_MATERIAL: Material = {
  name: "授权委托书及受托人有效身份证件",
  copies: "原件1份",
  required: false,
  note: "委托他人代为办理时提供",
};

export function buildMaterials(t: ItemTemplate): Material[] {
  const materials = t.materials.map(parseMaterial);
  return t.inPerson ? materials : [...materials, { ...AGENT_MATERIAL }];
}
