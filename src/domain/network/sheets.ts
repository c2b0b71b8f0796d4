// The district spreadsheet's layout, shared by the template, the import and the export:
// one sheet per kind of row, a bilingual header row, enumerations written "中文 CODE".
import type { RegionKind, StaffRoleKind, StationTier } from '../../generated/prisma/client.js';
import { LIMIT_UNITS, STAGES, type LimitUnit, type Stage } from '../calendar/stage-limits.js';

export const SHEET_KINDS = ['regions', 'stations', 'staff', 'receptionDays', 'agencies', 'categories'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** An enumeration's values with the Chinese label a cell shows before the code. */
export interface Enumeration<T extends string = string> {
  values: readonly T[];
  labels: Record<T, string>;
}

export const REGION_KINDS: Enumeration<RegionKind> = {
  values: ['DISTRICT', 'STREET', 'TOWN', 'COMMUNITY', 'VILLAGE'],
  labels: { DISTRICT: '区', STREET: '街道', TOWN: '镇', COMMUNITY: '社区', VILLAGE: '村' },
};
export const STATION_TIERS: Enumeration<StationTier> = {
  values: ['HOME', 'STATION', 'POINT'],
  labels: { HOME: '代表之家', STATION: '代表活动站', POINT: '民情联络点' },
};
export const STAFF_ROLES: Enumeration<StaffRoleKind> = {
  values: ['LIAISON_OFFICER', 'REPRESENTATIVE', 'AGENCY_HANDLER', 'STREET_ADMIN', 'DISTRICT_ADMIN'],
  labels: { LIAISON_OFFICER: '民情联络员', REPRESENTATIVE: '人大代表', AGENCY_HANDLER: '承办单位联系人', STREET_ADMIN: '街道镇管理员', DISTRICT_ADMIN: '区人大管理员' },
};
export const REPRESENTATIVE_LEVELS: Enumeration<'city' | 'district' | 'town'> = {
  values: ['city', 'district', 'town'],
  labels: { city: '市级', district: '区级', town: '镇级' },
};
export const LIMIT_UNIT_LABELS: Enumeration<LimitUnit> = {
  values: LIMIT_UNITS,
  labels: { WORKING_DAYS: '工作日', HOURS: '小时', CALENDAR_DAYS: '自然日' },
};

/** How a cell shows an enumeration value: "民情联络员 LIAISON_OFFICER". */
export function enumCell<T extends string>(enumeration: Enumeration<T>, value: T): string {
  return `${enumeration.labels[value]} ${value}`;
}

/** Reads "民情联络员 LIAISON_OFFICER", "LIAISON_OFFICER", "liaison_officer" or "民情联络员". */
export function parseEnumCell<T extends string>(enumeration: Enumeration<T>, text: string): T | undefined {
  const trimmed = text.trim();
  for (const value of enumeration.values) {
    const label = enumeration.labels[value];
    const last = trimmed.split(/\s+/).pop() ?? '';
    if (last.toUpperCase() === value.toUpperCase() || trimmed === label || trimmed === enumCell(enumeration, value)) return value;
  }
  return undefined;
}

export interface Column {
  key: string;
  zh: string;
  en: string;
  required?: boolean;
  enumeration?: Enumeration;
  width?: number;
}

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet's name in the workbook. */
  name: string;
  columns: readonly Column[];
  /** The template's example row, in column order; the examples of all sheets fit together. */
  example: readonly (string | number)[];
}

const STAGE_ZH: Record<Stage, string> = { ACKNOWLEDGE: '受理', ANALYZE: '分析', HANDLE: '办理', EVALUATE: '评价' };

const limitColumns: Column[] = STAGES.flatMap((stage) => [
  { key: `${stage}.amount`, zh: `${STAGE_ZH[stage]}时限`, en: `${stage.toLowerCase()} limit` },
  { key: `${stage}.unit`, zh: `${STAGE_ZH[stage]}单位`, en: `${stage.toLowerCase()} unit`, enumeration: LIMIT_UNIT_LABELS as Enumeration },
]);

