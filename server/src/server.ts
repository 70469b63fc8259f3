/**
 * The eqplan language server: creates the connection (`--stdio` or
 * `--node-ipc`, chosen from the command line by vscode-languageserver) and
 * wires the features. Nothing else lives here.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './service/startServer';

const connection = createConnection(ProposedFeatures.all);

// A bug in one handler must never take the server down: log it and go on.
process.on('uncaughtException', (e) => connection.console.error(`eqplan: unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`eqplan: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

// The bundle lives in dist/; the README with the rule sections sits beside dist/ in the package.
startServer(connection, { readmeUrl: pathToFileURL(path.join(__dirname, '..', 'README.md')).href });
