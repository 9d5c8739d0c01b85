/** The whole demo catalogue, and what each group's requesters typically add about impact and wishes. */
import type { DemoService, GroupTexts } from './demo.catalogue.js';
import { CITY_SERVICES } from './demo.services.city.js';
import { PEOPLE_SERVICES } from './demo.services.people.js';

export const DEMO_SERVICES: readonly DemoService[] = [...CITY_SERVICES, ...PEOPLE_SERVICES];

const GENERIC: GroupTexts = {
  impacts: ['给生活带来很大不便', '周边居民意见很大', '已经影响到正常生活'],
  wishes: ['希望相关部门尽快处理', '请有关部门尽快核实解决', '希望尽快给个答复'],
  results: ['问题已得到解决'],
};

export const GROUP_TEXTS: Record<string, GroupTexts> = {
  城市管理: { impacts: ['晚上出行很不方便', '影响市容和通行', '老人孩子走路很危险', '周边居民意见很大'], wishes: ['希望尽快处理', '希望城管部门管一管', '请尽快派人来看看'], results: ['问题已处理完毕'] },
  物业管理: { impacts: ['晚上出行不便', '老人上下楼很危险', '业主意见很大', '多次找物业都没有解决'], wishes: ['希望尽快维修', '希望督促物业整改', '希望相关部门协调解决'], results: ['物业已整改到位'] },
  住房保障: { impacts: ['一家人的生活受到很大影响', '多次协商没有结果', '业主们非常着急'], wishes: ['希望政府部门协调解决', '希望尽快给个说法', '请相关部门督促落实'], results: ['问题已按程序办理'] },
  供水供气: { impacts: ['做饭洗澡都成问题', '家里老人孩子很不方便', '存在安全隐患'], wishes: ['希望尽快恢复', '请尽快派人抢修', '希望查明原因'], results: ['已恢复正常'] },
  交通出行: { impacts: ['出行很不方便', '存在交通安全隐患', '上下班时间特别堵'], wishes: ['希望尽快处理', '希望有关部门优化调整', '请交管部门加强管理'], results: ['交通秩序已改善'] },
  环境保护: { impacts: ['晚上睡不好觉', '家里窗户都不敢开', '周边居民身体受到影响'], wishes: ['希望环保部门查处', '希望尽快整治', '请有关部门监测处理'], results: ['已整改达标'] },
  市场监管: { impacts: ['消费者权益受到侵害', '担心吃出问题', '和商家协商没有结果'], wishes: ['希望市场监管部门查处', '希望帮忙追回损失', '请依法处理'], results: ['已依法处理'] },
  劳动保障: { impacts: ['家里生活很困难', '多次讨要都没有结果', '一直没人管'], wishes: ['希望劳动部门帮忙解决', '希望尽快给个答复', '请依法维护劳动者权益'], results: ['已依法处理'] },
  教育: { impacts: ['家长们都很着急', '影响孩子正常上学', '家长意见很大'], wishes: ['希望教育部门给个说法', '希望尽快答复', '请教育局核实处理'], results: ['已妥善解决'] },
  医疗卫生: { impacts: ['看病很不方便', '患者权益受到影响', '心里很不踏实'], wishes: ['希望卫生部门核查', '希望尽快答复', '请有关部门处理'], results: ['已处理完毕'] },
  民政服务: { impacts: ['家里生活困难', '老人无人照顾', '不知道该找谁'], wishes: ['希望民政部门帮助解决', '希望尽快答复', '请有关部门核实'], results: ['已按政策办理'] },
  政务服务: { impacts: ['耽误了很多时间', '请了好几次假', '办事很不方便'], wishes: ['希望尽快办结', '希望改进服务', '请给个明确答复'], results: ['事项已办结'] },
  企业服务: { impacts: ['影响企业正常生产经营', '企业资金周转困难', '项目进度受到影响'], wishes: ['希望政府部门协调解决', '希望尽快兑现', '请帮助企业解决困难'], results: ['已帮助企业解决'] },
  农业农村: { impacts: ['村民意见很大', '影响农业生产', '多次找村里没有结果'], wishes: ['希望镇村尽快解决', '希望有关部门核实处理', '请给村民一个说法'], results: ['已处理完毕'] },
  公共安全: { impacts: ['存在很大安全隐患', '一旦出事后果严重', '邻里关系很紧张'], wishes: ['希望尽快处理', '希望有关部门检查处理', '请有关部门尽快解决'], results: ['隐患已排除'] },
};

export function groupTexts(group: string): GroupTexts {
  return GROUP_TEXTS[group] ?? GENERIC;
}
