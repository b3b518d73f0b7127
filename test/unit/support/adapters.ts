/** Helpers for the adapter tests: convert and validate, and the problems of a SourceError. */
import { expect } from 'vitest';
import type { ElectionConfig } from '../../../src/adapters/config.js';
import { SourceError, type Adapter, type SourceFile, type SourceProblem } from '../../../src/adapters/types.js';
import type { Feed } from '../../../src/feed/schema.js';
import { validateFeed } from '../../../src/feed/validate.js';

/** Convert, and check that the output passes the project's validator with no warnings. */
export function convertChecked(adapter: Adapter, sources: SourceFile[], config: ElectionConfig, now: string) {
  const result = adapter(sources, config, { now });
  const validation = validateFeed(result.feed);
  expect(validation.ok ? validation.warnings : validation.errors).toEqual([]);
  return { ...result, feed: result.feed as Feed };
}

/** "source at: message" (or as `format` says) for each problem of the SourceError `run` throws. */
export function sourceProblems(
  run: () => unknown,
  format: (problem: SourceProblem) => string = (problem) =>
    `${problem.source}${problem.at ? ` ${problem.at}` : ''}: ${problem.message}`,
): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error.problems.map(format);
    throw error;
  }
  throw new Error('expected a SourceError');
}
