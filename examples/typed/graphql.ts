/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a benchmark measures. */
export type BenchmarkCategory =
  /** Completing multi-step tasks as an agent. */
  | 'AGENTIC'
  /** Writing, editing or repairing code. */
  | 'CODING'
  /** Which answers people prefer (arena ratings). */
  | 'HUMAN_PREFERENCE'
  /** Following explicit instructions and formats. */
  | 'INSTRUCTION_FOLLOWING'
  /** Knowledge across subjects. */
  | 'KNOWLEDGE'
  /** Using long inputs. */
  | 'LONG_CONTEXT'
  /** Mathematical problem solving. */
  | 'MATH'
  /** Working in languages other than English. */
  | 'MULTILINGUAL'
  /** Multi-step reasoning and hard questions. */
  | 'REASONING'
  /** Calling functions and tools correctly. */
  | 'TOOL_USE';

/** The input/output mix of the blended price. */
export type BlendInput = {
  /** Share of input tokens, from 0 to 1 (0.7 means 70% input, 30% output); at most 40 characters. */
  inputShare: string;
};

/** A capability a model can have. */
export type Capability =
  /** Runs code it writes. */
  | 'CODE_EXECUTION'
  /** Emits calls to declared functions. */
  | 'FUNCTION_CALLING'
  /** Takes or produces more than one modality. */
  | 'MULTIMODAL'
  /** Has an explicit reasoning (thinking) mode. */
  | 'REASONING'
  /** Follows a JSON schema for its output. */
  | 'STRUCTURED_OUTPUTS'
  /** Uses tools in an agent loop. */
  | 'TOOL_USE'
  /** Understands images. */
  | 'VISION';

/** Whether a route can be used. */
export type OfferingStatus =
  /** Serving. */
  | 'ACTIVE'
  /** Still listed, scheduled for removal; never chosen as cheapest. */
  | 'DEPRECATED'
  /** Gone from the provider; kept for history. */
  | 'RETIRED';

/** What a price component (or a cost line) prices: per 1M tokens of a kind, or per request. */
export type PriceComponentUnit =
  /** Input tokens read from the prompt cache, per 1M. */
  | 'CACHED_INPUT'
  /** Input tokens written to the 1-hour prompt cache, per 1M. */
  | 'CACHE_WRITE_1H'
  /** Input tokens written to the 5-minute prompt cache, per 1M. */
  | 'CACHE_WRITE_5M'
  /** Input tokens not read from or written to the cache, per 1M. */
  | 'INPUT'
  /** Audio input tokens, per 1M. */
  | 'INPUT_AUDIO'
  /** Image input tokens, per 1M. */
  | 'INPUT_IMAGE'
  /** Output tokens, reasoning included, per 1M. */
  | 'OUTPUT'
  /** Audio output tokens, per 1M. */
  | 'OUTPUT_AUDIO'
  /** Reasoning tokens, where priced apart from output, per 1M. */
  | 'REASONING'
  /** A fee per request. */
  | 'REQUEST';

/** Whether a provider still serves traffic. */
export type ProviderStatus =
  /** Serving. */
  | 'ACTIVE'
  /** Shut down or shutting down: shown, never recommended. */
  | 'DEPRECATED';

/** Why a model is suggested as the next comparison. */
export type RelatedReason =
  /** Nearest scores on the same benchmarks. */
  | 'BENCHMARKS'
  /** Nearest blended price. */
  | 'PRICE';

/** How a provider serves a request: batch and flex are cheaper and slower, priority and fast dearer. */
export type ServiceTier =
  /** Submitted in a batch, answered within hours. */
  | 'BATCH'
  /** A faster variant of the route. */
  | 'FAST'
  /** Served when capacity allows, slower. */
  | 'FLEX'
  /** Served ahead of standard requests. */
  | 'PRIORITY'
  /** The ordinary tier: the base price. */
  | 'STANDARD';

