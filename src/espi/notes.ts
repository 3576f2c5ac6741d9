/** The import report's entries: losses (readings or fields not carried) and assumptions, each with a path. */

/** `error`: readings are not carried, or input was refused (exit 1); `warning`: carried, with something said or left out. */
export type NoteLevel = 'error' | 'warning';

export interface EspiNote {
  readonly level: NoteLevel;
  /** What happened, one word per kind (the guide lists them). */
  readonly kind: string;
  /** Where: an XPath-like path into the ESPI input (`/feed/entry[3]/content/IntervalBlock/IntervalReading[5]`), or a JSON Pointer into the output for assumptions. */
  readonly path: string;
  readonly message: string;
  /** Readings of the input this entry accounts for as not carried (0 when none). */
  readonly readings: number;
}

/** The notes of one import, in the order they are found. */
export class Notes {
  readonly list: EspiNote[] = [];
  /** Readings not carried, with an error: missing ReadingType, unreadable reading, unmapped unit. */
  loss(kind: string, path: string, message: string, readings: number): void {
    this.list.push({ level: 'error', kind, path, message, readings });
  }
  /** Readings replaced by a later publication of their block: accounted for, not an error. */
  revision(path: string, message: string, readings: number): void {
    this.list.push({ level: 'warning', kind: 'revised', path, message, readings });
  }
  error(kind: string, path: string, message: string): void {
    this.list.push({ level: 'error', kind, path, message, readings: 0 });
  }
  warn(kind: string, path: string, message: string): void {
    this.list.push({ level: 'warning', kind, path, message, readings: 0 });
  }
}
