/**
 * The eqplan language server: creates the connection (`--stdio` or
 * `--node-ipc`, chosen from the command line by vscode-languageserver; stdio
 * through a framing guard) and wires the features. Nothing else lives here.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FrameGuard } from './lsp/frames';
import { startServer } from './lsp/server';

// Over stdio, a guard skips input that is not LSP framing instead of leaving the reader deaf for good.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(new FrameGuard((why) => process.stderr.write(`eqplan-language-server: ${why}\n`))), process.stdout)
  : createConnection(ProposedFeatures.all);
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
startServer(connection, { readmeUrl: pathToFileURL(path.join(__dirname, '..', 'README.md')).href });