/** Monthly token traffic. Whole numbers; they may exceed 2^31, so pass large values as strings if your client needs to. */
export type TrafficInput = {
  /** Input (prompt) tokens a month, e.g. 848000000. */
  inputTokensPerMonth: string;
  /** Output (completion) tokens a month, e.g. 230800000. */
  outputTokensPerMonth: string;
};

/** What the compared models are for: which benchmark categories the verdict’s quality signal weighs (the weights are in src/domain/use-cases.ts). */
export type UseCase =
  /** Agentic benchmarks; tool use at half weight, coding at a quarter. */
  | 'AGENTIC'
  /** Human-preference ratings (arenas); instruction following at half weight, knowledge and multilingual at a quarter. */
  | 'CHAT'
  /** Coding benchmarks; agentic coding at half weight, tool use and reasoning at a quarter. */
  | 'CODING'
  /** Every shared benchmark weighs the same, uncategorised ones included. */
  | 'GENERAL'
  /** Instruction-following benchmarks; human preference at a quarter. */
  | 'INSTRUCTION_FOLLOWING'
  /** Long-context benchmarks only. */
  | 'LONG_CONTEXT'
  /** Math benchmarks; reasoning at half weight. */
  | 'MATH'
  /** Reasoning benchmarks; math at half weight, knowledge at a quarter. */
  | 'REASONING'
  /** Tool-use (function-calling) benchmarks; agentic at half weight, instruction following at a quarter. */
  | 'TOOL_USE';

/** How much each signal counts in the verdict; relative, each from 0 to 100. Omitted weights keep their defaults (quality 0.4, cost 0.3, availability 0.2, context 0.1). */
export type VerdictWeightsInput = {
  /** Providers the model can be bought from today. */
  availability?: number | null | undefined;
  /** Context window. */
  context?: number | null | undefined;
  /** Monthly cost at the traffic. */
  cost?: number | null | undefined;
  /** Comparable shared benchmark results, weighted by the use case. */
  quality?: number | null | undefined;
};

/** A month of requests of one shape, priced with everything a route lists: cached reads, cache writes, context tiers, time-of-day windows, service tiers and per-request fees. Whole numbers; they may exceed 2^31, so pass large values as strings if your client needs to. */
export type WorkloadInput = {
  /** Of inputTokens, those written to the cache (5-minute); default 0. */
  cacheWriteTokens?: string | null | undefined;
  /** Of inputTokens, those read from the cache; default 0. */
  cachedInputTokens?: string | null | undefined;
  /** Every request is sent at this UTC hour (0–23); default: spread evenly over the day. */
  hourUtc?: number | null | undefined;
  /** Input tokens per request, cached ones included. */
  inputTokens: string;
  /** Output tokens per request, reasoning included. */
  outputTokens: string;
  /** Requests a month. */
  requestsPerMonth: string;
  /** The service tier to price; default STANDARD. */
  serviceTier?: ServiceTier | null | undefined;
};

export type ComparisonPageQueryVariables = Exact<{
  models: Array<string> | string;
  traffic?: TrafficInput | null | undefined;
  workload?: WorkloadInput | null | undefined;
  blend?: BlendInput | null | undefined;
  asOf?: string | null | undefined;
  weights?: VerdictWeightsInput | null | undefined;
  useCase?: UseCase | null | undefined;
}>;


