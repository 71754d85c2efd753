import type { Decimal } from '../decimal.js';
import type { EditionFact, ScoreFact } from './facts.js';

/**
 * Which scores are comparable. Two numbers on one benchmark compare only
 * when they come from one edition (one leaderboard at one version or
 * release): LMArena's text board of 2025-12-11 and a lab's model card do not
 * measure alike. Scores recorded without an edition are grouped by their
 * source, each source one "edition", self-reported unless every score in it
 * says `selfReported: false`.
 *
 * The rule, for one benchmark and the compared models:
 *  1. candidate editions are those in which every compared model has a score;
 *  2. of these, independent editions before self-reported ones, then the
 *     newest (`publishedOn`; unknown counts as oldest), then editions before
 *     source groups, then slug (then source id) so the choice never depends
 *     on row order;
 *  3. in the chosen edition each model is represented by its best score there
 *     (several settings or variants: the best value; equal values prefer the
 *     default variant '', then variant and setting by name), and the variant
 *     is said;
 *  4. with no candidate edition the benchmark is not compared at all: there
 *     is no leader across editions.
 * Two scores tie when equal, or when both have a 95% interval and the
 * intervals overlap.
 */

export interface ScoreGroup {
  /** 'edition:<id>', or 'source:<id>' for scores without an edition. */
  key: string;
  edition: EditionFact | null;
  /** The source of a group without edition; the edition's own source otherwise (may be null). */
  sourceId: number | null;
  /** What a sentence calls it: "LMArena text, style control, 2025-12-11", or the source's name. */
  label: string;
  independent: boolean;
  publishedOn: string | null;
}

/** "LMArena text, style control, 2025-12-11": the edition's name with its date unless the name has it. */
export function editionLabel(edition: Pick<EditionFact, 'name' | 'publishedOn'>): string {
  const { name, publishedOn } = edition;
  return publishedOn && !name.includes(publishedOn) ? `${name}, ${publishedOn}` : name;
}

function groupKey(score: ScoreFact): string {
  return score.edition ? `edition:${score.edition.id}` : `source:${score.sourceId}`;
}

/** The groups (editions, or sources of edition-less scores) of some scores on one benchmark. */
export function groupsOf(scores: ScoreFact[]): Map<string, ScoreGroup> {
  const groups = new Map<string, ScoreGroup>();
  const members = new Map<string, ScoreFact[]>();
  for (const score of scores) {
    const key = groupKey(score);
    members.set(key, [...(members.get(key) ?? []), score]);
  }
  for (const [key, own] of members) {
    const first = own[0]!;
    const edition = first.edition;
    groups.set(
      key,
      edition
        ? { key, edition, sourceId: edition.sourceId, label: editionLabel(edition), independent: edition.independent, publishedOn: edition.publishedOn }
        : {
            key,
            edition: null,
            sourceId: first.sourceId,
            label: first.sourceName,
            // A source says nothing of who ran it unless each score does: self-reported unless stated otherwise.
            independent: own.every((s) => s.selfReported === false),
            publishedOn: null,
          },
    );
  }
  return groups;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; an unknown date is the oldest. */
function newestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return byText(b, a);
}

/** Edition preference: independent first, then newest, then slug. Sorts `Benchmark.editions` too. */
export function compareEditions(
  a: Pick<EditionFact, 'independent' | 'publishedOn' | 'slug'>,
  b: Pick<EditionFact, 'independent' | 'publishedOn' | 'slug'>,
): number {
  return Number(b.independent) - Number(a.independent) || newestFirst(a.publishedOn, b.publishedOn) || byText(a.slug, b.slug);
}

/** Group preference, most preferred first: the rule above, whole. */
export function compareGroups(a: ScoreGroup, b: ScoreGroup): number {
  return (
    Number(b.independent) - Number(a.independent) ||
    newestFirst(a.publishedOn, b.publishedOn) ||
    Number(a.edition === null) - Number(b.edition === null) ||
    byText(a.edition?.slug ?? '', b.edition?.slug ?? '') ||
    (a.sourceId ?? 0) - (b.sourceId ?? 0)
  );
}

export interface EditionChoice {
  group: ScoreGroup;
  /** Per model, in order: its scores in the chosen group (at least one each). */
  scores: ScoreFact[][];
}

/** The most preferred group in which every model has a score; null when there is none. */
export function chooseEdition(perModel: ScoreFact[][]): EditionChoice | null {
  const groups = groupsOf(perModel.flat());
  const covering = [...groups.values()].filter((g) => perModel.every((scores) => scores.some((s) => groupKey(s) === g.key)));
  const group = covering.sort(compareGroups)[0];
  if (!group) return null;
  return { group, scores: perModel.map((scores) => scores.filter((s) => groupKey(s) === group.key)) };
}

/** A model's own most preferred group (for a benchmark no edition covers for everyone). */
export function preferredGroup(scores: ScoreFact[]): EditionChoice {
  const group = [...groupsOf(scores).values()].sort(compareGroups)[0]!;
  return { group, scores: [scores.filter((s) => groupKey(s) === group.key)] };
}

/**
 * A model's best score among its runs in one edition: the best value; on
 * equal values the default variant ('') first, then variant, setting and id.
 */
export function bestScore(scores: ScoreFact[], higherIsBetter: boolean): ScoreFact {
  if (scores.length === 0) throw new RangeError('bestScore needs at least one score');
  return [...scores].sort(
    (a, b) =>
      (higherIsBetter ? b.value.compare(a.value) : a.value.compare(b.value)) ||
      Number(a.variant !== '') - Number(b.variant !== '') ||
      byText(a.variant, b.variant) ||
      byText(a.setting ?? '', b.setting ?? '') ||
      a.id - b.id,
  )[0]!;
}

export interface Rated {
  value: Decimal;
  ciLow: Decimal | null;
  ciHigh: Decimal | null;
}

/** Both have a whole 95% interval, and the two intervals overlap. */
export function intervalsOverlap(a: Rated, b: Rated): boolean {
  if (!a.ciLow || !a.ciHigh || !b.ciLow || !b.ciHigh) return false;
  return !a.ciLow.greaterThan(b.ciHigh) && !b.ciLow.greaterThan(a.ciHigh);
}

/** Level with each other: the same value, or within each other's 95% interval. */
export function level(a: Rated, b: Rated): boolean {
  return a.value.equals(b.value) || intervalsOverlap(a, b);
}
