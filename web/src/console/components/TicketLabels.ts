/**
 * Readable names for the ticket's codes, in both languages: channels, the actions of the trail, return
 * reasons, ratings. Kept beside TicketTags so every page says the same thing for the same code.
 */
import type { Lang } from '../i18n';

export type Labels = Record<string, { zh: string; en: string }>;

export function label(table: Labels, code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  return table[code]?.[lang] ?? code;
}

export const CHANNEL_LABELS: Labels = {
  hotline: { zh: '12345热线', en: 'Hotline' },
  web: { zh: '网站', en: 'Web' },
  app: { zh: '移动端', en: 'App' },
  api: { zh: '接口', en: 'API' },
  open311: { zh: 'Open311', en: 'Open311' },
  window: { zh: '“办不成事”窗口', en: '"Could not get it done" window' },
  enterprise: { zh: '企业服务专线', en: 'Enterprise desk' },
  proactive: { zh: '主动发现（未诉先办）', en: 'Proactive (from a hotspot)' },
};

/** Every action the ticket's trail records, as a staff member would say it. */
export const ACTION_LABELS: Labels = {
  accepted: { zh: '受理', en: 'Accepted' },
  hotspot_case: { zh: '由热点转为未诉先办', en: 'Opened from a hotspot' },
  imported: { zh: '历史工单导入', en: 'Imported' },
  assigned: { zh: '分类交办', en: 'Assigned' },
  acknowledged: { zh: '签收', en: 'Acknowledged' },
  contacted: { zh: '联系诉求人', en: 'Contacted the requester' },
  noted: { zh: '办理记录', en: 'Note' },
  paused: { zh: '挂起计时', en: 'Clocks paused' },
  resumed: { zh: '恢复计时', en: 'Clocks resumed' },
  sub_assigned: { zh: '交办下级单位', en: 'Handed to sub-units' },
  replied: { zh: '答复诉求人', en: 'Replied' },
  contributed: { zh: '提交协办意见', en: 'Co-handling opinion' },
  returned: { zh: '退单', en: 'Returned' },
  return_decided: { zh: '退单裁定', en: 'Return decided' },
  extension_requested: { zh: '申请延期', en: 'Extension requested' },
  extension_decided: { zh: '延期审批', en: 'Extension decided' },
  urged: { zh: '催办', en: 'Urged' },
  supervised: { zh: '列入督办', en: 'Put under supervision' },
  rated: { zh: '回访评价', en: 'Rated' },
  closed: { zh: '办结', en: 'Closed' },
  reopened: { zh: '重办', en: 'Reopened' },
  merged: { zh: '合并至主工单', en: 'Merged' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  clock_warning: { zh: '时限预警', en: 'Deadline warning' },
  clock_overdue: { zh: '时限超时', en: 'Deadline passed' },
};

/** What the reply check found in a reply (src/text/reply.rules.ts), as the trail shows it. */
export const REPLY_FLAG_LABELS: Labels = {
  low_relevance: { zh: '与诉求关联度低', en: 'does not address the request' },
  no_action: { zh: '未说明具体措施', en: 'no concrete action' },
  no_time: { zh: '未说明办理时间', en: 'no date or time' },
  boilerplate: { zh: '套话模板', en: 'boilerplate' },
  too_short: { zh: '过于简短', en: 'too short' },
};

export const RETURN_REASON_LABELS: Labels = {
  jurisdiction: { zh: '属地不符', en: 'Wrong area' },
  ownership: { zh: '权属不清', en: 'Ownership unclear' },
  overlap: { zh: '职能交叉', en: 'Overlapping duties' },
  other: { zh: '其他', en: 'Other' },
};

export const RESOLVED_LABELS: Labels = {
  yes: { zh: '已解决', en: 'Resolved' },
  partly: { zh: '部分解决', en: 'Partly resolved' },
  no: { zh: '未解决', en: 'Not resolved' },
};

export const SATISFACTION_LABELS: Labels = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

export const ASSIGNMENT_STATUS_LABELS: Record<string, { zh: string; en: string; color: string }> = {
  pending: { zh: '待签收', en: 'Pending', color: 'blue' },
  acknowledged: { zh: '办理中', en: 'Handling', color: 'processing' },
  done: { zh: '已完成', en: 'Done', color: 'success' },
  returned: { zh: '已退单', en: 'Returned', color: 'orange' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
};

export const CLOSE_KIND_LABELS: Labels = {
  direct: { zh: '直办（受理时答复）', en: 'Answered at intake' },
  rated: { zh: '评价后办结', en: 'Closed by rating' },
  confirmed: { zh: '回访确认办结', en: 'Confirmed at callback' },
  merged: { zh: '合并办结', en: 'Merged' },
  rejected: { zh: '不予受理', en: 'Rejected' },
};

export const CONTACT_METHOD_LABELS: Labels = {
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '上门走访', en: 'Visit' },
  sms: { zh: '短信', en: 'SMS' },
  wechat: { zh: '微信', en: 'WeChat' },
  other: { zh: '其他', en: 'Other' },
};

export const LIMIT_UNIT_LABELS: Labels = {
  minutes: { zh: '分钟', en: 'min' },
  hours: { zh: '工作小时', en: 'office hours' },
  working_days: { zh: '个工作日', en: 'working days' },
  calendar_days: { zh: '个自然日', en: 'calendar days' },
};

export const options = (table: Labels, lang: Lang) => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] }));
