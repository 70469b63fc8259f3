/**
 * Many documents at once (issue 11): a client that answers
 * `workspace/configuration` opens 10,000 small plans together, through the
 * real server in this process. Prints how long until every plan had its
 * diagnostics, how many checks, publications and settings requests that
 * took, the memory used, and how long `workspace/symbol` and `shutdown` then
 * took to answer. The client runs in the same process, so its own work
 * counts in the times. Asserts nothing (tests/server/clients.test.ts counts the
 * checks).
 *   npm run bench:many [-- COUNT]
 */
import { PlanStore } from '../../server/src/lsp/store';
import { InProcessClient } from '../server/inProcess';

const COUNT = Number(process.argv[2] ?? 10_000);
const plan = (i: number) => `eqplan: 1\ntitle: Plan ${i}\nobjectives:\n  - id: P1\n    title: Objective\n    actions:\n      - id: 1a\n        action: Run workshop ${i}\n        owner: equalities-team\n        due: 2023-06-30\n        rag: green\n        measure: Workshops held\n`;

async function main(): Promise<void> {
  const store = new PlanStore();
  const { client } = await InProcessClient.start({ store, capabilities: { workspace: { configuration: true } } });
  let requests = 0;
  client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
    requests++;
    return p.items.map(() => ({ asOf: '2023-01-01' }));
  });
  let peakRss = 0;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const uris = Array.from({ length: COUNT }, (_, i) => `file:///many/plan-${i}.eqplan.yaml`);
  await Promise.all(uris.map((uri, i) => client.open(uri, plan(i))));
  // Requests sent while the opened plans are being read and checked: a hover on one, and a search of all of them.
  const duringStarted = performance.now();
  const hoverDuring = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 9, character: 14 } }).then(() => performance.now() - duringStarted);
  const during = client.connection.sendRequest('workspace/symbol', { query: 'Plan 7' }).then(() => performance.now() - duringStarted);
  for (const uri of uris) await client.waitForDiagnostics((p) => p.uri === uri);
  const duringMs = await during;
  const hoverMs = await hoverDuring;
  const allPublished = performance.now() - started;
  let t = performance.now();
  await client.connection.sendRequest('workspace/symbol', { query: 'Plan 42' });
  const symbols = performance.now() - t;
  t = performance.now();
  await client.stop();
  const shutdown = performance.now() - t;
  clearInterval(sample);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`documents                 ${COUNT}`);
  console.log(`all published after       ${(allPublished / 1000).toFixed(1)} s`);
  console.log(`checks                    ${store.checksRun} (${(store.checksRun / COUNT).toFixed(2)} per document)`);
  console.log(`publications              ${client.diagnostics.length} (${(client.diagnostics.length / COUNT).toFixed(2)} per document)`);
  console.log(`settings requests         ${requests}`);
  console.log(`peak memory (RSS)         ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  console.log(`hover answered            ${hoverMs.toFixed(0)} ms (sent just after the opens)`);
  console.log(`workspace/symbol answered ${duringMs.toFixed(0)} ms (sent just after the opens: it answers with the plans it reads within its one-second budget), ${symbols.toFixed(0)} ms (after)`);
  console.log(`shutdown answered         ${shutdown.toFixed(0)} ms`);
  console.log('goals (issue 11): one check per document, at most 1.5 GB, every request answered within 2 s');
}

void main();
