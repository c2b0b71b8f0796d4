// A realistic demo district for trying, training and testing: Yongchuan-like place
// names (the streets and town exist), fictional people. Idempotent: every row is
// found by its code or Telegram id and updated, so running it twice changes nothing.
import type { PrismaClient } from '../../db/database.js';
import type { RegionKind, StaffRoleKind, StationTier } from '../../generated/prisma/client.js';

/** Fixed Telegram ids of the demo's personas (the demo console and tests use them). */
export const DEMO_PERSONAS = {
  resident: { telegramId: 10001, nameZh: '王大爷', nameEn: 'Mr Wang', role: 'resident' },
  officer: { telegramId: 20001, nameZh: '李静', nameEn: 'Li Jing', role: 'liaison officer' },
  agencyHandler: { telegramId: 30001, nameZh: '周明', nameEn: 'Zhou Ming', role: 'agency handler' },
  streetAdmin: { telegramId: 40001, nameZh: '黄丽', nameEn: 'Huang Li', role: 'street admin' },
  districtAdmin: { telegramId: 50001, nameZh: '孙伟', nameEn: 'Sun Wei', role: 'district admin' },
} as const;

interface RegionSeed {
  code: string;
  kind: RegionKind;
  nameZh: string;
  nameEn: string;
  parent?: string;
}

const regions: RegionSeed[] = [
  { code: 'YC', kind: 'DISTRICT', nameZh: '永川区', nameEn: 'Yongchuan District' },
  { code: 'YC-ZSL', kind: 'STREET', nameZh: '中山路街道', nameEn: 'Zhongshanlu Subdistrict', parent: 'YC' },
  { code: 'YC-SLL', kind: 'STREET', nameZh: '胜利路街道', nameEn: 'Shenglilu Subdistrict', parent: 'YC' },
  { code: 'YC-ZT', kind: 'TOWN', nameZh: '朱沱镇', nameEn: 'Zhutuo Town', parent: 'YC' },
  { code: 'YC-ZSL-YP', kind: 'COMMUNITY', nameZh: '玉屏社区', nameEn: 'Yuping Community', parent: 'YC-ZSL' },
  { code: 'YC-ZSL-XH', kind: 'COMMUNITY', nameZh: '萱花社区', nameEn: 'Xuanhua Community', parent: 'YC-ZSL' },
  { code: 'YC-SLL-XLH', kind: 'COMMUNITY', nameZh: '兴龙湖社区', nameEn: 'Xinglonghu Community', parent: 'YC-SLL' },
  { code: 'YC-SLL-CZ', kind: 'COMMUNITY', nameZh: '昌州社区', nameEn: 'Changzhou Community', parent: 'YC-SLL' },
  { code: 'YC-ZT-HD', kind: 'VILLAGE', nameZh: '汉东村', nameEn: 'Handong Village', parent: 'YC-ZT' },
  { code: 'YC-ZT-ZT', kind: 'COMMUNITY', nameZh: '朱沱社区', nameEn: 'Zhutuo Community', parent: 'YC-ZT' },
];

interface StationSeed {
  code: string;
  tier: StationTier;
  nameZh: string;
  nameEn: string;
  region: string;
  home?: string;
  addressZh: string;
  addressEn: string;
  latitude: number;
  longitude: number;
  hoursZh: string;
  hoursEn: string;
}

const weekdays = { zh: '周一至周五 9:00–12:00，14:30–17:30', en: 'Mon–Fri 9:00–12:00, 14:30–17:30' };

