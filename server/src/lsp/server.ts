/**
 * The language server, composed: each part below is one concern in one file
 * of this folder, and the only layer that knows LSP. Features
 * (`features/*.ts`) get a plain snapshot of a document and return LSP values.
 *
 *   session.ts         lifecycle phase, what the client supports, logging, the guard on every request
 *   params.ts          checks on what the client sends (InvalidParams, RequestCancelled)
 *   configuration.ts   settings (asked, cached, with a timeout) over config files: the options a plan is checked with
 *   workspace.ts       the plans on disk in the workspace folders
 *   documents.ts       document sync, the store, snapshots, the pause in typing
 *   diagnostics.ts     push, pull and workspace diagnostics
 *   changes.ts         settings, watched files and folders that change
 *   lifecycle.ts       initialize, initialized, shutdown; the capabilities
 *   features.ts        one handler per LSP feature request
 *   customRequests.ts  eqplan's own requests (`eqplan/summary`)
 *   history.ts         each open plan's git history (read in the background, once per commit)
 */
import { localToday as clockToday } from '../node/clock';
import type { Connection } from 'vscode-languageserver';
import { registerChangeNotifications } from './changes';
import { Configuration } from './configuration';
import { registerCustomRequests } from './customRequests';
import { Debouncer } from './debouncer';
import { Diagnostics, registerPullDiagnostics } from './diagnostics';
import { OpenDocuments } from './documents';
import { registerFeatures } from './features';
import { PlanHistories } from './history';
import { registerLifecycle } from './lifecycle';
import { Session } from './session';
import { DEFAULT_DEBOUNCE_MS } from './settings';
import { PlanStore } from './store';
import { WorkspacePlans } from './workspace';

export interface ServerHost {
  /** The README the rule links point into (`<readmeUrl>#rule-<id>`). */
  readmeUrl: string;
  /** The local date (tests fix it). */
  localToday?: () => string;
  /** The document store (tests pass their own, to count the parses and checks that typing costs). */
  store?: PlanStore;
}

/** Wires the server's parts to the connection and starts listening; the session it returns says whether the client has asked it to shut down. */
export function startServer(connection: Connection, host: ServerHost): { readonly shutDown: boolean } {
  const session = new Session(connection, host.readmeUrl);
  // What each parse and check cost, for `$/setTrace` clients (VS Code: "eqplan.trace.server": "messages").
  const store = host.store ?? new PlanStore((work) => connection.tracer.log(`eqplan: ${work.kind} of ${work.uri} version ${work.version} took ${work.ms.toFixed(1)} ms`));
  const debouncer = new Debouncer(DEFAULT_DEBOUNCE_MS);
  const localToday = host.localToday ?? clockToday;
  // Late settings mean checking their document again, changed config files every plan (`diagnostics` exists by the time either happens).
  const configuration = new Configuration(session, debouncer, localToday, (change) => (change.what === 'config files' ? diagnostics.configFilesChanged() : diagnostics.lateSettings(change.uri)));
  const workspace = new WorkspacePlans();
  const documents = new OpenDocuments(session, store, configuration, debouncer);
  const diagnostics = new Diagnostics(session, documents, configuration, workspace);
  // A plan's git history arrives after its first check: check and publish again with it.
  const histories = new PlanHistories((uri) => documents.get(uri) !== undefined, () => diagnostics.refreshAll(), (what, e) => session.logError(what, e));
  configuration.extend = (uri, options) => histories.attach(uri, options);

  registerLifecycle(connection, { session, configuration, workspace, diagnostics, debouncer });
  registerChangeNotifications(connection, configuration, workspace, diagnostics);
  registerPullDiagnostics(connection, session, documents, configuration, workspace);
  registerFeatures(connection, session, documents, configuration, workspace);
  registerCustomRequests(connection, session, documents, localToday, histories);
  documents.listen(connection, diagnostics);
  connection.listen();
  return session;
}
