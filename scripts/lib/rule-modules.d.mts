export function ruleModules(root: string, dir: string, ext: '.js' | '.ts'): Promise<Map<string, string[]>>;
