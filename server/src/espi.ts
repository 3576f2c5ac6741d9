/**
 * Green Button (ESPI) files for `import`: a Client developer's own Green
 * Button download becomes a listing page through the package's importer
 * (cds-usage-segments/espi, docs/guide-green-button.md), then goes through
 * the same validation and storage as any JSON document.
 */
import { EspiInputError, importEspi, renderImportReport } from 'cds-usage-segments/espi';
import type { Model } from './db.js';

/** The account given to imported segments when `--account` is absent: ESPI feeds name none, and the Server's tokens grant accounts. */
export const ESPI_DEFAULT_ACCOUNT = 'green-button';

/** An XML document (its first non-blank character is `<`) is read as ESPI; anything else as JSON. */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

/** The page an ESPI file imports to, with the import report; or why it is refused (unreadable, or readings lost). */
export function espiDocument(file: string, text: string, model: Model, account: string): { doc: unknown; report: string } | { error: string } {
  try {
    const r = importEspi(text, { to: model, accounts: [account] });
    const report = renderImportReport(r, file);
    if (r.errors > 0) return { error: `${report}${file}: the ESPI import lost readings or refused entries (above); fix the file or import the page with the package's import-espi` };
    return { doc: r.document, report };
  } catch (e) {
    if (e instanceof EspiInputError) return { error: `${file}: ${e.message}` };
    throw e;
  }
}
