export declare const QUARTER_HOUR_S: number;
export declare const MONTH_SETS: number;
export declare const YEAR_SETS: number;
export declare const PAGE_SEGMENTS: number;
export declare function listingPage(): { usage_segments: Record<string, unknown>[]; next: null; previous: null };
export declare function yearSegment(): Record<string, unknown>;
export declare function monthlySegment(): Record<string, unknown>;
export declare function payloadTexts(): { page: string; year: string; monthly: string };
