// `npm run bench:import [-- --stations N]`: the network import at city scale. Generates a
// deterministic spreadsheet of 40 districts (default 20,000 stations, 2.5 staff rows and 10
// reception days per station: 50,000 and 200,000), imports it into a fresh PostgreSQL database
// it creates and drops, then imports it again (no change), and times the floor: the same rows
// written by one server-side INSERT … SELECT per table into copies of the tables with the same
// indexes (no file to read, nothing to check). Prints seconds, peak RSS and the ratio.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { importNetwork, type ImportResult } from '../src/domain/network/import.js';
import { enumCell, LIMIT_UNIT_LABELS, REGION_KINDS, STAFF_ROLES, STATION_TIERS } from '../src/domain/network/sheets.js';
import { writeNetworkWorkbook, type CellValue } from '../src/domain/network/write-workbook.js';
import { withAdmin } from '../test/helpers/postgres.js';

const { values } = parseArgs({ options: { stations: { type: 'string', default: '20000' } } });
const stationCount = Number(values.stations);
if (!Number.isInteger(stationCount) || stationCount < 400) {
  console.error('Usage: npm run bench:import -- [--stations N (≥ 400, default 20000)]');
  process.exit(2);
}

const DISTRICTS = 40;
const STREETS_PER_DISTRICT = 10;
const COMMUNITIES_PER_STREET = 5;
const RECEPTION_DAYS_PER_STATION = 10;
const AGENCIES_PER_DISTRICT = 10;
const streets = DISTRICTS * STREETS_PER_DISTRICT;
const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fixed-seed generator (mulberry32): the same file every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const streetOf = (station: number) => station % streets;
const district = (d: number) => `D${String(d).padStart(2, '0')}`;
const street = (s: number) => `${district(Math.floor(s / STREETS_PER_DISTRICT))}-S${s % STREETS_PER_DISTRICT}`;
const community = (station: number) => `${street(streetOf(station))}-C${Math.floor(station / streets) % COMMUNITIES_PER_STREET}`;
const stationCode = (station: number) => (station < streets ? `HOME-${street(station)}` : `ST-${String(station).padStart(6, '0')}`);
const agencyCode = (a: number) => `AG-${String(a).padStart(4, '0')}`;

function* regions(): Iterable<CellValue[]> {
  for (let d = 0; d < DISTRICTS; d++) yield [district(d), enumCell(REGION_KINDS, 'DISTRICT'), `区${d}`, `District ${d}`, null, 'Asia/Shanghai'];
  for (let s = 0; s < streets; s++) {
    yield [street(s), enumCell(REGION_KINDS, s % 3 ? 'STREET' : 'TOWN'), `街道${s}`, `Street ${s}`, district(Math.floor(s / STREETS_PER_DISTRICT)), null];
    for (let c = 0; c < COMMUNITIES_PER_STREET; c++) yield [`${street(s)}-C${c}`, enumCell(REGION_KINDS, c % 2 ? 'COMMUNITY' : 'VILLAGE'), `社区${s}-${c}`, `Community ${s}-${c}`, street(s), null];
  }
}

function* stations(): Iterable<CellValue[]> {
  const next = random(11);
  for (let i = 0; i < stationCount; i++) {
    const home = i < streets;
    const tier = home ? 'HOME' : i % 3 ? 'STATION' : 'POINT';
    yield [
      stationCode(i), enumCell(STATION_TIERS, tier), `站点${i}`, `Station ${i}`, home ? street(i) : community(i), home ? null : stationCode(streetOf(i)),
      `地址 ${i} 号`, `${i} Main Road`, Math.round((29 + next()) * 1e6) / 1e6, Math.round((105 + next()) * 1e6) / 1e6, '周一至周五 9:00–17:30', 'Mon–Fri 9:00–17:30', null,
    ];
  }
}

/** Per station an officer and a representative; the half row per station left: agency handlers and admins. */
function* staff(): Iterable<CellValue[]> {
  const next = random(12);
  const telegram = () => (next() < 0.5 ? String(100_000_000 + Math.floor(next() * 900_000_000)) : null);
  for (let i = 0; i < stationCount; i++) {
    yield [`OFF-${i}`, `联络员${i}`, enumCell(STAFF_ROLES, 'LIAISON_OFFICER'), stationCode(i), telegram(), null, null];
    yield [`REP-${i}`, `代表${i}`, enumCell(STAFF_ROLES, 'REPRESENTATIVE'), stationCode(i), telegram(), null, '区级 district'];
  }
  const others = Math.floor(stationCount / 2);
  for (let i = 0; i < others; i++) {
    if (i < streets) yield [`SADM-${i}`, `街道管理员${i}`, enumCell(STAFF_ROLES, 'STREET_ADMIN'), street(i), telegram(), null, null];
    else if (i < streets + DISTRICTS) yield [`DADM-${i}`, `区管理员${i}`, enumCell(STAFF_ROLES, 'DISTRICT_ADMIN'), district(i - streets), telegram(), null, null];
    else yield [`AGH-${i}`, `经办人${i}`, enumCell(STAFF_ROLES, 'AGENCY_HANDLER'), agencyCode(i % (DISTRICTS * AGENCIES_PER_DISTRICT)), telegram(), null, null];
  }
}