export type ComparisonPageQuery = { comparison: { summary: string, useCase: UseCase, inputShare: string, monthlyCostGap: string | null, sharedCapabilities: Array<Capability>, lastReviewed: string | null, asOf: string, models: Array<{ slug: string, name: string, releaseDate: string | null, contextWindow: number | null, totalParameters: number | null, architecture: string | null, license: string | null, openWeights: boolean | null, knowledgeCutoff: string | null, decisionFit: Array<string>, creator: { name: string }, offerings: Array<{ status: OfferingStatus, provider: { name: string, status: ProviderStatus }, price: { inputPerMTok: string | null, outputPerMTok: string | null } | null }> }>, verdict: { headline: string, reasons: Array<string>, unknownSignals: Array<string>, recommended: { name: string } | null, dominated: Array<{ name: string }>, weights: { quality: number, cost: number, availability: number, context: number }, scores: Array<{ total: number | null, quality: number | null, cost: number | null, availability: number | null, context: number | null, dominated: boolean, model: { name: string } }>, qualityBenchmarks: Array<{ weight: number, comparison: { benchmark: { name: string } } }> }, scorecard: Array<{ signal: string, values: Array<{ text: string, best: boolean, model: { name: string } }> }>, tradeoffs: Array<{ reasons: Array<string>, model: { name: string } }>, traffic: { inputTokensPerMonth: string, outputTokensPerMonth: string }, costs: Array<{ blendedPerMTok: string | null, monthlyCost: string | null, routeCount: number, activeRouteCount: number, providerCount: number, note: string | null, model: { name: string }, cheapestInput: { perMTok: string, offering: { provider: { name: string } } } | null, cheapestOutput: { perMTok: string, offering: { provider: { name: string } } } | null, route: { providerModelId: string | null, provider: { name: string } } | null, breakdown: Array<{ component: PriceComponentUnit, quantity: string, unitPrice: string, cost: string, condition: string | null }> }>, lowerCost: { name: string } | null, providerOverlap: Array<{ slug: string, name: string }>, switches: Array<{ inputPriceDelta: string | null, outputPriceDelta: string | null, capabilitiesLost: Array<Capability>, capabilitiesGained: Array<Capability>, contextChange: number | null, notes: Array<string>, from: { name: string }, to: { name: string }, sharedProviders: Array<{ name: string }> }>, contextWindow: { tie: boolean, gap: number | null, sentence: string, leader: { name: string } | null, values: Array<{ tokens: number | null, text: string | null, model: { name: string } }> }, capabilities: Array<{ capability: Capability, label: string, shared: boolean, values: Array<{ supported: boolean | null, model: { name: string } }> }>, benchmarks: Array<{ independent: boolean, gap: number, tiedWithinIntervals: boolean, sentence: string, benchmark: { slug: string, name: string, category: BenchmarkCategory | null }, edition: { name: string, publishedOn: string | null, independent: boolean, url: string | null } | null, scores: Array<{ value: number, variant: string | null, ciLow: number | null, ciHigh: number | null, setting: string | null, model: { name: string }, source: { name: string } }>, leader: { name: string } | null, runnerUp: { name: string } | null, source: { name: string, retrievedAt: string | null } | null }>, uncomparedBenchmarks: Array<{ sentence: string, benchmark: { name: string } }>, largestGap: { gap: number, benchmark: { name: string }, leader: { name: string } | null } | null, faq: Array<{ question: string, answer: string }>, related: Array<{ reason: RelatedReason, models: Array<string>, model: { slug: string }, candidate: { slug: string, name: string } }>, sources: Array<{ name: string, url: string | null, retrievedAt: string | null }> } };

export type CostEstimateQueryVariables = Exact<{
  model: string;
  traffic?: TrafficInput | null | undefined;
  workload?: WorkloadInput | null | undefined;
  asOf?: string | null | undefined;
}>;


export type CostEstimateQuery = { costEstimate: { model: { slug: string, name: string }, traffic: { inputTokensPerMonth: string, outputTokensPerMonth: string }, workload: { requestsPerMonth: string, inputTokens: string, cachedInputTokens: string, cacheWriteTokens: string, outputTokens: string, hourUtc: number | null, serviceTier: ServiceTier } | null, cheapest: { monthlyCost: string | null, provider: { name: string } } | null, routes: Array<{ inputPerMTok: string | null, outputPerMTok: string | null, monthlyCost: string | null, purchasable: boolean, note: string | null, provider: { name: string }, breakdown: Array<{ component: PriceComponentUnit, quantity: string, unitPrice: string, cost: string, condition: string | null }> }> } };


