import JSZip from 'jszip';

/**
 * The date every workbook carries, inside and out. DOS zip dates start in 1980, so the
 * epoch cannot be used; any fixed date makes the bytes depend on the specs alone.
 */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * Re-packs a zip with every entry dated FIXED_DATE, in the original entry order, without
 * folder entries. exceljs hands each entry to JSZip without a date, so JSZip stamps the
 * current time into every local and central directory header.
 * (jszip is exceljs's own zip library, installed with it.)
 */
export async function repackZip(zipBytes: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(zipBytes);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false, binary: true });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
