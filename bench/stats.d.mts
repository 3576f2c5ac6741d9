export declare function median(xs: readonly number[]): number;
export declare function roundRobin<A extends { reps: number }>(alts: readonly A[], sample: (a: A) => number): number[][];
export declare function formatMs(ms: number): string;
export declare function formatRatio(x: number): string;
