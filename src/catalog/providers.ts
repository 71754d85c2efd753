import { readFile } from 'node:fs/promises';
import { parseCsv } from './csv.js';
import type { ProviderRecord } from './records.js';

/**
 * Provider identity across sources: genai-prices says "together", models.dev
 * "togetherai", and both mean Together AI. data/catalog/providers.csv names
 * each provider once, with its id in every source; a provider only one
 * source knows keeps a slug derived from that source's id.
 */
export class ProviderRegistry {
  private constructor(private readonly rows: Record<string, string>[]) {}

  static async load(file = new URL('../../data/catalog/providers.csv', import.meta.url)): Promise<ProviderRegistry> {
    return new ProviderRegistry(parseCsv(await readFile(file, 'utf8'), 'data/catalog/providers.csv'));
  }

  /** The genai-prices provider ids to import. */
  genaiPricesIds(): string[] {
    return this.rows.map((r) => r.genai_prices_id!).filter(Boolean);
  }

  forGenaiPrices(id: string): ProviderRecord {
    return this.record(this.rows.find((r) => r.genai_prices_id === id), id, null, null);
  }

  forModelsDev(id: string, name: string | null, website: string | null): ProviderRecord {
    return this.record(this.rows.find((r) => r.models_dev_id === id), id, name, website);
  }

  private record(row: Record<string, string> | undefined, id: string, name: string | null, website: string | null): ProviderRecord {
    if (row) {
      return { slug: row.slug!, name: row.name!, website: row.website || website, firstPartyCreator: row.first_party_creator || null };
    }
    return { slug: toSlug(id), name: name ?? id, website, firstPartyCreator: null };
  }
}

/** Lower case, with anything but letters, digits, dots and hyphens as a hyphen. */
export function toSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}
