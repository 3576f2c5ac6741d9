export { convert, detectModel, ConvertInputError, MODELS, type Model, type ConvertResult, type Loss, type LossKind, type Assumption } from './convert.js';
export { renderLossReport, lossReportJson } from './report.js';
export { COLUMN_ROWS, SUPPLY_MIX_ROWS, FIELD_ROWS, QUALITY_FALLBACK, KWH_SCALE, CARRIED_PREFIX, type ColumnRow, type SupplyMixRow, type FieldRow } from './mapping.js';