const stations: StationSeed[] = [
  { code: 'ZSL-HOME', tier: 'HOME', nameZh: '中山路街道代表之家', nameEn: 'Zhongshanlu Representatives’ Home', region: 'YC-ZSL', addressZh: '永川区中山路街道人民大道 88 号', addressEn: '88 Renmin Avenue, Zhongshanlu', latitude: 29.3562, longitude: 105.9271, hoursZh: weekdays.zh, hoursEn: weekdays.en },
  { code: 'YP-STATION', tier: 'STATION', nameZh: '玉屏社区代表活动站', nameEn: 'Yuping Community Station', region: 'YC-ZSL-YP', home: 'ZSL-HOME', addressZh: '永川区玉屏路 12 号社区服务中心二楼', addressEn: '2F, 12 Yuping Road', latitude: 29.3601, longitude: 105.9232, hoursZh: weekdays.zh, hoursEn: weekdays.en },
  { code: 'XH-STATION', tier: 'STATION', nameZh: '萱花社区代表活动站', nameEn: 'Xuanhua Community Station', region: 'YC-ZSL-XH', home: 'ZSL-HOME', addressZh: '永川区萱花路 35 号', addressEn: '35 Xuanhua Road', latitude: 29.3498, longitude: 105.9315, hoursZh: '周二、周四 9:00–17:00', hoursEn: 'Tue and Thu 9:00–17:00' },
  { code: 'XLH-STATION', tier: 'STATION', nameZh: '兴龙湖社区代表活动站', nameEn: 'Xinglonghu Community Station', region: 'YC-SLL-XLH', home: 'ZSL-HOME', addressZh: '永川区兴龙大道 1200 号', addressEn: '1200 Xinglong Avenue', latitude: 29.3712, longitude: 105.9078, hoursZh: weekdays.zh, hoursEn: weekdays.en },
  { code: 'HD-STATION', tier: 'STATION', nameZh: '汉东村代表活动站', nameEn: 'Handong Village Station', region: 'YC-ZT-HD', addressZh: '永川区朱沱镇汉东村村委会', addressEn: 'Handong Village Committee, Zhutuo', latitude: 29.0157, longitude: 105.8461, hoursZh: '周一、周三、周五 8:30–12:00', hoursEn: 'Mon, Wed, Fri 8:30–12:00' },
  { code: 'XLH-MARKET-POINT', tier: 'POINT', nameZh: '兴龙湖商圈民情联络点', nameEn: 'Xinglonghu Shopping District Liaison Point', region: 'YC-SLL-XLH', home: 'ZSL-HOME', addressZh: '永川区兴龙湖商圈服务中心', addressEn: 'Xinglonghu Shopping District Service Centre', latitude: 29.3689, longitude: 105.9121, hoursZh: '每天 10:00–20:00', hoursEn: 'Daily 10:00–20:00' },
  { code: 'FHH-PARK-POINT', tier: 'POINT', nameZh: '凤凰湖产业园民情联络点', nameEn: 'Fenghuanghu Industrial Park Liaison Point', region: 'YC-SLL-CZ', home: 'ZSL-HOME', addressZh: '永川区凤凰湖产业园管委会一楼', addressEn: '1F, Fenghuanghu Industrial Park Office', latitude: 29.3841, longitude: 105.8893, hoursZh: weekdays.zh, hoursEn: weekdays.en },
  { code: 'ZT-MARKET-POINT', tier: 'POINT', nameZh: '朱沱农贸市场民情联络点', nameEn: 'Zhutuo Farmers’ Market Liaison Point', region: 'YC-ZT-ZT', addressZh: '永川区朱沱镇农贸市场管理处', addressEn: 'Zhutuo Farmers’ Market Office', latitude: 29.0189, longitude: 105.8502, hoursZh: '逢场天 7:00–12:00', hoursEn: 'Market days 7:00–12:00' },
];

const categories = [
  ['urban-management', '城市管理', 'Urban management'],
  ['roads-traffic', '道路交通', 'Roads and traffic'],
  ['environment', '生态环境', 'Environment'],
  ['property', '物业管理', 'Property management'],
  ['education', '教育', 'Education'],
  ['health', '医疗卫生', 'Health'],
  ['social-security', '社会保障', 'Social security'],
  ['utilities', '水电气', 'Water, power and gas'],
  ['safety', '安全隐患', 'Safety hazards'],
  ['other', '其他', 'Other'],
] as const;

const agencies = [
  ['URBAN-MGMT', '区城市管理局', 'District Urban Management Bureau'],
  ['HOUSING', '区住房城乡建委', 'District Housing and Construction Commission'],
  ['TRANSPORT', '区交通运输委', 'District Transport Commission'],
  ['ENVIRONMENT', '区生态环境局', 'District Ecology and Environment Bureau'],
  ['POWER', '国网永川供电公司', 'State Grid Yongchuan Power Supply'],
] as const;

interface PersonSeed {
  telegramId: number;
  nameZh: string;
  locale?: string;
  representativeLevel?: string;
  roles: { kind: StaffRoleKind; station?: string; agency?: string; region?: string }[];
}

