import { GraphQLError } from 'graphql';
import type { ZodError } from 'zod';

/**
 * Turns a failed argument validation into the error clients are promised:
 * code BAD_USER_INPUT, the path of the offending argument, and every issue.
 */
export function badUserInput(error: ZodError): GraphQLError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` "${first.path.join('.')}"` : '';
  return new GraphQLError(`Invalid argument${where}: ${first?.message ?? 'invalid input'}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentPath: first?.path ?? [], issues },
  });
}

/** A client error raised by a resolver (an unknown slug, say), never masked. */
export function userInputError(message: string, argumentPath: (string | number)[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentPath } });
}

/** An id two models claim (two providers using one id for different models): the client must pick a slug. */
export function ambiguousModel(reference: string, slugs: string[], argumentPath: (string | number)[]): GraphQLError {
  return userInputError(`"${reference}" names more than one model: ${slugs.map((s) => `"${s}"`).join(' and ')}. Use one of these slugs.`, argumentPath);
}
