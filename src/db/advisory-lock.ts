import { sql } from 'kysely';
import { type Db, withoutQueryTimeout } from './client.js';

/** The first key of every advisory lock Modelgraph takes ("mg"), so they never collide with another application's. */
const NAMESPACE = 0x6d67;

/**
 * Runs `fn` on one connection holding the session-level advisory lock `name`
 * for the current schema: a second instance (another server starting, an
 * import) calling it with the same name waits until the first is done, then
 * runs. Two servers starting together on an empty database therefore seed it
 * once: the second, once it holds the lock, finds it seeded.
 *
 * The session has no statement timeout (seeding the catalog, an import's one
 * transaction and the wait for the lock may take longer than a request may);
 * the connect and idle-in-transaction timeouts still apply. On PGlite, which
 * has one connection and one owner (src/db/data-dir-lock.ts), the lock is
 * taken all the same and never waits.
 *
 * `fn` must use the `db` it is given, not the outer one: on PGlite the
 * outer one waits for this connection.
 */
export function withAdvisoryLock<T>(db: Db, name: string, fn: (db: Db) => Promise<T>): Promise<T> {
  return withoutQueryTimeout(() =>
    db.connection().execute(async (session) => {
      await sql`set statement_timeout = 0`.execute(session);
      const key = sql`${sql.lit(NAMESPACE)}, hashtext(${name} || ':' || coalesce(current_schema(), ''))`;
      try {
        await sql`select pg_advisory_lock(${key})`.execute(session);
        try {
          return await fn(session);
        } finally {
          // A lost connection has released the lock with its session already.
          await sql`select pg_advisory_unlock(${key})`.execute(session).catch(() => {});
        }
      } finally {
        await sql`reset statement_timeout`.execute(session).catch(() => {});
      }
    }),
  );
}
