/**
 * Type guards: `validate` as a narrowing check, so that code holding an
 * `unknown` (parsed JSON, a response body) gets a typed `UsageSegment` or
 * `UsageSegmentList` without a cast, e.g. for `readRows`.
 */
import type { UsageSegment, UsageSegmentList } from '../generated/2024/types.js';
import { validate } from './validate.js';

/** Options of the guards: `strict` as for `validate` (strict warnings never make a document invalid). */
export interface GuardOptions {
  strict?: boolean;
}

/** True when `x` is a usage segment that `validate(x, { kind: 'segment' })` finds valid (warnings allowed). */
export function isUsageSegment(x: unknown, options: GuardOptions = {}): x is UsageSegment {
  return validate(x, { kind: 'segment', strict: options.strict === true }).valid;
}

/** True when `x` is a listing page that `validate(x, { kind: 'list' })` finds valid (warnings allowed). */
export function isUsageSegmentList(x: unknown, options: GuardOptions = {}): x is UsageSegmentList {
  return validate(x, { kind: 'list', strict: options.strict === true }).valid;
}
