import type { ColumnType, Generated, RawBuilder, Selectable } from 'kysely';
import type { CapabilityColumns } from '../domain/capabilities.js';
import type { PriceUnit, ServiceTier, TierScope } from '../domain/pricing.js';
import type { ModelStatus, OfferingStatus, ProviderStatus } from '../domain/status.js';

/**
 * Table types, as Kysely sees them. They describe columns only; code that
 * reads rows uses `Selectable<...>` (the row types below), never these.
 *
 * Parsed representations (see src/db/type-parsers.ts, identical on pg and PGlite):
 * numeric → string (exact), date → 'YYYY-MM-DD', int8 → number, timestamptz → Date.
 */

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
/** numeric: read as an exact decimal string; written from a string. */
type Numeric = ColumnType<string, string, string>;
/** date: read as 'YYYY-MM-DD'. */
type DateString = ColumnType<string, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** Optimistic concurrency: 1 when inserted, raised by every update (`version + 1`). */
type RowVersion = ColumnType<number, never, RawBuilder<number>>;

interface SourcesTable {
  id: Generated<number>;
  name: string;
  url: string | null;
  retrieved_at: DateString | null;
  created_at: CreatedAt;
}

interface CreatorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  website: string | null;
  source_id: number | null;
  created_at: CreatedAt;
}

export type CutoffPrecision = 'year' | 'month' | 'day';

/** The capability columns (vision … code_execution) are those of src/domain/capabilities.ts. */
interface ModelsTable extends CapabilityColumns {
  id: Generated<number>;
  slug: string;
  name: string;
  family: string | null;
  creator_id: number;
  release_date: DateString | null;
  context_window: number | null;
  max_output_tokens: number | null;
  total_parameters: ColumnType<number, number, number> | null;
  active_parameters: ColumnType<number, number, number> | null;
  architecture: string | null;
  license: string | null;
  open_weights: boolean | null;
  knowledge_cutoff: DateString | null;
  knowledge_cutoff_precision: CutoffPrecision | null;
  input_modalities: TextArray;
  output_modalities: TextArray;
  decision_fit: TextArray;
  status: ColumnType<ModelStatus, ModelStatus | undefined, ModelStatus>;
  deprecation_date: DateString | null;
  successor_id: number | null;
  last_reviewed: DateString | null;
  source_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: RowVersion;
}

interface ModelAliasesTable {
  id: Generated<number>;
  model_id: number;
  alias: string;
  source_id: number | null;
}

interface ProvidersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  website: string | null;
  status: ColumnType<ProviderStatus, ProviderStatus | undefined, ProviderStatus>;
  source_id: number | null;
  created_at: CreatedAt;
  version: RowVersion;
}

interface OfferingsTable {
  id: Generated<number>;
  model_id: number;
  provider_id: number;
  provider_model_id: string | null;
  quantization: string | null;
  context_window: number | null;
  max_output_tokens: number | null;
  status: ColumnType<OfferingStatus, OfferingStatus | undefined, OfferingStatus>;
  source_id: number | null;
  variants: TextArray;
  listed_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: RowVersion;
}

interface PricesTable {
  id: Generated<number>;
  offering_id: number;
  effective_from: ColumnType<Date, Date | string, never>;
  currency: ColumnType<string, string | undefined, never>;
  input_per_mtok: Numeric | null;
  output_per_mtok: Numeric | null;
  cache_read_per_mtok: Numeric | null;
  cache_write_per_mtok: Numeric | null;
  source_id: number | null;
  created_at: CreatedAt;
}

/** A price component beyond the base price of its price row (src/domain/pricing.ts). */
interface PriceComponentsTable {
  id: Generated<number>;
  price_id: number;
  unit: PriceUnit;
  price: Numeric;
  /** int8: read as a number (see type-parsers.ts), written as a number or decimal text. */
  tier_threshold: ColumnType<number, number | string, number | string> | null;
  tier_inclusive: ColumnType<boolean, boolean | undefined, boolean>;
  tier_scope: ColumnType<TierScope, TierScope | undefined, TierScope>;
  window_start: number | null;
  window_end: number | null;
  service_tier: ColumnType<ServiceTier, ServiceTier | undefined, ServiceTier>;
}

interface BenchmarksTable {
  id: Generated<number>;
  slug: string;
  name: string;
  category: string | null;
  description: string | null;
  url: string | null;
  /** Null for an open scale (an Arena rating has no bound). */
  scale_min: Numeric | null;
  scale_max: Numeric | null;
  higher_is_better: ColumnType<boolean, boolean | undefined, boolean>;
  source_id: number | null;
  created_at: CreatedAt;
}

interface ScoresTable {
  id: Generated<number>;
  model_id: number;
  benchmark_id: number;
  value: Numeric;
  setting: ColumnType<string, string | undefined, string>;
  source_id: number;
  measured_on: DateString | null;
  self_reported: boolean | null;
  /** Null for scores recorded before editions: grouped by source instead. */
  edition_id: number | null;
  /** Reasoning effort or thinking budget of the run; '' when none. */
  variant: ColumnType<string, string | undefined, string>;
  ci_low: Numeric | null;
  ci_high: Numeric | null;
  source_model_key: string | null;
  created_at: CreatedAt;
}

interface EditionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  leaderboard: string;
  version: string | null;
  published_on: DateString | null;
  independent: boolean;
  licence: string | null;
  url: string | null;
  source_id: number | null;
  created_at: CreatedAt;
}

interface CatalogImportsTable {
  id: Generated<number>;
  importer: string;
  started_at: Date;
  finished_at: Date;
  report: ColumnType<unknown, string, never>;
}

/** One row: the counter every committed write to the catalog bumps (src/catalog/version.ts). */
interface CatalogVersionTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  version: ColumnType<number, number | undefined, number>;
  changed_at: ColumnType<Date, Date | undefined, Date>;
}

/** An API token (src/auth/tokens.ts): only its hash is stored. */
interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  scopes: ColumnType<string[], string[], never>;
  created_at: CreatedAt;
  revoked_at: ColumnType<Date | null, never, RawBuilder<Date>>;
}

/** The audit trail (src/catalog/curation/audit.ts): one entry per write or import. */
interface CatalogChangesTable {
  /** int8: read as a number (see type-parsers.ts). */
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

export interface Database {
  sources: SourcesTable;
  creators: CreatorsTable;
  models: ModelsTable;
  model_aliases: ModelAliasesTable;
  providers: ProvidersTable;
  offerings: OfferingsTable;
  prices: PricesTable;
  price_components: PriceComponentsTable;
  benchmarks: BenchmarksTable;
  scores: ScoresTable;
  editions: EditionsTable;
  catalog_imports: CatalogImportsTable;
  catalog_version: CatalogVersionTable;
  api_tokens: ApiTokensTable;
  catalog_changes: CatalogChangesTable;
}

export type SourceRow = Selectable<SourcesTable>;
export type CreatorRow = Selectable<CreatorsTable>;
export type ModelRow = Selectable<ModelsTable>;
export type ProviderRow = Selectable<ProvidersTable>;
export type OfferingRow = Selectable<OfferingsTable>;
export type PriceRow = Selectable<PricesTable>;
export type PriceComponentRow = Selectable<PriceComponentsTable>;
export type BenchmarkRow = Selectable<BenchmarksTable>;
export type ScoreRow = Selectable<ScoresTable>;
export type EditionRow = Selectable<EditionsTable>;
