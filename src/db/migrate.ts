import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Brings the database to the latest migration; a failed migration is rolled
 * back and reported. `schema` names where the migration bookkeeping lives
 * when the app works in a schema of its own: Kysely looks for its tables in
 * every schema unless told, and would find another schema's.
 */
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: options.schema,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    const what = failed ? `Migration ${failed} failed` : 'Migrations could not run';
    throw new MigrationError(`${what}: ${reason}`, { cause: result.error });
  }
  return result;
}
