import { CAPABILITIES, type Capability } from '../domain/capabilities.js';

/**
 * GraphQL enum values derived from the lists in src/domain/, in their order,
 * so an enum can never drift from the database types and the dataset's
 * validation.
 */

/** The `Capability` enum: STRUCTURED_OUTPUTS → "structuredOutputs", described once in the domain. */
export const capabilityEnumValues = Object.fromEntries(
  CAPABILITIES.map((c) => [c.enumValue, { value: c.key, description: c.description }]),
) as { [C in Capability as C['enumValue']]: { value: C['key']; description: C['description'] } };

/** A status enum: ACTIVE → "active", with a description for every status of the list (the compiler checks). */
export function statusEnumValues<const S extends string>(statuses: readonly S[], descriptions: Record<S, string>) {
  return Object.fromEntries(statuses.map((s) => [s.toUpperCase(), { value: s, description: descriptions[s] }])) as {
    [K in S as Uppercase<K>]: { value: K; description: string };
  };
}

type EnumName<K extends string> = Uppercase<K extends `${infer A}-${infer B}` ? `${A}_${EnumName<B>}` : K>;

/** An enum over a list of slugs: "tool-use" → TOOL_USE, with a description for every value (the compiler checks). */
export function slugEnumValues<const S extends string>(slugs: readonly S[], descriptions: Record<S, string>) {
  return Object.fromEntries(slugs.map((s) => [s.toUpperCase().replaceAll('-', '_'), { value: s, description: descriptions[s] }])) as {
    [K in S as EnumName<K>]: { value: K; description: string };
  };
}
