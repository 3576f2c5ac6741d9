// Lint step Redocly cannot express: every file under spec/components/ is
// registered by name in spec/openapi.yaml (a file nobody refers to escapes
// lint and the bundle), and every registered name is its file's name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './lib/generated-files.mjs';

export function conventionProblems(specDir = join(repoRoot, 'spec')) {
  const root = YAML.parse(readFileSync(join(specDir, 'openapi.yaml'), 'utf8'));
  const problems = [];
  for (const section of ['schemas', 'parameters', 'responses']) {
    const registered = root.components?.[section] ?? {};
    const files = readdirSync(join(specDir, 'components', section)).filter((f) => f.endsWith('.yaml'));
    for (const file of files) {
      const name = file.slice(0, -'.yaml'.length);
      const ref = registered[name]?.$ref;
      if (ref !== `components/${section}/${file}`) {
        problems.push(`spec/components/${section}/${file}: register it as components.${section}.${name} with $ref components/${section}/${file}`);
      }
    }
    for (const [name, value] of Object.entries(registered)) {
      if (value?.$ref !== `components/${section}/${name}.yaml`) {
        problems.push(`spec/openapi.yaml: components.${section}.${name} must be $ref components/${section}/${name}.yaml`);
      }
    }
  }
  return problems;
}

const problems = conventionProblems(process.argv[2]);
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log('spec conventions: 0 problems');
