import { GraphQLError } from 'graphql';
import { expect, it } from 'vitest';
import { createLog, yogaLogger } from '../../src/observability/logger.js';

function capture() {
  const lines: Record<string, any>[] = [];
  const log = createLog('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

it("logs the error yoga reports with its stack, the database error it wraps as cause, and the field's path", () => {
  const { log, lines } = capture();
  const cause = Object.assign(new Error('relation "prices" does not exist'), { code: '42P01' });
  yogaLogger(log).error(new GraphQLError('relation "prices" does not exist', { originalError: cause, path: ['model', 'offerings'] }));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 50, msg: 'relation "prices" does not exist', path: ['model', 'offerings'] });
  expect(lines[0]!.err.stack).toMatch(/logger\.test\.ts/);
  expect(lines[0]!.cause).toMatchObject({ message: 'relation "prices" does not exist', code: '42P01' });
});

it('writes plain messages at their level, and respects the level', () => {
  const { log, lines } = capture();
  const logger = yogaLogger(log);
  logger.warn('slow', { ms: 12 });
  logger.debug('detail');
  expect(lines.map((l) => [l.level, l.msg])).toEqual([
    [40, 'slow { ms: 12 }'],
    [20, 'detail'],
  ]);
  const quiet = createLog('warn', { write: (line: string) => void lines.push(JSON.parse(line)) });
  yogaLogger(quiet).info('not written');
  expect(lines).toHaveLength(2);
});

it('redacts an authorization header or variables should a log call pass them', () => {
  const { log, lines } = capture();
  log.info({ headers: { authorization: 'Bearer sk-1', accept: '*/*' }, variables: { slug: 'x' } }, 'careless');
  expect(JSON.stringify(lines[0])).not.toMatch(/sk-1|"slug"/);
  expect(lines[0]!.headers).toEqual({ authorization: '[redacted]', accept: '*/*' });
});
