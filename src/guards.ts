/**
 * Type guards: `validate` as a narrowing check, so that code holding an
 * `unknown` (parsed JSON, a response body) gets a typed segment or page
 * without a cast, e.g. for `readRows`. One guard per model (the document is
 * checked against that model), and a guard over every model that narrows to
 * the union, or to one model's type when `model` is given.
 */
import type { UsageSegment as UsageSegment2024, UsageSegmentList as UsageSegmentList2024 } from './models/generated-2024.js';
import type { UsageSegment as UsageSegment2026, UsageSegmentList as UsageSegmentList2026 } from './models/generated-2026.js';
import type { Model } from './registry.js';
import { validate } from './validate.js';

/** Options of the guards: `strict` as for `validate` (strict warnings never make a document invalid). */
export interface GuardOptions {
  strict?: boolean;
}

/** Options of the guards over every model: `model` as for `validate` (`auto`, the default, detects it). */
export interface ModelGuardOptions extends GuardOptions {
  model?: Model | 'auto';
}

/** A usage segment of any model; `'formats' in s` tells a 2026 one from a 2024 one. */
export type AnyUsageSegment = UsageSegment2024 | UsageSegment2026;
/** A listing page of any model. */
export type AnyUsageSegmentList = UsageSegmentList2024 | UsageSegmentList2026;

function isValid(x: unknown, kind: 'segment' | 'list', model: Model | 'auto', options: GuardOptions | undefined): boolean {
  return validate(x, { kind, model, strict: options?.strict === true }).valid;
}

/** True when `x` is a usage segment that `validate(x, { kind: 'segment', model: '2024' })` finds valid (warnings allowed). */
export function isUsageSegment2024(x: unknown, options?: GuardOptions): x is UsageSegment2024 {
  return isValid(x, 'segment', '2024', options);
}

/** True when `x` is a usage segment that `validate(x, { kind: 'segment', model: '2026' })` finds valid (warnings allowed). */
export function isUsageSegment2026(x: unknown, options?: GuardOptions): x is UsageSegment2026 {
  return isValid(x, 'segment', '2026', options);
}

/** True when `x` is a listing page that `validate(x, { kind: 'list', model: '2024' })` finds valid. */
export function isUsageSegmentList2024(x: unknown, options?: GuardOptions): x is UsageSegmentList2024 {
  return isValid(x, 'list', '2024', options);
}

/** True when `x` is a listing page that `validate(x, { kind: 'list', model: '2026' })` finds valid. */
export function isUsageSegmentList2026(x: unknown, options?: GuardOptions): x is UsageSegmentList2026 {
  return isValid(x, 'list', '2026', options);
}

/**
 * True when `x` is a usage segment that `validate(x, { kind: 'segment' })`
 * finds valid (warnings allowed), in the model detected (or the `model`
 * given): narrows to that model's `UsageSegment` when `model` is given, else
 * to the union of every model's.
 */
export function isUsageSegment(x: unknown, options: GuardOptions & { model: '2024' }): x is UsageSegment2024;
export function isUsageSegment(x: unknown, options: GuardOptions & { model: '2026' }): x is UsageSegment2026;
export function isUsageSegment(x: unknown, options?: ModelGuardOptions): x is AnyUsageSegment;
export function isUsageSegment(x: unknown, options: ModelGuardOptions = {}): x is AnyUsageSegment {
  return isValid(x, 'segment', options.model ?? 'auto', options);
}

/** True when `x` is a listing page that `validate(x, { kind: 'list' })` finds valid; narrows as `isUsageSegment` does. */
export function isUsageSegmentList(x: unknown, options: GuardOptions & { model: '2024' }): x is UsageSegmentList2024;
export function isUsageSegmentList(x: unknown, options: GuardOptions & { model: '2026' }): x is UsageSegmentList2026;
export function isUsageSegmentList(x: unknown, options?: ModelGuardOptions): x is AnyUsageSegmentList;
export function isUsageSegmentList(x: unknown, options: ModelGuardOptions = {}): x is AnyUsageSegmentList {
  return isValid(x, 'list', options.model ?? 'auto', options);
}
