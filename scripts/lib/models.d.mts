export interface Guide { name: string; displayName: string; file: string }
export interface ModelConfig { title: string; validators: Record<string, string>; guides?: Guide[] }
export const MODELS: Record<string, ModelConfig>;
export const MODEL_NAMES: string[];
export function specDir(model: string): string;
export function apiName(model: string): string;
export function modelConfig(model: string): ModelConfig;
