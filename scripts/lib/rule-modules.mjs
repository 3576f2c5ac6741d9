// Which modules check each rule code: the rule definitions (src/rules/rule.ts
// `RuleModule`: an object with a string `code` and a string `reads`) that the
// modules under a folder export. docs/rules.md names them beside each code
// (scripts/lib/rules-doc.mjs), so that a reader goes from a code to the
// module that checks it; the modules themselves are the only list.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every file under `dir` whose name ends with `ext` (declaration files aside), sorted. */
function filesUnder(dir, ext) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, ext));
    else if (entry.name.endsWith(ext) && !entry.name.endsWith(`.d${ext}`)) out.push(path);
  }
  return out.sort();
}

/**
 * code → the source paths (`src/rules/….ts`) of the modules under `dir` that
 * define a rule of that code. `dir` is `dist/src/rules` (compiled, `.js`) for
 * the build or `src/rules` (`.ts`) for the tests; `root` is the repository.
 */
export async function ruleModules(root, dir, ext) {
  const modules = new Map();
  for (const file of filesUnder(dir, ext)) {
    const exported = await import(pathToFileURL(file).href);
    const source = relative(root, file).split(sep).join('/').replace(/^dist\//, '').replace(/\.js$/, '.ts');
    for (const value of Object.values(exported)) {
      if (value === null || typeof value !== 'object' || typeof value.code !== 'string' || typeof value.reads !== 'string') continue;
      if (!modules.has(value.code)) modules.set(value.code, []);
      modules.get(value.code).push(source);
    }
  }
  for (const list of modules.values()) list.sort();
  return modules;
}
