export { convert, ConvertInputError, MODELS, type Model, type ConvertResult, type Loss, type LossKind, type Assumption } from './convert.js';
export { renderLossReport, lossReportJson } from './report.js';
export { COLUMN_ROWS, SUPPLY_MIX_ROWS, FIELD_ROWS, QUALITY_FALLBACK, KWH_SCALE, UNIT_SCALES, CARRIED_PREFIX, CARRIED_PREFIX_2026, CARRIED_FORMATS, WRAPPED_VALUE, type ColumnRow, type SupplyMixRow, type FieldRow } from './mapping.js';
/** The checker's model detection (one function for the package): `formats` is 2026, `format` 2024. */
export { detectModel } from '../validate.js';
