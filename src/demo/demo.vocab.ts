/**
 * Word lists the demo district is built from. Names are assembled from these parts by our own code
 * (demo.district.ts, demo.people.ts), so any resemblance to a real place or person is by chance.
 */

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石',
] as const;

/** Characters for given names; two are drawn, or one for a short name. */
export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '国', '文', '辉', '玲', '红', '志', '海', '波', '宁', '晨', '欣', '悦', '浩', '宇', '鑫',
  '佳', '俊', '雪', '梅', '琳', '斌', '峰', '凯', '莉', '婷', '慧', '兰', '振', '永', '春', '德', '成', '荣', '新', '阳',
] as const;

/** Street (街道) and town (镇) name cores. */
export const STREET_CORES = ['城关', '东城', '西关', '南湖', '北苑', '新华', '文昌', '滨河', '凤鸣', '金桥', '望江', '育英'] as const;
export const TOWN_CORES = ['青石', '柳林', '白沙', '龙泉', '桃源', '石桥', '清溪', '云台', '杏花', '麻田', '大营', '长岭'] as const;

/** Community (社区) names: auspicious or descriptive words. */
export const COMMUNITY_CORES = [
  '幸福', '和平', '光明', '朝阳', '锦绣', '翠苑', '康乐', '育才', '振兴', '阳光', '春晖', '丽景', '滨江', '文苑', '东风',
  '建设', '团结', '友谊', '紫荆', '桂花', '松柏', '新民', '向阳', '长青', '惠民', '安居', '和谐', '枫林', '花园', '书香',
] as const;

/** Village (村) names: a family name with a settlement word, or a direction with a landform. */
export const VILLAGE_SETTLEMENTS = ['庄', '湾', '洼', '营', '岭', '坝', '桥', '寨', '沟', '店', '堡'] as const;
export const VILLAGE_DIRECTIONS = ['东', '西', '南', '北', '前', '后', '上', '下', '大', '小', '新', '高', '中'] as const;
export const VILLAGE_LANDFORMS = ['河', '岭', '湾', '坪', '塘', '桥', '庄', '营', '沟', '岗', '集', '坡', '山', '埠', '林', '田'] as const;

/** Residential compounds: an elegant first part and a compound word. */
export const COMPOUND_FIRSTS = [
  '锦华', '翠湖', '金色', '阳光', '碧水', '御景', '怡和', '华府', '康桥', '富康', '书香', '名仕', '紫金', '盛世', '龙湖',
  '欣悦', '嘉禾', '天润', '瑞景', '润泽', '星河', '凯旋', '银杏', '香樟', '绿洲', '鸿福', '兴盛', '明珠', '学府', '蓝湾',
] as const;
export const COMPOUND_WORDS = ['小区', '花园', '家园', '苑', '新村', '华庭', '公寓', '名邸'] as const;

export const ROAD_CORES = [
  '人民', '建设', '解放', '中山', '文化', '新华', '迎宾', '兴业', '工业', '滨河', '胜利', '学府', '府前', '长安', '和平',
  '光明', '朝阳', '育才', '锦江', '金山', '永安', '振华', '健康', '车站', '东环', '西环', '南环', '北环', '园区', '科技',
] as const;
export const ROAD_WORDS = ['路', '街', '大道'] as const;

/** Landmarks a requester names in a village or community. */
export const VILLAGE_LANDMARKS = ['村委会附近', '村口', '文化广场', '村小学旁', '卫生室门口', '老水库边', '村道桥头'] as const;
export const COMMUNITY_LANDMARKS = ['社区服务中心附近', '菜市场门口', '小学门口', '公交站旁', '街心公园', '社区卫生服务站旁'] as const;

/** Enterprise names: a brand word and an industry. */
export const FIRM_BRANDS = [
  '恒达', '鑫源', '华宇', '瑞丰', '宏图', '联创', '鼎盛', '博远', '新锐', '正泰', '金诚', '远航', '海纳', '天成', '中科',
  '汇通', '精工', '绿源', '康盛', '宇航', '昌隆', '众兴', '德邦', '安泰', '旭日', '同创', '星辰', '卓越', '方圆', '鸿运',
] as const;
export const FIRM_TRADES = [
  '机械制造', '电子科技', '食品', '新材料', '建材', '物流', '生物医药', '包装', '纺织', '汽车零部件', '信息技术', '环保科技',
  '农业开发', '精密铸造', '智能装备', '商贸',
] as const;
export const FIRM_FORMS = ['有限公司', '股份有限公司', '有限责任公司'] as const;

/** Mobile prefixes of the big three carriers; the rest of the number is drawn at random. */
export const PHONE_PREFIXES = ['138', '139', '150', '151', '152', '157', '158', '159', '186', '187', '188', '135', '136', '137', '133', '189', '177', '199'] as const;
