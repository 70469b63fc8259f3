/**
 * `eqplan/import` over LSP, as the VS Code command uses it: the bundled
 * server reads the file (loading dist/import.js only then) and answers with
 * the plan and the report; a file it cannot read gives a message, not an error.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportRequest, type ImportResult } from '../../server/src/protocol';
import { tempDir } from '../cli/helpers';
import { buildServer, TestClient } from '../server/lspClient';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('eqplan/import over LSP (bundled dist/server.js)', function () {
  this.timeout(120_000);
  let client: TestClient;

  before(async () => {
    buildServer();
    client = new TestClient();
    await client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    await client.exited;
  });

  it('answers with the plan and the report of a Word file', async () => {
    const uri = pathToFileURL(path.join(FIXTURES, 'northfield-improvement-plan.docx')).href;
    const result = (await client.connection.sendRequest(ImportRequest.method, { uri, asOf: '2023-01-31' })) as ImportResult;
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.actions, 8);
    assert.equal(result.skipped, 1);
    assert.match(result.text, /^# Imported by eqplan from northfield-improvement-plan\.docx/);
    assert.ok(result.report.includes('  Action O1.3, due: "Nov 22" -> 2022-11'));
  });

  it('says why a file cannot be imported', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'old.doc');
      writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
      const result = (await client.connection.sendRequest(ImportRequest.method, { uri: pathToFileURL(file).href })) as ImportResult;
      assert.deepEqual(result, { ok: false, message: 'old.doc is an old-style Word 97-2003 file (.doc), which eqplan cannot read. Open it in Word and use Save As to save it as .docx, then import that.' });
      const remote = (await client.connection.sendRequest(ImportRequest.method, { uri: 'https://example.org/plan.docx' })) as ImportResult;
      assert.equal(remote.ok, false);
    } finally {
      t.cleanup();
    }
  });
});