export const ComparisonPageDocument = {"__meta__":{"hash":"sha256:40db502e03b4f8d64006a58879d3e4c84c40a9d30221cb8291806d0ac4863980"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComparisonPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"models"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traffic"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workload"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkloadInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"blend"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BlendInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weights"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VerdictWeightsInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"useCase"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"models"},"value":{"kind":"Variable","name":{"kind":"Name","value":"models"}}},{"kind":"Argument","name":{"kind":"Name","value":"traffic"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traffic"}}},{"kind":"Argument","name":{"kind":"Name","value":"workload"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workload"}}},{"kind":"Argument","name":{"kind":"Name","value":"blend"},"value":{"kind":"Variable","name":{"kind":"Name","value":"blend"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"weights"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weights"}}},{"kind":"Argument","name":{"kind":"Name","value":"useCase"},"value":{"kind":"Variable","name":{"kind":"Name","value":"useCase"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"releaseDate"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"totalParameters"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"license"}},{"kind":"Field","name":{"kind":"Name","value":"openWeights"}},{"kind":"Field","name":{"kind":"Name","value":"knowledgeCutoff"}},{"kind":"Field","name":{"kind":"Name","value":"decisionFit"}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offerings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPerMTok"}},{"kind":"Field","name":{"kind":"Name","value":"outputPerMTok"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"useCase"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"dominated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"context"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"dominated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qualityBenchmarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unknownSignals"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"best"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tradeoffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokensPerMonth"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokensPerMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inputShare"}},{"kind":"Field","name":{"kind":"Name","value":"costs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cheapestInput"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perMTok"}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cheapestOutput"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perMTok"}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"blendedPerMTok"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCost"}},{"kind":"Field","name":{"kind":"Name","value":"route"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"routeCount"}},{"kind":"Field","name":{"kind":"Name","value":"activeRouteCount"}},{"kind":"Field","name":{"kind":"Name","value":"providerCount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostGap"}},{"kind":"Field","name":{"kind":"Name","value":"lowerCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"providerOverlap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"switches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inputPriceDelta"}},{"kind":"Field","name":{"kind":"Name","value":"outputPriceDelta"}},{"kind":"Field","name":{"kind":"Name","value":"capabilitiesLost"}},{"kind":"Field","name":{"kind":"Name","value":"capabilitiesGained"}},{"kind":"Field","name":{"kind":"Name","value":"contextChange"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tie"}},{"kind":"Field","name":{"kind":"Name","value":"leader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capability"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supported"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedCapabilities"}},{"kind":"Field","name":{"kind":"Name","value":"benchmarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"independent"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"independent"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"ciLow"}},{"kind":"Field","name":{"kind":"Name","value":"ciHigh"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"leader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runnerUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"tiedWithinIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"retrievedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uncomparedBenchmarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"largestGap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"leader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"faq"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"related"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastReviewed"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"retrievedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}}]}}]} as unknown as DocumentNode<ComparisonPageQuery, ComparisonPageQueryVariables>;
export const CostEstimateDocument = {"__meta__":{"hash":"sha256:87ce69821aa6de7318b40bdac16498f7d20be03f59c625e45164422d5d91b254"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CostEstimate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traffic"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workload"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkloadInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costEstimate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"traffic"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traffic"}}},{"kind":"Argument","name":{"kind":"Name","value":"workload"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workload"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokensPerMonth"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokensPerMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestsPerMonth"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"hourUtc"}},{"kind":"Field","name":{"kind":"Name","value":"serviceTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cheapest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"routes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inputPerMTok"}},{"kind":"Field","name":{"kind":"Name","value":"outputPerMTok"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCost"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchasable"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<CostEstimateQuery, CostEstimateQueryVariables>;