const staff: PersonSeed[] = [
  { ...DEMO_PERSONAS.officer, roles: [{ kind: 'LIAISON_OFFICER', station: 'YP-STATION' }, { kind: 'LIAISON_OFFICER', station: 'ZSL-HOME' }, { kind: 'LIAISON_OFFICER', station: 'XH-STATION' }] },
  { telegramId: 20002, nameZh: '王强', roles: [{ kind: 'LIAISON_OFFICER', station: 'XLH-STATION' }, { kind: 'LIAISON_OFFICER', station: 'XLH-MARKET-POINT' }, { kind: 'LIAISON_OFFICER', station: 'FHH-PARK-POINT' }] },
  { telegramId: 20003, nameZh: '陈芳', roles: [{ kind: 'LIAISON_OFFICER', station: 'HD-STATION' }, { kind: 'LIAISON_OFFICER', station: 'ZT-MARKET-POINT' }] },
  { ...DEMO_PERSONAS.agencyHandler, roles: [{ kind: 'AGENCY_HANDLER', agency: 'URBAN-MGMT' }] },
  { telegramId: 30002, nameZh: '吴涛', roles: [{ kind: 'AGENCY_HANDLER', agency: 'TRANSPORT' }] },
  { ...DEMO_PERSONAS.streetAdmin, roles: [{ kind: 'STREET_ADMIN', region: 'YC-ZSL' }] },
  { telegramId: 40002, nameZh: '郑敏', roles: [{ kind: 'STREET_ADMIN', region: 'YC-ZT' }] },
  { ...DEMO_PERSONAS.districtAdmin, roles: [{ kind: 'DISTRICT_ADMIN', region: 'YC' }] },
  { telegramId: 60001, nameZh: '张建国', representativeLevel: 'district', roles: [{ kind: 'REPRESENTATIVE', station: 'ZSL-HOME' }, { kind: 'REPRESENTATIVE', station: 'YP-STATION' }] },
  { telegramId: 60002, nameZh: '刘晓梅', representativeLevel: 'town', roles: [{ kind: 'REPRESENTATIVE', station: 'HD-STATION' }] },
  { telegramId: 60003, nameZh: '赵磊', representativeLevel: 'city', roles: [{ kind: 'REPRESENTATIVE', station: 'XLH-STATION' }, { kind: 'REPRESENTATIVE', station: 'XH-STATION' }] },
];

/** Who receives residents at which station, on which weekday (0 = Sunday), local time. */
const receptionRota: { station: string; representative: number; weekday: number; from: string; to: string }[] = [
  { station: 'ZSL-HOME', representative: 60001, weekday: 2, from: '09:00', to: '11:30' },
  { station: 'YP-STATION', representative: 60001, weekday: 4, from: '14:30', to: '17:00' },
  { station: 'XH-STATION', representative: 60003, weekday: 2, from: '14:30', to: '17:00' },
  { station: 'XLH-STATION', representative: 60003, weekday: 3, from: '09:00', to: '11:30' },
  { station: 'HD-STATION', representative: 60002, weekday: 1, from: '09:00', to: '11:30' },
  { station: 'XLH-MARKET-POINT', representative: 60003, weekday: 6, from: '10:00', to: '12:00' },
];

const replyTemplates = [
  { titleZh: '已转相关部门', titleEn: 'Passed to the department', bodyZh: '您反映的问题我们已记录并与相关部门沟通，处理进展会及时告知您。', bodyEn: 'We have recorded your concern and raised it with the department concerned; we will keep you informed.' },
  { titleZh: '政策解释', titleEn: 'Policy explanation', bodyZh: '根据现行政策规定，您反映的事项可按以下方式办理：', bodyEn: 'Under the current rules, your matter can be handled as follows:' },
  { titleZh: '已现场解决', titleEn: 'Solved on the spot', bodyZh: '经现场核实，问题已协调解决，感谢您对社区工作的支持。', bodyEn: 'We checked on site and the problem has been solved. Thank you for your support.' },
];

export interface SeedResult {
  regions: number;
  stations: number;
  staff: number;
  receptionDays: number;
}

/** Shanghai has no daylight saving: a fixed +08:00 keeps the rota arithmetic simple. */
const districtOffsetHours = 8;

