import type Ajv2020 from 'ajv/dist/2020.js';
export declare const ANNOTATION_KEYWORDS: string[];
export declare function createAjv(options?: Record<string, unknown>): Ajv2020;