function* receptionDays(): Iterable<CellValue[]> {
  for (let i = 0; i < stationCount; i++) {
    for (let k = 0; k < RECEPTION_DAYS_PER_STATION; k++) {
      const day = new Date(Date.UTC(2027, 0, 4 + k * 7 + (i % 5))).toISOString().slice(0, 10);
      yield [stationCode(i), `REP-${i}`, day, i % 2 ? '09:00' : '14:30', i % 2 ? '11:30' : '17:00', null, null];
    }
  }
}

function* agencies(): Iterable<CellValue[]> {
  for (let a = 0; a < DISTRICTS * AGENCIES_PER_DISTRICT; a++) yield [agencyCode(a), `单位${a}`, `Agency ${a}`, district(a % DISTRICTS)];
}

function* categories(): Iterable<CellValue[]> {
  for (let c = 0; c < 12; c++) yield [`cat-${c}`, `类别${c}`, `Category ${c}`, c, 1, enumCell(LIMIT_UNIT_LABELS, 'WORKING_DAYS'), null, null, 10 + c, enumCell(LIMIT_UNIT_LABELS, 'WORKING_DAYS'), null, null];
}

const sheets = { regions, stations, staff, receptionDays, agencies, categories };

/** Samples the resident set size: the high-water mark of a phase. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function totals(result: ImportResult): string {
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return Object.entries(result.changes).map(([sheet, c]) => `${sheet} +${c.added}/~${c.changed}/-${c.deactivated}`).join(', ');
}

const dir = await mkdtemp(join(tmpdir(), 'minyi-bench-import-'));
const file = join(dir, 'city.xlsx');
const name = `minyi_bench_import_${Date.now()}`;
try {
  let started = performance.now();
  await writeNetworkWorkbook(file, (kind) => sheets[kind]());
  console.log(`file: ${stationCount} stations, ${stationCount * 2 + Math.floor(stationCount / 2)} staff, ${stationCount * RECEPTION_DAYS_PER_STATION} reception days; ${mb((await stat(file)).size)} written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`), adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  const deps = { db, prisma: db.prisma, clock: systemClock, config: loadConfig({ LOG_LEVEL: 'silent' }) };
  try {
    const baseline = process.memoryUsage().rss;
    let sampler = rssSampler();
    started = performance.now();
    const first = await importNetwork(deps, { file, dryRun: false });
    const importSeconds = (performance.now() - started) / 1000;
    const importPeak = sampler.stop();
    console.log(`import:          ${importSeconds.toFixed(1)} s, peak RSS ${mb(importPeak)} (before: ${mb(baseline)}); ${totals(first)}; ${first.ok ? first.invitationsIssued : 0} invitations`);

    sampler = rssSampler();
    started = performance.now();
    const second = await importNetwork(deps, { file, dryRun: false });
    console.log(`same file again: ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${mb(sampler.stop())}; ${totals(second)}`);

    // The floor: the same rows, already in the database, written once more by one INSERT … SELECT per table.
    const tables = ['Region', 'Station', 'Person', 'StaffRole', 'StaffInvitation', 'ReceptionDay', 'Agency', 'Category'];
    for (const table of tables) await db.sql.exec(`CREATE TABLE "floor_${table}" (LIKE "${table}" INCLUDING ALL)`);
    started = performance.now();
    for (const table of tables) await db.sql.exec(`INSERT INTO "floor_${table}" SELECT * FROM "${table}"`);
    const floorSeconds = (performance.now() - started) / 1000;
    console.log(`floor:           ${floorSeconds.toFixed(1)} s (INSERT … SELECT of the imported rows into same-indexed copies)`);
    console.log(`ratio import / floor: ${(importSeconds / floorSeconds).toFixed(1)}×`);
  } finally {
    await db.close();
  }
} finally {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), adminUrl);
  await rm(dir, { recursive: true, force: true });
}