export async function seedDemoDistrict(prisma: PrismaClient, { now = new Date() }: { now?: Date } = {}): Promise<SeedResult> {
  const regionIds = new Map<string, number>();
  for (const region of regions) {
    const data = { kind: region.kind, nameZh: region.nameZh, nameEn: region.nameEn, parentId: region.parent ? regionIds.get(region.parent)! : null };
    const row = await prisma.region.upsert({ where: { code: region.code }, create: { code: region.code, ...data }, update: data });
    regionIds.set(region.code, row.id);
  }

  const stationIds = new Map<string, number>();
  for (const station of stations) {
    const data = {
      tier: station.tier, nameZh: station.nameZh, nameEn: station.nameEn, regionId: regionIds.get(station.region)!,
      homeId: station.home ? stationIds.get(station.home)! : null, addressZh: station.addressZh, addressEn: station.addressEn,
      latitude: station.latitude, longitude: station.longitude, openingHoursZh: station.hoursZh, openingHoursEn: station.hoursEn, active: true,
    };
    const row = await prisma.station.upsert({ where: { code: station.code }, create: { code: station.code, ...data }, update: data });
    stationIds.set(station.code, row.id);
  }

  for (const [index, [code, nameZh, nameEn]] of categories.entries()) {
    const data = { nameZh, nameEn, sortOrder: index, active: true };
    await prisma.category.upsert({ where: { code }, create: { code, ...data }, update: data });
  }

  const agencyIds = new Map<string, number>();
  for (const [code, nameZh, nameEn] of agencies) {
    const data = { nameZh, nameEn, regionId: regionIds.get('YC')!, active: true };
    const row = await prisma.agency.upsert({ where: { code }, create: { code, ...data }, update: data });
    agencyIds.set(code, row.id);
  }

  const personIds = new Map<number, number>();
  for (const person of staff) {
    const telegramId = BigInt(person.telegramId);
    const data = { displayName: person.nameZh, chatId: telegramId, representativeLevel: person.representativeLevel ?? null, consentedAt: now };
    const row = await prisma.person.upsert({ where: { telegramId }, create: { telegramId, locale: person.locale ?? 'zh-CN', ...data }, update: data });
    personIds.set(person.telegramId, row.id);
    for (const role of person.roles) {
      const scope = {
        stationId: role.station ? stationIds.get(role.station)! : null,
        agencyId: role.agency ? agencyIds.get(role.agency)! : null,
        regionId: role.region ? regionIds.get(role.region)! : null,
      };
      const existing = await prisma.staffRole.findFirst({ where: { personId: row.id, kind: role.kind, revokedAt: null, ...scope } });
      if (!existing) await prisma.staffRole.create({ data: { personId: row.id, kind: role.kind, ...scope } });
    }
  }

  // The rota is regenerated for the four weeks from today: a re-run replaces, never adds.
  const seededStationIds = [...stationIds.values()];
  await prisma.receptionDay.deleteMany({ where: { stationId: { in: seededStationIds } } });
  const receptionDays = receptionRota.flatMap((slot) => upcomingWeekdays(now, slot.weekday, 4).map((day) => ({
    stationId: stationIds.get(slot.station)!,
    representativeId: personIds.get(slot.representative)!,
    startsAt: localTime(day, slot.from),
    endsAt: localTime(day, slot.to),
  })));
  await prisma.receptionDay.createMany({ data: receptionDays });

  for (const template of replyTemplates) {
    const existing = await prisma.replyTemplate.findFirst({ where: { titleZh: template.titleZh } });
    if (!existing) await prisma.replyTemplate.create({ data: template });
  }

  return { regions: regions.length, stations: stations.length, staff: staff.length, receptionDays: receptionDays.length };
}

/** Local calendar dates (as UTC midnight of that date) of the next `weeks` occurrences of a weekday. */
function upcomingWeekdays(now: Date, weekday: number, weeks: number): Date[] {
  const local = new Date(now.getTime() + districtOffsetHours * 3_600_000);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const ahead = (weekday - local.getUTCDay() + 7) % 7;
  return Array.from({ length: weeks }, (_, week) => new Date(today + (ahead + week * 7) * 86_400_000));
}

function localTime(day: Date, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return new Date(day.getTime() + ((hours - districtOffsetHours) * 60 + minutes) * 60_000);
}
