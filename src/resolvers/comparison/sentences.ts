/**
 * Every sentence a comparison says, in one place so wording can change
 * without touching the math. Templates take values already formatted
 * (names, "$0.05/1M tokens", "24.3") and never compute.
 */

export const sentences = {
  // Summary paragraph
  intro: (models: string, creators: string) => `${models} are models from ${creators}.`,
  contextTie: (count: number, window: string) =>
    `${count === 2 ? 'Both' : `All ${count}`} support a ${window}-token context window.`,
  contextLeader: (leader: string, window: string, others: string) =>
    `${leader} has the largest context window at ${window} tokens, against ${others}.`,
  benchmarkLead: (benchmark: string, leader: string, gap: string) => `On ${benchmark}, ${leader} leads by ${gap} points.`,
  inputPriceLead: (model: string, price: string, other: string, otherPrice: string) =>
    `On pricing, ${model} costs ${price} input tokens versus ${otherPrice} for ${other}.`,
  inputPriceTie: (price: string) => `On pricing, the cheapest input price is the same: ${price}.`,
  coverage: () => 'This comparison covers specs, pricing, capabilities, benchmarks, provider availability, and production fit.',

  // Benchmarks
  benchmarkLeader: (benchmark: string, leader: string, best: string, others: string, gap: string, where: string) =>
    `${benchmark}: ${leader} leads with ${best} against ${others}, a ${gap}-point gap, ${where}.`,
  benchmarkTie: (benchmark: string, value: string, where: string) => `${benchmark}: the top scores tie at ${value}, ${where}.`,
  benchmarkIntervalTie: (benchmark: string, tied: string, others: string | null, where: string) =>
    `${benchmark}: ${tied} are tied within their 95% intervals${others ? `, against ${others}` : ''}, ${where}.`,
  scoreWithInterval: (model: string, value: string, low: string, high: string) => `${model} (${value}, 95% interval ${low}–${high})`,
  benchmarkNotCompared: (benchmark: string, scores: string) =>
    `${benchmark}: not compared, since no single edition scores every model (${scores}).`,
  /** Where a compared score comes from: an edition ("on LMArena text, style control, 2025-12-11"). */
  onEdition: (edition: string, independent: boolean) => `on ${edition}${independent ? '' : ' (self-reported)'}`,
  /** …or, for scores recorded without an edition, their source. */
  perSource: (source: string, independent: boolean) => `as reported by ${source}${independent ? '' : ' (not independently verified)'}`,

  // Costs
  noPricedRoute: (model: string) => `${model} has no priced route that can be bought today, so its cost is unknown.`,
  routeDeprecated: (provider: string) => `${provider} lists this route as deprecated: shown, never chosen as cheapest.`,
  providerDeprecated: (provider: string) => `${provider} is deprecated: shown, never chosen as cheapest.`,
  routeFreeTier: (provider: string) => `${provider} offers this as a rate-limited free tier: shown, never chosen as cheapest.`,
  routeNotPurchasable: (provider: string) => `${provider}'s route cannot be bought today: shown, never chosen as cheapest.`,
  routePriceUnknown: (provider: string, usage: string, missing: string) =>
    `${provider}'s price for this ${usage} is not known (${missing}): counted as a route, never as the cheapest.`,
  /** `routes`: "OpenRouter: no batch tier on this route; Groq: no output price". */
  noRouteForUsage: (model: string, usage: string, routes: string) =>
    `${model} has no route that can be bought today with every price this ${usage} needs (${routes}), so its cost is unknown.`,

  // Switching from one model to another
  overlap: (providers: string) => `Provider overlap exists on ${providers}; start route-level A/B tests there.`,
  noOverlap: () => 'No provider sells both; an A/B test needs a second provider integration.',
  priceLower: (target: string, delta: string, side: string) =>
    `${target} is ${delta} lower on cheapest tracked ${side} pricing before cache, batch, or negotiated discounts.`,
  priceHigher: (target: string, delta: string, side: string) =>
    `${target} is ${delta} higher on cheapest tracked ${side} pricing, so quality gains need to justify the spend.`,
  priceSame: (side: string) => `Cheapest tracked ${side} pricing is the same.`,
  capabilitiesLost: (capabilities: string) => `Switching loses ${capabilities}.`,
  capabilitiesGained: (capabilities: string) => `Switching gains ${capabilities}.`,
  contextGrows: (from: string, to: string) => `Context grows from ${from} to ${to} tokens.`,
  contextShrinks: (from: string, to: string) => `Context shrinks from ${from} to ${to} tokens; check your longest prompts.`,

  // Tradeoffs: "Choose X when…"
  leadsBenchmark: (model: string, benchmark: string, gap: string) => `${model} leads ${benchmark} by ${gap} points.`,
  lowestPrice: (model: string, side: string, price: string, two: boolean) =>
    `${model} has the ${two ? 'lower' : 'lowest'} cheapest tracked ${side} price at ${price}.`,
  lowestMonthly: (model: string, cost: string, traffic: string) => `${model} costs the least at ${traffic}: ${cost}.`,
  broaderCoverage: (model: string, providers: string, others: string) =>
    `${model} has broader provider coverage (${providers} to buy from today, against ${others}) for fallback and procurement flexibility.`,
  largestContext: (model: string, window: string) => `${model} has the largest context window, ${window} tokens.`,
  onlyCapability: (model: string, capabilities: string) => `${model} supports ${capabilities}, which not every alternative does.`,
  decisionTags: (model: string, tags: string) => `Catalog decision data tags ${model} for ${tags}.`,
  noAdvantage: (model: string) => `No tracked signal favours ${model} over the alternatives.`,

  // Verdict
  recommended: (model: string, total: string, others: string, weights: string) =>
    `${model} scores ${total} against ${others} with weights ${weights}.`,
  leadsShared: (model: string, led: number, shared: number, scope: string, benchmark: string, gap: string) =>
    `${model} leads ${led} of ${shared} shared benchmarks${scope}; the widest gap is ${gap} points on ${benchmark}.`,
  /** `scope`: '' for general use, " weighed for coding" otherwise. */
  qualityScope: (useCase: string, general: boolean) => (general ? '' : ` weighed for ${useCase}`),
  qualityLevel: (scope: string) => `The shared benchmarks${scope} do not separate the models: each is a tie.`,
  qualityBasis: (useCase: string, benchmarks: string) => `Quality for ${useCase} rests on ${benchmarks}.`,
  qualityBasisItem: (benchmarks: string, where: string, weight: number) =>
    `${benchmarks} ${where}${weight === 1 ? '' : ` (weight ${weight})`}`,
  qualityNotCompared: (useCase: string, signals: string) =>
    `Quality was not compared: no benchmark weighed for ${useCase} scores every compared model in one edition. ${
      signals ? `The verdict rests on ${signals} only` : 'Nothing else can be weighed'
    }, and no model is called dominated.`,
  notCompared: (benchmarks: string) => `Not compared, as no single edition scores every model: ${benchmarks}.`,
  costsLess: (model: string, cost: string, traffic: string, other: string, otherCost: string, saving: string) =>
    `At ${traffic}, ${model} costs ${cost} against ${otherCost} for ${other}, ${saving}.`,
  moreProviders: (model: string, providers: string, other: string, otherProviders: string) =>
    `${model} can be bought from ${providers} against ${otherProviders} for ${other}.`,
  sameProviders: (providers: string) => `Every compared model can be bought from ${providers}: availability does not separate them.`,
  sameContext: (window: string) => `Every compared model supports ${window} tokens: context does not separate them.`,
  largerContext: (model: string, window: string, other: string, otherWindow: string) =>
    `${model} supports ${window} tokens against ${otherWindow} for ${other}.`,
  dimensionUnknown: (dimension: string) => `${dimension} was left out of the verdict: it is not known for every model.`,
  dominated: (models: string, verb: string) =>
    `${models} ${verb} no better on any signal and worse on at least one, so never the pick.`,
  verdictTie: (models: string) => `${models} tie on these numbers with these weights; decide on the signal that matters most to you.`,
  nothingToWeigh: () => 'No signal is known for every model with a weight above zero, so there is no verdict.',
  headlineDominant: (model: string) => `${model} is the better choice: it is ahead or level on every signal compared.`,
  headlineTradeoff: (model: string, other: string, reason: string) =>
    `${model} is the better choice overall; choose ${other} when this matters most: ${reason}`,
  headlineQualityUnknown: () => 'Quality was not compared.',

  // FAQ
  faqContextQuestion: (models: string) => `Which has a larger context window, ${models}?`,
  faqContextTie: (count: number, window: string) =>
    `${count === 2 ? 'Both' : `All ${count}`} support ${window} tokens, so context does not separate them.`,
  faqContextLeader: (leader: string, window: string, others: string) =>
    `${leader} supports ${window} tokens, against ${others}. That gap matters most for long documents, large codebases, retrieval-heavy agents, and long conversations.`,
  faqContextUnknown: (models: string) => `The context window of ${models} is not known, so no comparison is made.`,
  faqCostQuestion: (models: string) => `Which is cheaper, ${models}?`,
  faqCostAnswer: (model: string, traffic: string, cost: string, route: string, others: string, saving: string) =>
    `${model} is cheaper on tracked token pricing. At ${traffic} it costs ${cost} on ${route}, against ${others}: ${saving}.`,
  faqCostTie: (cost: string) => `They cost the same at this traffic: ${cost} a month.`,
  faqPrices: (model: string, input: string, output: string) =>
    `${model} costs ${input} input and ${output} output tokens.`,
  faqCostCaveat: () => 'Batch, cache, and negotiated pricing are excluded, and can still change the final bill.',
  faqCostCaveatWorkload: () => 'Cache and service-tier prices are included as the workload says; negotiated pricing is excluded and can still change the final bill.',
  faqLicenseQuestion: (models: string) => `Is ${models} open source?`,
  faqLicense: (model: string, license: string) => `${model} is listed under ${license}.`,
  faqLicenseUnknown: (model: string) => `${model}'s licence is not known.`,
  faqLicenseCaveat: () =>
    'License labels affect whether you can self-host, redistribute weights, or rely only on hosted APIs, so confirm the upstream license before deployment.',
  faqCapabilityQuestion: (capability: string, models: string) => `Which is better for ${capability}, ${models}?`,
  faqCapabilityShared: (count: number, models: string, capability: string) =>
    `${count === 2 ? `Both ${models}` : `${models} all`} expose ${capability}. The better choice depends on benchmark fit, context budget, pricing, and whether your provider route exposes the same capability.`,
  faqCapabilitySupport: (model: string, supported: boolean | null, capability: string) =>
    supported === null
      ? `Whether ${model} supports ${capability} is not known.`
      : `${model} ${supported ? 'supports' : 'does not support'} ${capability}.`,
  faqWhereQuestion: (models: string) => `Where can I run ${models}?`,
  faqWhere: (model: string, providers: string) => `${model} is available on ${providers}.`,
  faqWhereNone: (model: string) => `${model} has no tracked route.`,
  faqWhereCaveat: () => 'Provider coverage can affect latency, region availability, compliance posture, and fallback options.',
  faqPickQuestion: (model: string, other: string) => `When should I pick ${model} over ${other}?`,
  faqPickAmongQuestion: (models: string) => `Which should I pick among ${models}?`,
} as const;
