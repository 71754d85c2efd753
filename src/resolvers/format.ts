import { CAPABILITY_BY_KEY, type CapabilityKey } from '../domain/capabilities.js';
import { Decimal } from './decimal.js';

/** How numbers are written for people. Pure; every sentence goes through these. */

/** "$0.02/1M tokens", exactly as priced. */
export function perMillion(price: Decimal): string {
  return `${perMillionShort(price)} tokens`;
}

/** "$0.02/1M", for sentences that name the tokens themselves ("$0.02/1M input tokens"). */
export function perMillionShort(price: Decimal): string {
  return `$${price.toString()}/1M`;
}

/** "$71.60", "$1,204.50": money rounded to the cent. */
export function dollars(amount: Decimal): string {
  const [whole, cents] = amount.abs().toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.isNegative() && !amount.round(2).isZero() ? '-' : ''}$${grouped}.${cents}`;
}

/** Context windows: 128000 and 131072 are both "128K"; 1048576 is "1M". Decimal units first. */
export function tokenWindow(tokens: number): string {
  for (const [size, unit] of [
    [1000 * 1000, 'M'],
    [1024 * 1024, 'M'],
    [1000, 'K'],
    [1024, 'K'],
  ] as const) {
    if (tokens >= size && tokens % size === 0) return `${tokens / size}${unit}`;
  }
  if (tokens >= 1_000_000) return `${trimNumber(tokens / 1_000_000, 1)}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
  return String(tokens);
}

/**
 * A writer for a set of windows: "128K" for 128,000 and for 131,072 alike,
 * so when two different windows would read the same, all are written in
 * full ("131,072") and a difference never reads as a tie.
 */
export function windowWriter(windows: number[]): (tokens: number) => string {
  const distinct = [...new Set(windows)];
  const ambiguous = new Set(distinct.map(tokenWindow)).size < distinct.length;
  return ambiguous ? (tokens) => tokens.toLocaleString('en-US') : tokenWindow;
}

/** Monthly volumes: 848000000n → "848M", 230800000n → "230.8M", 2500000000n → "2.5B". */
export function tokenVolume(tokens: bigint): string {
  const value = Decimal.from(tokens);
  for (const [power, unit] of [
    [9, 'B'],
    [6, 'M'],
    [3, 'K'],
  ] as const) {
    if (tokens >= 10n ** BigInt(power)) return `${value.shiftLeft(power).round(2).toString()}${unit}`;
  }
  return tokens.toString();
}

/** Benchmark points, one decimal as leaderboards print them: "24.3", "15.0". */
export function points(value: Decimal): string {
  return value.toFixed(1);
}

/** "1 provider", "5 providers". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "A", "A and B", "A, B, and C". */
export function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

/**
 * How much lower one price is than another, said so it cannot mislead:
 * "75% lower (4× cheaper)", never "300% cheaper". The percentage is of the
 * dearer price, so it is always below 100%.
 */
export function saving(lower: Decimal, higher: Decimal): string {
  if (!lower.lessThan(higher)) return 'the same';
  if (lower.isZero()) return 'free';
  const ratio = higher.toNumber() / lower.toNumber();
  const percent = Math.round((1 - lower.toNumber() / higher.toNumber()) * 100);
  const percentText = percent >= 100 ? 'over 99%' : `${Math.max(percent, 1)}%`;
  return ratio >= 2 ? `${percentText} lower (${trimNumber(ratio, 1)}× cheaper)` : `${percentText} lower`;
}

const TAG_LABELS: Record<string, string> = {
  rag: 'RAG',
  'long-context': 'Long context',
  coding: 'Coding',
  classification: 'Classification',
  agents: 'Agents',
  chat: 'Chat',
  reasoning: 'Reasoning',
  vision: 'Vision',
  extraction: 'Extraction',
  summarization: 'Summarization',
  translation: 'Translation',
  math: 'Math',
};

/** Decision-fit tags as people read them: "rag" → "RAG". */
export function tagLabel(tag: string): string {
  return TAG_LABELS[tag] ?? tag.charAt(0).toUpperCase() + tag.slice(1).replace(/-/g, ' ');
}

/** A capability as people write it: "structuredOutputs" → "structured outputs". */
export function capabilityLabel(capability: CapabilityKey): string {
  return CAPABILITY_BY_KEY[capability].label;
}

function trimNumber(value: number, places: number): string {
  return String(Number(value.toFixed(places)));
}
