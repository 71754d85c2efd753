import { sql } from 'kysely';
import pg from 'pg';
import { CATALOG_VERSION_CHANNEL, readCatalogVersion } from '../catalog/version.js';
import type { Db } from '../db/client.js';
import type { ResponseStore } from './response-store.js';

/**
 * Keeps the response cache's catalog version in step with the database.
 *
 * THE WRITE PATH'S CALL: after a transaction that called
 * `bumpCatalogVersion(trx)` commits, call `await catalogChanged()` (the app
 * calls it from every curation write's after-commit hook: src/app.ts). It reads the committed version
 * and advances the store to it, so this instance (and, with Redis, every
 * instance: they read the version from Redis on each lookup) stops serving
 * older answers before the mutation's own response is sent: read after write.
 *
 * Writes from other processes (`npm run import`) reach running servers
 * through PostgreSQL: the bump sends NOTIFY in its transaction, delivered at
 * commit, and `listen()` advances the store on it. PGlite has one process.
 */
export class CatalogChanges {
  private listener: pg.Client | undefined;

  constructor(
    private readonly db: Db,
    private readonly store: ResponseStore,
  ) {}

  /** Reads the committed catalog version and makes the cache serve nothing older. */
  readonly catalogChanged = async (): Promise<void> => {
    await this.store.advanceVersion(await readCatalogVersion(this.db));
  };

  /**
   * PostgreSQL: listens for committed bumps of this schema's catalog on a
   * connection of its own (`databaseUrl`, the primary's), then syncs once so
   * a bump committed before the LISTEN is not missed.
   */
  async listen(databaseUrl: string): Promise<void> {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.db);
    this.schema = rows[0]!.schema;
    this.databaseUrl = databaseUrl;
    await this.connect();
  }

  private schema = '';
  private databaseUrl = '';
  private closed = false;

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'modelgraph-cache-listener' });
    client.on('error', (error) => console.warn(`[cache] catalog version listener: ${error.message}`));
    client.on('notification', ({ payload }) => {
      const at = payload?.lastIndexOf(':') ?? -1;
      if (at < 0 || payload!.slice(0, at) !== this.schema) return;
      void Promise.resolve(this.store.advanceVersion(Number(payload!.slice(at + 1)))).catch(() => {});
    });
    // A lost connection (a PostgreSQL restart) would miss bumps: listen again, and catch up.
    client.on('end', () => {
      if (this.listener === client && !this.closed) setTimeout(() => void this.reconnect(), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${CATALOG_VERSION_CHANNEL}`);
    this.listener = client;
    await this.catalogChanged();
  }

  private async reconnect(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      console.warn(`[cache] catalog version listener: ${error instanceof Error ? error.message : String(error)}; trying again`);
      if (!this.closed) setTimeout(() => void this.reconnect(), 1000).unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => {});
  }
}
