import type { Dataset } from '../dataset.js';
import { Decimal } from '../../resolvers/decimal.js';
import { userInputError } from '../../schema/errors.js';
import { counts, type Trx } from '../write/common.js';
import { syncScores } from '../write/scores.js';
import { type SourceInput, sourceId } from './prices.js';
import type { Written } from './write.js';

export type ScoreInput = Omit<Dataset['scores'][number], 'source' | 'sourceModelKey'> & { source: SourceInput };

/**
 * Records a score: a model's result on a benchmark in one edition, setting
 * and variant, from a source (write/scores.ts: a score with the same key is
 * updated in place, its old value kept in the audit trail). The value must lie
 * inside the benchmark's scale.
 */
export async function recordScore(trx: Trx, input: ScoreInput): Promise<Written<{ scoreId: number }>> {
  const model = await trx.selectFrom('models').select(['id', 'slug']).where('slug', '=', input.model).forUpdate().executeTakeFirst();
  if (!model) throw userInputError(`Invalid argument "input.model": no model "${input.model}"`, ['input', 'model']);
  const benchmark = await trx.selectFrom('benchmarks').select(['id', 'scale_min', 'scale_max']).where('slug', '=', input.benchmark).executeTakeFirst();
  if (!benchmark) throw userInputError(`Invalid argument "input.benchmark": no benchmark "${input.benchmark}"`, ['input', 'benchmark']);
  for (const field of ['value', 'ciLow', 'ciHigh'] as const) {
    const value = input[field];
    if (value === null) continue;
    const v = Decimal.from(value);
    if ((benchmark.scale_min !== null && v.compare(Decimal.from(benchmark.scale_min)) < 0) || (benchmark.scale_max !== null && v.compare(Decimal.from(benchmark.scale_max)) > 0)) {
      throw userInputError(
        `Invalid argument "input.${field}": must lie inside the benchmark's scale, ${benchmark.scale_min ?? '−∞'} to ${benchmark.scale_max ?? '∞'}`,
        ['input', field],
      );
    }
  }
  const editionIds = new Map<string, number>();
  if (input.edition !== null) {
    const edition = await trx.selectFrom('editions').select('id').where('slug', '=', input.edition).executeTakeFirst();
    if (!edition) throw userInputError(`Invalid argument "input.edition": no edition "${input.edition}"`, ['input', 'edition']);
    editionIds.set(input.edition, edition.id);
  }
  const source = await sourceId(trx, input.source);
  const key = { model_id: model.id, benchmark_id: benchmark.id, source_id: source, setting: input.setting, variant: input.variant };
  const existing = () =>
    trx
      .selectFrom('scores')
      .selectAll()
      .where('model_id', '=', key.model_id)
      .where('benchmark_id', '=', key.benchmark_id)
      .where('source_id', '=', key.source_id)
      .where('setting', '=', key.setting)
      .where('variant', '=', key.variant)
      .where('edition_id', input.edition === null ? 'is' : '=', input.edition === null ? null : editionIds.get(input.edition)!)
      .executeTakeFirst();
  const before = (await existing()) ?? null;
  await syncScores(
    trx,
    [{ ...input, source: 'curation', sourceModelKey: null }],
    { modelIds: new Map([[model.slug, model.id]]), benchmarkIds: new Map([[input.benchmark, benchmark.id]]), editionIds, sourceIds: new Map([['curation', source]]) },
    counts(),
  );
  const after = (await existing())!;
  return { result: { scoreId: after.id }, changes: [{ action: 'recordScore', entityType: 'model', entityId: model.id, before, after }] };
}
