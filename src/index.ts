export { validate, validateText, detectKind, detectModel, type ValidateOptions, type DocumentKind } from './validate.js';
export { isUsageSegment, isUsageSegmentList, isUsageSegment2024, isUsageSegment2026, isUsageSegmentList2024, isUsageSegmentList2026, type GuardOptions, type ModelGuardOptions, type AnyUsageSegment, type AnyUsageSegmentList } from './guards.js';
export { kindHint } from './kind-hint.js';
export type { FormatValue, KnownFormatValues, ValueSetOf } from './format-values.js';
export { checkRevision, checkRevisionChain, type RevisionOptions } from './revision.js';
export { readRows, readColumns, type Row, type Cell, type CellColumn, type EnergyCell, type GapCell, type SupplyMixCell, type EacsCell, type ExtensionCell } from './reader.js';
export type { Cell2026, AmountCell, AmountType, CostCell, SupplyShareCell, ReadingCell, OtherCell } from './reader-2026.js';
export { parseFormat, suggestFormat, type ColumnSpec, type Direction, type FormatClass, type PhysicalQuantity, type Quality, type Timing } from './formats.js';
export { RULES, getRule, type Rule, type Level, type Code, type Model, type SourceClass } from './registry.js';
export { modelIds, serverShape, documentShape, segmentModelOf, modelsWithServerMetadata, type ServerShape, type ServerMetadataShape, type MetadataValidator } from './models/registry.js';
export { MAX_PROBLEMS, type Problem, type ValidationResult } from './problems.js';
export { parseDateTime } from './time.js';
export { escapeToken, resolvePointer } from './pointer.js';
export { validateUsageSegment, validateUsageSegmentList } from '../generated/2024/validators.js';
export type * from '../generated/2024/types.js';
export { redactor, REDACTED } from './crawl/redact.js';
export { CRAWL_DEFAULTS } from './crawl/defaults.js';
export type { CrawlOptions, CrawlReport, CrawlFinding, CrawlCheck, CrawlModel } from './crawl/crawl.js';
import type { CrawlOptions, CrawlReport } from './crawl/crawl.js';

/**
 * Crawl a Server's listing; never throws for anything the Server does
 * (src/crawl/crawl.ts). The crawler's modules load on the first call:
 * importing the package to validate documents does not load them (a dozen
 * modules, about a seventh of the package's import time).
 */
export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  const { crawl: run } = await import('./crawl/crawl.js');
  return run(options);
}
export { CRAWL_CODES, getCrawlCode, type CrawlCode, type CrawlLevel, type CrawlSource } from './crawl/codes.js';
export { renderJUnit } from './crawl/junit.js';
// Each model's generated validators, types (and, for 2026, typed columns) under
// one namespace per model, so that names both models use (`UsageSegment`,
// `validateUsageSegment`, …) do not clash: `model2026.validateUsageSegment`,
// `model2026.UsageSegment`. The flat exports above are the 2024 model's.
export * as model2024 from '../generated/2024/index.js';
export * as model2026 from '../generated/2026/index.js';
