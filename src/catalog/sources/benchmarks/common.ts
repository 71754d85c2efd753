import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { toSlug } from '../../providers.js';
import type { ScoreRecord, SourceBundle } from '../../records.js';

/**
 * What the leaderboard importers in this folder share: reading a file so an
 * error names it, keeping numbers as the text the file wrote, and one way
 * to turn a benchmark's name into a slug, so "SWE-Bench Verified" from one
 * source and "swe-bench-verified" from another land on one benchmark.
 */

export const DECIMAL = /^\d+(\.\d+)?$/;

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read: ${(error as Error).message}`);
  }
}

export interface CsvTable {
  header: string[];
  /** Each row keyed by the header, with its line in the file (for warnings). */
  rows: { line: number; cells: Record<string, string> }[];
  /** Rows with more or fewer cells than the header: which cell is which cannot be told. */
  ragged: { line: number; first: string; count: number }[];
}

/** A CSV with a header row; a file that is not CSV at all is an error naming it. */
export function parseCsvText(text: string, file: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, bom: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new Error(`${file}: not valid CSV: ${(error as Error).message}`);
  }
  const [header = [], ...body] = records;
  const table: CsvTable = { header, rows: [], ragged: [] };
  body.forEach((cells, index) => {
    // The line of a row whose cells hold no line break: good enough to find it.
    const line = index + 2;
    if (cells.length !== header.length) table.ragged.push({ line, first: cells[0] ?? '', count: cells.length });
    else table.rows.push({ line, cells: Object.fromEntries(header.map((h, i) => [h, cells[i]!])) });
  });
  return table;
}

export function requireColumns(table: CsvTable, columns: string[], file: string): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length > 0) throw new Error(`${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  if (table.rows.length === 0) throw new Error(`${file}: has no rows`);
}

/** Warnings for the rows whose cells do not line up with the header. */
export function raggedWarnings(table: CsvTable, name: string): string[] {
  return table.ragged.map((r) => `${name}: line ${r.line}${r.first ? ` ("${r.first}")` : ''} has ${r.count} cells for ${table.header.length} columns; skipped`);
}

/** Marks a number token turned into a string (JSON text never holds a raw NUL). */
const NUMBER = '\u0000';

/**
 * JSON.parse reads 82.0 as 82 and 0.1 as a double: the file's own digits are
 * gone. Every number token is re-quoted before parsing (strings are matched
 * first, so digits inside them are untouched), so each number arrives as
 * its exact text. Use `numberText` to read one back.
 */
export function parseJsonKeepingNumbers(text: string, file: string): unknown {
  const quoted = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `"\\u0000${token}"`,
  );
  try {
    return JSON.parse(quoted);
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** The text of a number parsed by parseJsonKeepingNumbers; null for JSON null, undefined for anything else. */
export function numberText(value: unknown): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' && value.startsWith(NUMBER) ? value.slice(1) : undefined;
}

/**
 * Multiplies a decimal string by 10^places by moving its point: a string
 * operation, so "0.772" is "77.2" and "0.770" is "77.0", never 77.00000000000001.
 */
export function shiftPoint(text: string, places: number): string {
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal number: "${text}"`);
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  const padded = fraction.padEnd(places, '0');
  const digits = `${whole}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return rest ? `${digits}.${rest}` : digits;
}

/**
 * A benchmark's slug from its name or a source's id: "Humanity’s Last
 * Exam" → humanitys-last-exam, "HumanEval+" → humaneval-plus, "τ3 Banking"
 * → tau3-banking, "graphwalks-bfs-<128k" → graphwalks-bfs-lt-128k.
 */
export function benchmarkSlug(name: string): string {
  return toSlug(
    name
      .toLowerCase()
      .replace(/[’'`]/g, '')
      .replace(/τ/g, 'tau')
      .replace(/\+/g, '-plus')
      .replace(/→/g, '-to-')
      .replace(/</g, '-lt-')
      .replace(/>/g, '-gt-'),
  );
}

/**
 * The writer keeps the first of two scores alike in model, benchmark,
 * edition, setting, variant and source, silently. A row repeated with the
 * same value is kept once; two rows that disagree cannot both be right and
 * neither says which is, so both are dropped with a warning.
 */
export function dropConflictingScores(bundle: SourceBundle, describe: (s: ScoreRecord) => string): void {
  const key = (s: ScoreRecord) => [s.model, s.benchmark, s.edition, s.setting, s.variant, s.source].join('\u0000');
  const groups = new Map<string, ScoreRecord[]>();
  for (const s of bundle.scores) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  const kept: ScoreRecord[] = [];
  for (const group of groups.values()) {
    const values = [...new Set(group.map((s) => s.value))];
    if (values.length === 1) kept.push(group[0]!);
    else bundle.warnings.push(`${describe(group[0]!)}: stated ${group.length} times with different values (${values.join(', ')}); skipped`);
  }
  bundle.scores = kept;
}
