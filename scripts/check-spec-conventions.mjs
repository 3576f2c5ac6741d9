// Lint step Redocly cannot express: every component file of a model
// (spec/<model>/components/) is registered by name in that model's
// spec/<model>/openapi.yaml, every shared file (spec/shared/components/) in at
// least one model's root (a file nobody refers to escapes lint and the
// bundle), and every registered name is its file's name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';

const SECTIONS = ['schemas', 'parameters', 'responses'];

function yamlFiles(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];
}

export function conventionProblems(specRoot = join(repoRoot, 'spec')) {
  const problems = [];
  const sharedUsed = new Set();
  for (const model of MODEL_NAMES) {
    const root = YAML.parse(readFileSync(join(specRoot, model, 'openapi.yaml'), 'utf8'));
    for (const section of SECTIONS) {
      const registered = root.components?.[section] ?? {};
      for (const file of yamlFiles(join(specRoot, model, 'components', section))) {
        const name = file.slice(0, -'.yaml'.length);
        if (registered[name]?.$ref !== `components/${section}/${file}`) {
          problems.push(`spec/${model}/components/${section}/${file}: register it as components.${section}.${name} with $ref components/${section}/${file}`);
        }
      }
      for (const [name, value] of Object.entries(registered)) {
        const own = `components/${section}/${name}.yaml`;
        const shared = `../shared/components/${section}/${name}.yaml`;
        if (value?.$ref === shared) sharedUsed.add(`${section}/${name}.yaml`);
        else if (value?.$ref !== own) {
          problems.push(`spec/${model}/openapi.yaml: components.${section}.${name} must be $ref ${own} or ${shared}`);
        }
      }
    }
  }
  for (const section of SECTIONS) {
    for (const file of yamlFiles(join(specRoot, 'shared', 'components', section))) {
      if (!sharedUsed.has(`${section}/${file}`)) {
        problems.push(`spec/shared/components/${section}/${file}: register it in a model's openapi.yaml as components.${section}.${file.slice(0, -5)} with $ref ../shared/components/${section}/${file}`);
      }
    }
  }
  return problems;
}

const problems = conventionProblems(process.argv[2]);
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log('spec conventions: 0 problems');
