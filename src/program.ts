/** The program's name: the package's name, its bin, and the first word of every message the command line and reports write. */
export const PROGRAM = 'cds-usage-segments';
