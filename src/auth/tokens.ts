import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/client.js';

/**
 * API tokens for writes. A token is 32 random bytes, shown once when created;
 * the database keeps only its SHA-256, so reading the table grants nothing.
 * Reads need no token. A revoked token is kept (the audit trail names it)
 * and never matches again.
 */

/** What a token may do: write the catalog, or manage tokens. */
export const TOKEN_SCOPES = ['catalog:write', 'tokens:admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Recognisable in logs and secret scanners; the rest is base64url of 32 random bytes. */
const PREFIX = 'mg_';

/** The caller a valid token identifies. */
export interface TokenHolder {
  id: number;
  name: string;
  scopes: TokenScope[];
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const isTokenScope = (scope: string): scope is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(scope);

/** Token names: what the audit trail shows as who wrote. */
export const TOKEN_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** Creates a token and returns it: the only time its text exists outside the caller. */
export async function createToken(db: Db, name: string, scopes: TokenScope[]): Promise<{ id: number; token: string }> {
  if (!TOKEN_NAME.test(name)) throw new Error(`a token name is 1 to 63 characters: a-z, 0-9, ".", "_", "-" (got ${JSON.stringify(name.slice(0, 70))})`);
  if (scopes.length === 0) throw new Error(`a token needs at least one scope: ${TOKEN_SCOPES.join(', ')}`);
  const existing = await db.selectFrom('api_tokens').select('id').where('name', '=', name).executeTakeFirst();
  if (existing) throw new Error(`a token named "${name}" already exists (revoked or not): choose another name`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('api_tokens')
    .values({ name, token_hash: hashToken(token), scopes: [...new Set(scopes)] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** Revokes a token by name or id; false when no live token is so named. */
export async function revokeToken(db: Db, nameOrId: string): Promise<boolean> {
  const byId = /^\d{1,9}$/.test(nameOrId);
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where(byId ? 'id' : 'name', '=', byId ? Number(nameOrId) : nameOrId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listTokens(db: Db) {
  return db.selectFrom('api_tokens').select(['id', 'name', 'scopes', 'created_at', 'revoked_at']).orderBy('id').execute();
}

/** The live token whose text this is, or null (unknown or revoked). */
export async function findTokenHolder(db: Db, token: string): Promise<TokenHolder | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, scopes: row.scopes.filter(isTokenScope) } : null;
}

/** The bearer token of a request's Authorization header: undefined when there is none, '' when it holds no bearer token (never a live one). */
export function bearerToken(header: string | null): string | undefined {
  if (header === null) return undefined;
  const match = /^Bearer +([^\s]{1,200})\s*$/i.exec(header);
  return match ? match[1]! : '';
}
