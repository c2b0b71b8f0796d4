// Small helpers so uploaded files get plausible Telegram metadata.

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  mp4: 'video/mp4',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

export function guessMimeType(fileName: string, bytes?: Buffer): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExtension = extension ? MIME_BY_EXTENSION[extension] : undefined;
  if (byExtension) return byExtension;
  if (bytes) {
    if (isPng(bytes)) return 'image/png';
    if (isJpeg(bytes)) return 'image/jpeg';
    if (bytes.subarray(0, 4).toString('latin1') === '%PDF') return 'application/pdf';
  }
  return 'application/octet-stream';
}

export function extensionForMime(mimeType: string): string {
  for (const [extension, mime] of Object.entries(MIME_BY_EXTENSION)) if (mime === mimeType) return extension;
  return 'dat';
}

const isPng = (bytes: Buffer) => bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47;
const isJpeg = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8;

/** Reads width/height from PNG or JPEG headers; other formats get a nominal size. */
export function imageSize(bytes: Buffer): { width: number; height: number } {
  if (isPng(bytes)) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (isJpeg(bytes)) {
    let offset = 2;
    while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
      const marker = bytes[offset + 1]!;
      const length = bytes.readUInt16BE(offset + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return { width: 800, height: 600 };
}
