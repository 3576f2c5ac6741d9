export { importEspi, importEspiStream, type EspiImportOptions, type EspiImportResult } from './import.js';
export { EspiInputError, EspiReader, readEspiText, readEspiStream, type ParsedFeed, type Block, type Resource, type EntryMeta } from './read.js';
export { renderImportReport, importReportJson } from './report.js';
export type { EspiNote, NoteLevel } from './notes.js';
export type { EspiAssumption, QualityMode } from './build.js';
export { PERIOD_SECONDS, UOM_ROWS, DIRECTION_ROWS, QUALITY_ROWS, CURRENCY_ROWS, DEMAND_ROWS, RULE_ROWS, COST_SHIFT, TIER_MAX, ESPI_BASIS, type UomRow, type DirectionRow, type QualityRow, type RuleRow } from './mapping.js';
