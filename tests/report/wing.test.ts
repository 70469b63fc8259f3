/**
 * The preview wing (client/preview) runs in a browser: it may import its own
 * files, chart.js and the engine's plain data types, and nothing else: no
 * `vscode`, no Node, no extension or server code. Its tsconfig (DOM lib, no
 * Node types) stops Node modules and globals; this test also stops `vscode`
 * (whose types a bare import would still find) and extension or server code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const WING = path.join(REPO, 'client', 'preview');
/** The engine's data types the page draws (type-only imports: nothing of the engine is bundled into the page). */
const CORE_TYPES = ['server/src/core/summaryTypes', 'server/src/core/types'];
const PACKAGES = ['chart.js'];

/** The imports of one wing file that break the rule, as "specifier: why". */
export function wrongWayImports(file: string, source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'|\b(?:import|require)\(\s*'([^']+)'/gm;
  for (const m of source.matchAll(pattern)) {
    const spec = m[3] ?? m[4];
    const typeOnly = !!m[2];
    if (spec.startsWith('.')) {
      const target = path.relative(REPO, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      if (target.startsWith('client/preview/')) continue;
      if (CORE_TYPES.includes(target) && typeOnly) continue;
      found.push(`${spec}: ${CORE_TYPES.includes(target) ? 'the engine types must be imported with `import type`' : 'outside the preview wing'}`);
    } else if (!PACKAGES.includes(spec)) {
      found.push(`${spec}: not a package the page may use`);
    }
  }
  return found;
}

describe('preview wing imports', () => {
  it('imports only its own files, chart.js and the engine’s data types', () => {
    const files = readdirSync(WING).filter((f) => f.endsWith('.ts'));
    assert.ok(files.includes('page.ts') && files.includes('messages.ts') && files.includes('main.ts'));
    const wrong = files.flatMap((f) => wrongWayImports(path.join(WING, f), readFileSync(path.join(WING, f), 'utf8')).map((w) => `${f}: ${w}`));
    assert.deepEqual(wrong, []);
  });

  it('catches a wrong-way import', () => {
    const file = path.join(WING, 'render.ts');
    const source = [
      "import * as vscode from 'vscode';",
      "import { readFileSync } from 'node:fs';",
      "import { baseName } from '../src/planDocuments';",
      "import { checkPlan } from '../../server/src/core';",
      "import { PlanSummary } from '../../server/src/core/summaryTypes';",
      "import type { Chart } from 'chart.js';",
      "import { h } from './dom';",
      "const lazy = import('../src/commands');",
      "import {\n  activate,\n  deactivate,\n} from '../src/extension';",
    ].join('\n');
    assert.deepEqual(wrongWayImports(file, source), [
      'vscode: not a package the page may use',
      'node:fs: not a package the page may use',
      '../src/planDocuments: outside the preview wing',
      '../../server/src/core: outside the preview wing',
      '../../server/src/core/summaryTypes: the engine types must be imported with `import type`',
      '../src/commands: outside the preview wing',
      '../src/extension: outside the preview wing',
    ]);
  });
});
