import { recordScore } from '../../catalog/curation/scores.js';
import { builder } from '../builder.js';
import { ScoreRef } from '../refs.js';
import { SourceInput } from './offering.js';
import { dateRule, optionalTextRule, scoreRule, slugRule } from './rules.js';
import { write } from './write.js';

const RecordScoreInput = builder.inputType('RecordScoreInput', {
  description: 'A benchmark score: one model\'s result in one edition, setting and variant, from a source.',
  fields: (t) => ({
    model: t.string({ required: true, description: 'The model\'s slug.', validate: slugRule }),
    benchmark: t.string({ required: true, description: 'The benchmark\'s slug.', validate: slugRule }),
    value: t.field({ type: 'Decimal', required: true, description: 'The score, inside the benchmark\'s scale.', validate: scoreRule }),
    edition: t.string({ description: 'The edition\'s slug (one leaderboard at one version); left out for none.', validate: slugRule }),
    setting: t.string({ description: 'e.g. "5-shot CoT"; "" (the default) for none.', validate: optionalTextRule }),
    variant: t.string({ description: 'Reasoning effort or thinking budget, e.g. "high"; "" (the default) for none.', validate: optionalTextRule }),
    ciLow: t.field({ type: 'Decimal', description: 'Lower bound of its 95% interval.', validate: scoreRule }),
    ciHigh: t.field({ type: 'Decimal', description: 'Upper bound of its 95% interval.', validate: scoreRule }),
    measuredOn: t.field({ type: 'Date', description: 'When it was measured.', validate: dateRule }),
    selfReported: t.boolean({ description: 'True when the model\'s own lab reported it; left out when the source does not say.' }),
    source: t.field({ type: SourceInput, required: true, description: 'Where the score comes from.' }),
  }),
  validate: [
    (s) => s.ciLow == null || s.ciHigh == null || Number(s.ciLow) <= Number(s.ciHigh),
    { message: 'ciLow must not exceed ciHigh', path: ['ciHigh'] },
  ],
});

builder.mutationFields((t) => ({
  recordScore: t.field({
    type: ScoreRef,
    description:
      'Records a score; one with the same model, benchmark, source, edition, setting and variant is updated in place (its old value stays in `changes`). Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: { input: t.arg({ type: RecordScoreInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { scoreId } = await write(ctx, (trx) =>
        recordScore(trx, {
          model: input.model,
          benchmark: input.benchmark,
          value: input.value,
          edition: input.edition ?? null,
          setting: input.setting ?? '',
          variant: input.variant ?? '',
          ciLow: input.ciLow ?? null,
          ciHigh: input.ciHigh ?? null,
          measuredOn: input.measuredOn ?? null,
          selfReported: input.selfReported ?? null,
          source: input.source,
        }),
      );
      return ctx.db.selectFrom('scores').selectAll().where('id', '=', scoreId).executeTakeFirstOrThrow();
    },
  }),
}));
