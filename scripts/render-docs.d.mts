export function referenceHtml(model: string): string;
export function guideDescription(text: string, root?: string): string;
export function inlinePictures(text: string, root?: string): string;
export function referenceDocument(model: string, root?: string): Record<string, unknown>;
export function renderDocs(model: string, output?: string): void;
