import type { Written } from '../../catalog/curation/write.js';
import { runCatalogWrite } from '../../catalog/curation/write.js';
import type { Trx } from '../../catalog/write/common.js';
import type { Context } from '../../context.js';

/**
 * A mutation's write, as its caller: one transaction (runCatalogWrite) with
 * the token's name as the audit trail's "who" and the app's after-commit hook.
 * Only fields with `authScopes: { catalogWrite: true }` call it, so the token
 * has been looked up and found.
 */
export function write<T>(ctx: Context, fn: (trx: Trx) => Promise<Written<T>>): Promise<T> {
  const holder = ctx.viewer.known();
  if (!holder) throw new Error('A curation write ran without an authorised token: its field lacks authScopes');
  return runCatalogWrite(ctx.db, { actor: holder.name, afterCommit: ctx.afterCatalogCommit }, fn);
}

/** Drops nulls from fields whose column cannot hold one: null there means "leave it" like a field left out. */
export const orLeave = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
