/** The extension manifest (package.json) and the packaging rules. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { lenientSchema } from '../../scripts/vscode/editorSchema.mjs';
import { RULES } from '../../server/src/core';

const REPO = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('extension manifest', () => {
  it('activates on plan files, YAML and restored previews only', () => {
    assert.deepEqual(pkg.activationEvents, ['workspaceContains:**/*.eqplan.yaml', 'workspaceContains:**/*.eqplan.yml', 'onLanguage:yaml', 'onWebviewPanel:eqplan.preview']);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('contributes the commands with titles and the eqplan category', () => {
    const ids = contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(ids.sort(), ['eqplan.exportReport', 'eqplan.fixAll', 'eqplan.importPlan', 'eqplan.newPlan', 'eqplan.openPreview', 'eqplan.restartServer']);
    for (const c of contributes.commands) assert.equal(c.category, 'eqplan');
    const preview = contributes.commands.find((c: { command: string }) => c.command === 'eqplan.openPreview');
    assert.equal(preview.title, 'Open Preview to the Side');
  });

  it('binds Ctrl+K V in plan files only, so Markdown keeps its own preview key', () => {
    const kb = contributes.keybindings.find((k: { command: string }) => k.command === 'eqplan.openPreview');
    assert.equal(kb.key, 'ctrl+k v');
    assert.match(kb.when, /eqplan\.isPlan/);
  });

  it('contributes every setting with a description and the agreed defaults', () => {
    const props = contributes.configuration.properties;
    assert.equal(props['eqplan.dueSoonDays'].default, 14);
    assert.equal(props['eqplan.staleUpdateDays'].default, 90);
    assert.equal(props['eqplan.debounceMs'].default, 200);
    assert.equal(props['eqplan.inlayHints.enabled'].default, true);
    assert.equal(props['eqplan.asOf'].default, '');
    assert.deepEqual(props['eqplan.trace.server'].enum, ['off', 'messages', 'verbose']);
    for (const [key, p] of Object.entries<Record<string, unknown>>(props)) assert.ok(p.markdownDescription || p.description, `${key} has a description`);
    // Every rule of the engine can be configured, and nothing else.
    assert.deepEqual([...props['eqplan.rules'].propertyNames.enum].sort(), RULES.map((r) => r.id).sort());
  });

  it('declares limited support for untrusted and virtual workspaces', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    for (const id of ['eqplan.exportReport', 'eqplan.newPlan', 'eqplan.fixAll', 'eqplan.importPlan']) {
      assert.equal(contributes.commands.find((c: { command: string }) => c.command === id).enablement, 'isWorkspaceTrusted', `${id} is off in Restricted Mode`);
    }
  });

  it('keeps node_modules and sources out of the VSIX', () => {
    const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^\*\*$/m, 'everything is excluded unless listed');
    assert.ok(!/^!.*node_modules/m.test(ignore));
    for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/import.js', 'dist/webview/preview.js', 'README.md', 'LICENSE', 'media/**']) assert.ok(ignore.includes(`!${needed}`), needed);
    assert.match(pkg.scripts.package, /vsce package --no-dependencies/);
  });
});

describe('schema for the Red Hat YAML extension', () => {
  const full = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'equality-plan.schema.json'), 'utf8'));
  const lenient = lenientSchema(full);

  it('keeps descriptions, and offers enum values as examples', () => {
    assert.equal(lenient.properties.organisation.description, full.properties.organisation.description);
    const text = JSON.stringify(lenient);
    for (const rag of ['red', 'amber', 'green']) assert.ok(text.includes(`"${rag}"`));
  });

  it('never rejects a document, so eqplan’s own diagnostics are not doubled', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(lenient);
    for (const doc of [{}, { eqplan: 2, objectives: 'none', extra: true }, { objectives: [{ actions: [{ due: 'Nov 22', rag: 'Amber', owner: 3 }] }] }, 'text', 42, null]) {
      assert.equal(validate(doc), true, JSON.stringify(validate.errors));
    }
    const strict = new Ajv2020({ strict: false, allErrors: true }).compile(full);
    assert.equal(strict({ eqplan: 2, objectives: 'none', extra: true }), false, 'the full schema does reject it');
  });
});