export const SHEETS: Record<SheetKind, SheetSpec> = {
  regions: {
    kind: 'regions',
    name: '区域 Regions',
    columns: [
      { key: 'code', zh: '区域编号', en: 'Region code', required: true, width: 16 },
      { key: 'kind', zh: '类型', en: 'Kind', required: true, enumeration: REGION_KINDS as Enumeration, width: 16 },
      { key: 'nameZh', zh: '中文名称', en: 'Name (zh)', required: true, width: 20 },
      { key: 'nameEn', zh: '英文名称', en: 'Name (en)', required: true, width: 24 },
      { key: 'parent', zh: '上级区域编号', en: 'Parent code', width: 16 },
      { key: 'timeZone', zh: '时区', en: 'Time zone', width: 16 },
    ],
    example: ['YC', enumCell(REGION_KINDS, 'DISTRICT'), '永川区', 'Yongchuan District', '', 'Asia/Shanghai'],
  },
  stations: {
    kind: 'stations',
    name: '站点 Stations',
    columns: [
      { key: 'code', zh: '站点编号', en: 'Station code', required: true, width: 16 },
      { key: 'tier', zh: '层级', en: 'Tier', required: true, enumeration: STATION_TIERS as Enumeration, width: 18 },
      { key: 'nameZh', zh: '中文名称', en: 'Name (zh)', required: true, width: 24 },
      { key: 'nameEn', zh: '英文名称', en: 'Name (en)', required: true, width: 28 },
      { key: 'region', zh: '所在区域编号', en: 'Region code', required: true, width: 16 },
      { key: 'home', zh: '所属代表之家编号', en: 'Home station code', width: 16 },
      { key: 'addressZh', zh: '中文地址', en: 'Address (zh)', required: true, width: 28 },
      { key: 'addressEn', zh: '英文地址', en: 'Address (en)', required: true, width: 28 },
      { key: 'latitude', zh: '纬度', en: 'Latitude', required: true, width: 12 },
      { key: 'longitude', zh: '经度', en: 'Longitude', required: true, width: 12 },
      { key: 'hoursZh', zh: '开放时间', en: 'Opening hours (zh)', required: true, width: 24 },
      { key: 'hoursEn', zh: '英文开放时间', en: 'Opening hours (en)', required: true, width: 24 },
      { key: 'phone', zh: '电话', en: 'Phone', width: 14 },
    ],
    example: ['YP-STATION', enumCell(STATION_TIERS, 'STATION'), '玉屏社区代表活动站', 'Yuping Community Station', 'YC', '', '永川区玉屏路 12 号', '12 Yuping Road', 29.3601, 105.9232, '周一至周五 9:00–17:30', 'Mon–Fri 9:00–17:30', ''],
  },
  staff: {
    kind: 'staff',
    name: '人员 Staff',
    columns: [
      { key: 'code', zh: '人员编号', en: 'Staff code', required: true, width: 14 },
      { key: 'name', zh: '姓名', en: 'Name', required: true, width: 14 },
      { key: 'role', zh: '角色', en: 'Role', required: true, enumeration: STAFF_ROLES as Enumeration, width: 30 },
      { key: 'scope', zh: '范围编号（站点/单位/区域）', en: 'Scope code (station / agency / region)', required: true, width: 20 },
      { key: 'telegramId', zh: 'Telegram 用户ID', en: 'Telegram user id', width: 16 },
      { key: 'phone', zh: '电话', en: 'Phone', width: 14 },
      { key: 'level', zh: '代表层级', en: 'Representative level', enumeration: REPRESENTATIVE_LEVELS as Enumeration, width: 16 },
    ],
    example: ['P-0001', '张建国', enumCell(STAFF_ROLES, 'REPRESENTATIVE'), 'YP-STATION', '', '13800000000', enumCell(REPRESENTATIVE_LEVELS, 'district')],
  },
  receptionDays: {
    kind: 'receptionDays',
    name: '接待日 Reception days',
    columns: [
      { key: 'station', zh: '接待站点编号', en: 'Reception station code', required: true, width: 16 },
      { key: 'representative', zh: '代表人员编号', en: 'Representative staff code', required: true, width: 16 },
      { key: 'date', zh: '日期', en: 'Date (YYYY-MM-DD)', required: true, width: 14 },
      { key: 'from', zh: '开始时间', en: 'From (HH:MM)', required: true, width: 12 },
      { key: 'to', zh: '结束时间', en: 'To (HH:MM)', required: true, width: 12 },
      { key: 'noteZh', zh: '备注', en: 'Note (zh)', width: 20 },
      { key: 'noteEn', zh: '英文备注', en: 'Note (en)', width: 20 },
    ],
    example: ['YP-STATION', 'P-0001', '2027-01-07', '14:30', '17:00', '', ''],
  },
  agencies: {
    kind: 'agencies',
    name: '承办单位 Agencies',
    columns: [
      { key: 'code', zh: '单位编号', en: 'Agency code', required: true, width: 16 },
      { key: 'nameZh', zh: '中文名称', en: 'Name (zh)', required: true, width: 24 },
      { key: 'nameEn', zh: '英文名称', en: 'Name (en)', required: true, width: 30 },
      { key: 'region', zh: '所在区域编号', en: 'Region code', width: 16 },
    ],
    example: ['URBAN-MGMT', '区城市管理局', 'District Urban Management Bureau', 'YC'],
  },
  categories: {
    kind: 'categories',
    name: '类别 Categories',
    columns: [
      { key: 'code', zh: '类别编号', en: 'Category code', required: true, width: 18 },
      { key: 'nameZh', zh: '中文名称', en: 'Name (zh)', required: true, width: 14 },
      { key: 'nameEn', zh: '英文名称', en: 'Name (en)', required: true, width: 20 },
      { key: 'sortOrder', zh: '排序', en: 'Sort order', width: 8 },
      ...limitColumns,
    ],
    example: ['roads-traffic', '道路交通', 'Roads and traffic', 2, 1, enumCell(LIMIT_UNIT_LABELS, 'WORKING_DAYS'), '', '', 10, enumCell(LIMIT_UNIT_LABELS, 'WORKING_DAYS'), '', ''],
  },
};

export function headerText(column: Column): string {
  return `${column.zh} ${column.en}`;
}

/** The sheet a header row belongs to, told by its first cell (sheet names are not always readable when streaming). */
export function sheetOfHeader(firstCell: string): SheetSpec | undefined {
  const text = firstCell.trim();
  return Object.values(SHEETS).find(({ columns: [first] }) => text === headerText(first!) || text === first!.zh || text === first!.en);
}

/** Column key → 1-based column index, from a header row; headers may come in any order. */
export function columnIndex(spec: SheetSpec, header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, position) => {
    const text = cell.trim();
    const column = spec.columns.find((candidate) => text === headerText(candidate) || text === candidate.zh || text === candidate.en);
    if (column && !index.has(column.key)) index.set(column.key, position);
  });
  return index;
}

/** "A", "B", … "AA": how a reader finds the column. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
