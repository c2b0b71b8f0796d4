// The console's personas are the seeded demo people (same Telegram ids), so the bot
// recognises the officer, the agency handler and the admins by their roles at once.
import { DEMO_PERSONAS } from '../domain/seed/demo-district.js';
import type { Persona } from './bot-api/types.js';

/** A place offered by the console's location picker. */
export interface DemoPlace {
  name: string;
  latitude: number;
  longitude: number;
}

export const defaultDemoPersonas: Persona[] = [
  { id: 'resident', userId: DEMO_PERSONAS.resident.telegramId, firstName: DEMO_PERSONAS.resident.nameZh, languageCode: 'zh-hans', role: '居民 · resident', phoneNumber: '+8613800010001' },
  { id: 'officer', userId: DEMO_PERSONAS.officer.telegramId, firstName: DEMO_PERSONAS.officer.nameZh, languageCode: 'zh-hans', role: '民情联络员 · liaison officer', phoneNumber: '+8613800020001' },
  { id: 'agency', userId: DEMO_PERSONAS.agencyHandler.telegramId, firstName: DEMO_PERSONAS.agencyHandler.nameZh, languageCode: 'zh-hans', role: '承办单位 · agency handler', phoneNumber: '+8613800030001' },
  { id: 'street-admin', userId: DEMO_PERSONAS.streetAdmin.telegramId, firstName: DEMO_PERSONAS.streetAdmin.nameZh, languageCode: 'zh-hans', role: '街道管理员 · street admin', phoneNumber: '+8613800040001' },
  { id: 'district-admin', userId: DEMO_PERSONAS.districtAdmin.telegramId, firstName: DEMO_PERSONAS.districtAdmin.nameZh, languageCode: 'zh-hans', role: '区人大常委会 · district admin', phoneNumber: '+8613800050001' },
];

/** Spots in the seeded district (Yongchuan), near its stations, for "share location". */
export const defaultDemoPlaces: DemoPlace[] = [
  { name: '玉屏路口（玉屏社区）', latitude: 29.3598, longitude: 105.9241 },
  { name: '人民大道（代表之家旁）', latitude: 29.3559, longitude: 105.9262 },
  { name: '萱花路菜市场', latitude: 29.3502, longitude: 105.9306 },
  { name: '兴龙湖商圈', latitude: 29.3693, longitude: 105.9115 },
  { name: '朱沱镇汉东村', latitude: 29.0162, longitude: 105.8455 },
];
