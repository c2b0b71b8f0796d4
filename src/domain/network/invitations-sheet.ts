// The import's invitations as a spreadsheet the office prints or forwards: per person not yet
// on Telegram their name, role, scope, one-time link, code and a QR code of the link.
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { DomainDeps } from '../deps.js';
import { invitationDeepLink } from '../staff/invitations.js';
import { enumCell, STAFF_ROLES } from './sheets.js';
import type { Translator } from './summary.js';

const QR_PIXELS = 132;
const ROW_POINTS = 104;

/** The open invitations of imported staff (optionally only those of the given people). */
export async function openImportInvitations(deps: Pick<DomainDeps, 'prisma' | 'clock'>) {
  return deps.prisma.staffInvitation.findMany({
    where: { personId: { not: null }, usedAt: null, revokedAt: null, expiresAt: { gt: deps.clock.now() } },
    include: { person: true, station: true, agency: true, region: true },
    orderBy: { id: 'asc' },
  });
}

export async function writeInvitationsWorkbook(
  deps: Pick<DomainDeps, 'prisma' | 'clock'>,
  target: string | Writable,
  options: { t: Translator; botUsername?: string | undefined },
): Promise<number> {
  const { t } = options;
  const invitations = await openImportInvitations(deps);
  // Loaded when the sheet is written: exceljs is the heaviest module to load, and most starts never need either.
  const [{ default: Excel }, { default: QRCode }] = await Promise.all([import('exceljs'), import('qrcode')]);
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(t('import-invitations-sheet-name'));
  sheet.columns = [
    { header: t('import-invitations-header-name'), width: 14 },
    { header: t('import-invitations-header-role'), width: 28 },
    { header: t('import-invitations-header-scope'), width: 26 },
    { header: t('import-invitations-header-link'), width: 44 },
    { header: t('import-invitations-header-code'), width: 14 },
    { header: t('import-invitations-header-expires'), width: 18 },
    { header: t('import-invitations-header-qr'), width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [index, invitation] of invitations.entries()) {
    const scope = invitation.station ?? invitation.agency ?? invitation.region;
    const link = options.botUsername ? invitationDeepLink(options.botUsername, invitation.code) : `/join ${invitation.code}`;
    const row = sheet.addRow([
      invitation.person?.displayName ?? '',
      enumCell(STAFF_ROLES, invitation.kind),
      scope ? `${scope.nameZh} ${scope.nameEn}` : '',
      link,
      invitation.code,
      invitation.expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    ]);
    // Without the bot's name there is no link to encode; the code still works with /join.
    if (!options.botUsername) continue;
    row.height = ROW_POINTS;
    const image = workbook.addImage({ buffer: (await QRCode.toBuffer(link, { type: 'png', width: QR_PIXELS, margin: 1 })) as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(image, { tl: { col: 6, row: index + 1 }, ext: { width: QR_PIXELS, height: QR_PIXELS } });
  }
  if (typeof target === 'string') await workbook.xlsx.writeFile(target);
  else await workbook.xlsx.write(target);
  return invitations.length;
}
