import { parse } from 'csv-parse/sync';

/**
 * The curated files in data/ are CSV so they review well in a diff: one row
 * an object keyed by the header, quoted cells holding commas, quotes and line
 * breaks (RFC 4180, read by csv-parse). A malformed file is an error naming it.
 */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
