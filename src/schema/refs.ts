import type {
  BenchmarkRow,
  CreatorRow,
  EditionRow,
  ModelRow,
  OfferingRow,
  PriceRow,
  ProviderRow,
  ScoreRow,
  SourceRow,
} from '../db/database.js';
import { builder } from './builder.js';

/**
 * Type references, declared before any is implemented, so domain files can
 * point at each other without circular imports (Pothos' advice). Each is
 * implemented in the file named after it.
 */
export const CreatorRef = builder.objectRef<CreatorRow>('Creator');
export const ModelRef = builder.objectRef<ModelRow>('Model');
export const ProviderRef = builder.objectRef<ProviderRow>('Provider');
export const OfferingRef = builder.objectRef<OfferingRow>('Offering');
export const PriceRef = builder.objectRef<PriceRow>('Price');
export const BenchmarkRef = builder.objectRef<BenchmarkRow>('Benchmark');
export const ScoreRef = builder.objectRef<ScoreRow>('Score');
export const SourceRef = builder.objectRef<SourceRow>('Source');
export const EditionRef = builder.objectRef<EditionRow>('BenchmarkEdition');
