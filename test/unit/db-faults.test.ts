import { GraphQLError } from 'graphql';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/faults.js';

/** A PostgreSQL error as pg raises it: a DatabaseError with its SQLSTATE in `code`. */
function pgError(code: string, message = 'x') {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['ECONNREFUSED', socketError('ECONNREFUSED')],
    ['ETIMEDOUT', socketError('ETIMEDOUT')],
    ['ECONNRESET', socketError('ECONNRESET')],
    ['ENOTFOUND', socketError('ENOTFOUND')],
    ['57P01 admin shutdown (pg_terminate_backend)', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', pgError('57P02')],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['57014 statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['08006 connection failure', pgError('08006')],
    ['08001 cannot establish', pgError('08001')],
    ['08P01 protocol violation', pgError('08P01')],
    ['53300 too many connections', pgError('53300')],
    ['25P03 idle in transaction timeout', pgError('25P03')],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg: connection timeout', new Error('Connection terminated due to connection timeout')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pg: query read timeout', new Error('Query read timeout')],
    ['pg: dead client', new Error('Client has encountered a connection error and is not queryable')],
    ['pg-pool: ended', new Error('Cannot use a pool after calling end on the pool')],
    ['Kysely: destroyed', new Error('driver has already been destroyed')],
    ['PGlite closed', new Error('PGlite is closed')],
    ['PGlite closing', new Error('PGlite is closing')],
    ['PGlite aborted', Object.assign(new Error('Aborted(). Build with -sASSERTIONS for more info.'), { name: 'RuntimeError' })],
  ])('%s: yes', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['42P01 undefined table', pgError('42P01', 'relation "scores" does not exist')],
    ['23505 unique violation', pgError('23505')],
    ['22P02 invalid text', pgError('22P02')],
    ['40P01 deadlock', pgError('40P01')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an error the API raises on purpose', new GraphQLError('first must be 1–100', { extensions: { code: 'BAD_USER_INPUT' } })],
    ['a RuntimeError that is not an abort', Object.assign(new Error('unreachable executed'), { name: 'RuntimeError' })],
    ['a string', 'Connection terminated'],
    ['null', null],
    ['undefined', undefined],
  ])('%s: no', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('looks through what wraps the error: GraphQLError, cause, AggregateError', () => {
    const located = new GraphQLError('x', { originalError: pgError('57P01') });
    expect(isDatabaseUnavailable(located)).toBe(true);
    expect(isDatabaseUnavailable(new Error('loader failed', { cause: socketError('ECONNREFUSED') }))).toBe(true);
    // Node's happy-eyeballs connect: one error per address.
    expect(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: pgError('42P01') }))).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
