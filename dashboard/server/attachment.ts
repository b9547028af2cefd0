/** Headers of a file download with a Russian name (RFC 6266; an ASCII fallback for old clients). */
export function attachment(fileName: string, contentType: string): Record<string, string> {
  const safe = fileName.replace(/[«»:/\\"]/g, '');
  const extension = safe.split('.').pop() ?? 'bin';
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="download.${extension}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
  };
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Headers of a table download: CSV for a `.csv` name, XLSX otherwise. */
export const download = (fileName: string) =>
  attachment(fileName, CONTENT_TYPES[fileName.endsWith('.csv') ? 'csv' : 'xlsx']);
