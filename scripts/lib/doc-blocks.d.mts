// Types for doc-blocks.mjs, for the tests that import it.
export interface Finding { code: string; path: string }
export interface Expectation { valid: boolean; errors: Finding[]; warnings: Finding[] }
export const GUIDES: string[];
export interface GuideExpectation { title: string; options?: { strict?: boolean }; expect: Expectation }
export function expectationFile(file: string): string;
export function loadExample(root: string, file: string): { document: unknown; expectation: GuideExpectation | null };
export function describeExpectation(expect: Expectation, options?: { strict?: boolean }): string;
export function runCli(root: string, args: string[]): { stdout: string; stderr: string; status: number };
export function renderGuide(root: string, text: string): string;
export function regionsOf(text: string): { kind: 'example' | 'cli' | 'outline' | 'espi-mapping' | 'espi' | 'timeline'; arg: string }[];
export function timelinePictures(root: string, text: string): { file: string; svg: string }[];
export function timelineSvgOf(root: string, name: string, files: string[]): string;
export function formatJson(value: unknown, indent?: string, used?: number): string;
