/**
 * The eqplan language server: creates the connection (`--stdio` or
 * `--node-ipc`, chosen from the command line by vscode-languageserver; stdio
 * through a framing guard) and wires the features. Nothing else lives here.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { messageEncoder } from './lsp/encoder';
import { FrameGuard } from './lsp/frames';
import { startServer } from './lsp/server';

// Over stdio, a guard skips input that is not LSP framing instead of leaving the reader deaf for good,
// and published diagnostics are written from JSON kept for each (lsp/encoder.ts).
const input = process.argv.includes('--stdio') ? process.stdin.pipe(new FrameGuard((why) => process.stderr.write(`eqplan-language-server: ${why}\n`))) : undefined;
const connection = input
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: messageEncoder }))
  : createConnection(ProposedFeatures.all);
const stdio = input !== undefined;
if (stdio) {
  // stdout carries the protocol: console output goes to the editor's log instead (as vscode-languageserver does for --stdio).
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}

// A bug in one handler must never take the server down: log it and go on.
process.on('uncaughtException', (e) => connection.console.error(`eqplan: unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`eqplan: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

// The bundle lives in dist/; the README with the rule sections sits beside dist/ in the package.
const server = startServer(connection, { readmeUrl: pathToFileURL(path.join(__dirname, '..', 'README.md')).href });
// As vscode-languageserver does over its own stdio: the editor closing the server's input ends the server
// (status 0 after a shutdown request, else 1), so no server outlives its editor.
for (const event of ['end', 'close']) input?.on(event, () => process.exit(server.shutDown ? 0 : 1));
