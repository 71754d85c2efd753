/**
 * The capabilities the catalog records for a model, defined once, in the
 * order every list shows them: the dataset's validation, the `models`
 * columns, the GraphQL `Capability` enum and `ModelCapabilities` fields, the
 * comparison's capability table and its prose all derive from this list.
 * Pure: imports nothing, so the database, the schema, the importers and the
 * comparison math can all use it.
 */

export interface CapabilityDefinition {
  /** The name in code, datasets and GraphQL fields ("structuredOutputs"). */
  key: string;
  /** The `models` column ("structured_outputs"). */
  column: string;
  /** The GraphQL `Capability` enum value ("STRUCTURED_OUTPUTS"). */
  enumValue: string;
  /** As people write it in a sentence ("structured outputs"). */
  label: string;
  /** One sentence for the schema. */
  description: string;
}

export const CAPABILITIES = [
  { key: 'vision', column: 'vision', enumValue: 'VISION', label: 'vision', description: 'Understands images.' },
  {
    key: 'multimodal',
    column: 'multimodal',
    enumValue: 'MULTIMODAL',
    label: 'multimodal input',
    description: 'Takes or produces more than one modality.',
  },
  {
    key: 'reasoning',
    column: 'reasoning',
    enumValue: 'REASONING',
    label: 'reasoning',
    description: 'Has an explicit reasoning (thinking) mode.',
  },
  {
    key: 'functionCalling',
    column: 'function_calling',
    enumValue: 'FUNCTION_CALLING',
    label: 'function calling',
    description: 'Emits calls to declared functions.',
  },
  { key: 'toolUse', column: 'tool_use', enumValue: 'TOOL_USE', label: 'tool use', description: 'Uses tools in an agent loop.' },
  {
    key: 'structuredOutputs',
    column: 'structured_outputs',
    enumValue: 'STRUCTURED_OUTPUTS',
    label: 'structured outputs',
    description: 'Follows a JSON schema for its output.',
  },
  {
    key: 'codeExecution',
    column: 'code_execution',
    enumValue: 'CODE_EXECUTION',
    label: 'code execution',
    description: 'Runs code it writes.',
  },
] as const satisfies readonly CapabilityDefinition[];

export type Capability = (typeof CAPABILITIES)[number];
/** "vision" | "multimodal" | … | "codeExecution". */
export type CapabilityKey = Capability['key'];
/** "vision" | … | "structured_outputs" | "code_execution". */
export type CapabilityColumn = Capability['column'];

/** The keys, in order. */
export const CAPABILITY_KEYS = CAPABILITIES.map((c) => c.key) as readonly CapabilityKey[];

/** Each capability by its key. */
export const CAPABILITY_BY_KEY = Object.fromEntries(CAPABILITIES.map((c) => [c.key, c])) as {
  readonly [C in Capability as C['key']]: C;
};

/** What is known of each capability: true, false, or null when unknown (never false by default). */
export type CapabilityValues = Record<CapabilityKey, boolean | null>;
/** The same, as the `models` row holds it. */
export type CapabilityColumns = Record<CapabilityColumn, boolean | null>;

/** Every capability, unknown where `known` does not say. */
export function capabilityValues(known: Partial<CapabilityValues> = {}): CapabilityValues {
  return Object.fromEntries(CAPABILITIES.map((c) => [c.key, known[c.key] ?? null])) as CapabilityValues;
}

/** A `models` row's capability columns as values by key. */
export function capabilitiesFromColumns(row: CapabilityColumns): CapabilityValues {
  return Object.fromEntries(CAPABILITIES.map((c) => [c.key, row[c.column]])) as CapabilityValues;
}

/** Values by key as the `models` columns that store them. */
export function capabilityColumns(values: CapabilityValues): CapabilityColumns {
  return Object.fromEntries(CAPABILITIES.map((c) => [c.column, values[c.key]])) as CapabilityColumns;
}
