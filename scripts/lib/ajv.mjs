// The one Ajv configuration used to compile validators and in tests: JSON
// Schema 2020-12, strict mode, every error, RFC 3339 formats. Keywords that
// OpenAPI tools read are declared, not silenced.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

/**
 * Annotation-only keywords that appear in the schemas: `x-enumDescriptions`
 * (Redoc: the meaning of each enum value) and `x-cds-source` (this package:
 * the source class and draft citation of a schema or field, see README) and
 * `x-cds-recommended` (the decided keywords of the recommended profile, see
 * lib/recommended.mjs).
 */
export const ANNOTATION_KEYWORDS = ['x-enumDescriptions', 'x-cds-source', 'x-cds-recommended'];

export function createAjv(options = {}) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ...options });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}
