/**
 * The audit's loader: reads the catalog into the plain rows the checks take
 * (src/catalog/audit/checks.ts), and the acknowledgements people wrote.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/client.js';
import { priceInForce } from '../../db/queries/prices.js';
import { parseCsv } from '../csv.js';
import { ORG_CREATORS } from '../identity.js';
import {
  type Acknowledgement,
  type AuditImport,
  type AuditInput,
  type AuditUnresolved,
  CHECKS,
  type CheckName,
  FAMILY_LABS,
  KNOWN_HOSTS,
} from './checks.js';

export const ACKNOWLEDGEMENTS_FILE = new URL('../../../data/curated/audit-acknowledged.csv', import.meta.url);
const PROVIDERS_FILE = new URL('../../../data/catalog/providers.csv', import.meta.url);

export interface AuditCatalog extends AuditInput {
  /** The instant prices are read at. */
  asOf: Date;
}

export async function loadAuditInput(db: Db, options: { asOf?: Date } = {}): Promise<AuditCatalog> {
  const asOf = options.asOf ?? new Date();
  const [models, routes, imports, { labs, hosts }] = await Promise.all([
    loadModels(db),
    loadRoutes(db, asOf),
    loadLastImports(db),
    loadLabsAndHosts(),
  ]);
  return { asOf, models, routes, imports, labs, hosts };
}

async function loadModels(db: Db) {
  const rows = await db
    .selectFrom('models')
    .leftJoin('creators', 'creators.id', 'models.creator_id')
    .select(['models.slug', 'models.name', 'models.family', 'creators.slug as creator'])
    .orderBy('models.slug')
    .execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, family: r.family, creator: r.creator }));
}

/**
 * Every route with its price in force at `asOf` (src/db/queries/prices.ts:
 * the latest price effective on or before it), null when there is none.
 */
async function loadRoutes(db: Db, asOf: Date) {
  const rows = await db
    .selectFrom('offerings')
    .innerJoin('models', 'models.id', 'offerings.model_id')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .leftJoinLateral((eb) => priceInForce(eb, asOf), (join) => join.onTrue())
    .select([
      'models.slug as model',
      'providers.slug as provider',
      'offerings.provider_model_id',
      'offerings.status',
      'providers.status as provider_status',
      'offerings.variants',
      'price.input_per_mtok',
      'price.output_per_mtok',
    ])
    .orderBy('models.slug')
    .orderBy('providers.slug')
    .orderBy('offerings.provider_model_id')
    .orderBy('offerings.id')
    .execute();
  return rows.map((r) => ({
    model: r.model,
    provider: r.provider,
    providerModelId: r.provider_model_id,
    status: r.status,
    providerStatus: r.provider_status,
    variants: r.variants ?? [],
    inputPerMTok: r.input_per_mtok ?? null,
    outputPerMTok: r.output_per_mtok ?? null,
  }));
}

/** The last import of each importer, with the unresolved ids its stored report lists. */
async function loadLastImports(db: Db): Promise<AuditImport[]> {
  const rows = await db
    .selectFrom('catalog_imports')
    .select(['importer', 'finished_at', 'report'])
    .distinctOn('importer')
    .orderBy('importer')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ importer: r.importer, finishedAt: r.finished_at, unresolved: unresolvedOf(r.report) }));
}

function unresolvedOf(report: unknown): AuditUnresolved[] {
  const parsed: unknown = typeof report === 'string' ? JSON.parse(report) : report;
  const list = parsed && typeof parsed === 'object' ? (parsed as { unresolved?: unknown }).unresolved : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((u): AuditUnresolved[] => {
    if (!u || typeof u !== 'object') return [];
    const { provider, providerModelId, reason } = u as Record<string, unknown>;
    if (typeof provider !== 'string' || typeof providerModelId !== 'string') return [];
    return [{ provider, providerModelId, reason: typeof reason === 'string' ? reason : 'unresolved' }];
  });
}

/**
 * Labs: creators named by a provider's first-party column, organisation ids and
 * model families. Hosts: providers data/catalog/providers.csv lists with no
 * first-party creator (by every id it has), and KNOWN_HOSTS.
 */
export async function loadLabsAndHosts(file: URL | string = PROVIDERS_FILE): Promise<{ labs: string[]; hosts: string[] }> {
  const rows = parseCsv(await readFile(file, 'utf8'), 'data/catalog/providers.csv');
  const labs = new Set([...Object.values(ORG_CREATORS), ...Object.values(FAMILY_LABS)]);
  const hosts = new Set(KNOWN_HOSTS);
  for (const row of rows) {
    if (row.first_party_creator) labs.add(row.first_party_creator);
    else for (const id of [row.slug, row.genai_prices_id, row.models_dev_id]) if (id) hosts.add(id);
  }
  return { labs: [...labs].sort(), hosts: [...hosts].sort() };
}

export class AcknowledgementError extends Error {
  override name = 'AcknowledgementError';
}

/** Reads data/curated/audit-acknowledged.csv (check, subject, reason, source); a bad row is an error naming it. */
export async function loadAcknowledgements(file: URL | string = ACKNOWLEDGEMENTS_FILE): Promise<Acknowledgement[]> {
  const name = typeof file === 'string' ? file : 'data/curated/audit-acknowledged.csv';
  const rows = parseCsv(await readFile(file, 'utf8'), name);
  return rows.map((row, i) => {
    const where = `${name} row ${i + 1}`;
    for (const column of ['check', 'subject', 'reason'] as const) {
      if (!row[column]) throw new AcknowledgementError(`${where}: "${column}" is empty`);
    }
    if (!(CHECKS as readonly string[]).includes(row.check!)) {
      throw new AcknowledgementError(`${where}: unknown check "${row.check}" (one of ${CHECKS.join(', ')})`);
    }
    return { check: row.check as CheckName, subject: row.subject!, reason: row.reason!, source: row.source ?? '' };
  });
}
