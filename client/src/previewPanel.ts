/**
 * "eqplan: Open Preview to the Side": a webview beside the editor that draws
 * the plan summary with the preview bundle (dist/webview/preview.js, in the
 * page from client/preview/page.ts) and redraws it, debounced, as the plan
 * changes. One preview per plan; restored after a reload by the serializer.
 */
import * as vscode from 'vscode';
import type { PlanChangesView, PlanSummary } from '../../server/src/protocol';
import { isFromPreviewMessage, PREVIEW_VIEW_TYPE, type PreviewState, type ToPreviewMessage } from '../preview/messages';
import { makeNonce, pageHtml } from '../preview/page';
import { baseName, isPlanDocument, resolvePlanDocument } from './planDocuments';
import type { SummaryFeed } from './summaryFeed';

/** What tests (and the export command) can learn about an open preview. */
export interface PreviewInfo {
  documentUri: string;
  /** True once the page's script has run and said `ready`. */
  ready: boolean;
  /** How many `update` messages were posted. */
  updates: number;
  /** The state last posted to the page. */
  state: PreviewState;
  /** Whether the panel is visible. */
  visible: boolean;
}

/** The only folder the page may load from: the preview bundle (not the extension's or server's code). */
function previewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

class PlanPreview implements vscode.Disposable {
  ready = false;
  updates = 0;
  state: PreviewState;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly feed: SummaryFeed,
    onDispose: () => void,
    initial?: PreviewState,
  ) {
    this.state = initial ?? { mode: 'webview', documentUri: uri.toString(), fileName: baseName(uri), summary: feed.cached(uri) ?? null };
    this.state = { ...this.state, mode: 'webview', documentUri: uri.toString(), fileName: baseName(uri) };
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: previewResourceRoots(extensionUri),
    };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'preview-icon.svg');
    panel.title = `Preview ${baseName(uri)}`;
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      feed.watch(uri),
      feed.onDidUpdate((e) => {
        if (e.uri.toString() === uri.toString()) void this.postWithChanges(e.summary);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === uri.toString()) this.highlightAt(e.selections[0]?.active.line);
      }),
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  /** The page: the preview wing's one template, loading the bundle from the webview's own resource root. */
  private html(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'preview.js'));
    return pageHtml(this.state, { nonce: makeNonce(), title: this.panel.title, script: { kind: 'webview', src: script.toString(), cspSource: webview.cspSource } });
  }

  private onMessage(m: unknown): void {
    if (!isFromPreviewMessage(m)) return;
    if (m.type === 'ready') {
      this.ready = true;
      // The page may have been drawn from an old state (reload): bring it up to date.
      void this.feed.refresh(this.uri);
    } else if (m.type === 'reveal') {
      void revealInEditor(this.uri, m.source, this.panel.viewColumn);
    }
  }

  /** The newest summary's post (an older one whose changes come back later is not posted). */
  private posting = 0;

  /** Posts a summary with the plan's changes since the last commit (asked of the server each time: the text changed). */
  private async postWithChanges(summary: PlanSummary | null): Promise<void> {
    const mine = ++this.posting;
    const changes = summary ? await this.feed.changes(this.uri) : null;
    if (mine === this.posting) this.post(summary, changes ?? undefined);
  }

  private post(summary: PlanSummary | null, changes?: PlanChangesView): void {
    this.state = {
      ...this.state,
      summary,
      changes,
      notice: summary ? undefined : 'This file does not read as an equality plan yet. Fix the problems shown in the Problems panel and the preview will update.',
    };
    const msg: ToPreviewMessage = { type: 'update', state: this.state };
    this.updates++;
    void this.panel.webview.postMessage(msg);
  }

  private highlightAt(line: number | undefined): void {
    if (line === undefined || !this.state.summary) return;
    const action = this.state.summary.actions.find((a) => a.source.line <= line && line < Math.max(a.source.endLine, a.source.line + 1));
    const msg: ToPreviewMessage = { type: 'highlight', actionId: action?.id };
    void this.panel.webview.postMessage(msg);
  }

  info(): PreviewInfo {
    return { documentUri: this.uri.toString(), ready: this.ready, updates: this.updates, state: this.state, visible: this.panel.visible };
  }

  dispose(): void {
    this.disposables.splice(0).forEach((d) => d.dispose());
  }
}

/** Shows `source` (0-based lines) in an editor beside the preview and puts the cursor there. */
export async function revealInEditor(uri: vscode.Uri, source: { line: number; character: number }, previewColumn?: vscode.ViewColumn): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const column = visible?.viewColumn ?? (previewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  const line = Math.min(source.line, doc.lineCount - 1);
  const pos = new vscode.Position(line, Math.min(source.character, doc.lineAt(line).text.length));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false, selection: new vscode.Range(pos, pos) });
  // From the start of the line, so an editor scrolled to the right comes back to show it.
  editor.revealRange(new vscode.Range(new vscode.Position(line, 0), pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, PlanPreview>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly feed: SummaryFeed) {}

  async open(arg?: unknown): Promise<PreviewInfo | undefined> {
    const doc = await resolvePlanDocument(arg);
    if (!doc) {
      void vscode.window.showInformationMessage('Open an equality plan (a *.eqplan.yaml file, or a YAML file starting with "eqplan: 1") to preview it.');
      return undefined;
    }
    const key = doc.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing.info();
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, `Preview ${baseName(doc.uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: previewResourceRoots(this.context.extensionUri),
    });
    return this.attach(panel, doc.uri).info();
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri, state?: PreviewState): PlanPreview {
    const key = uri.toString();
    const preview = new PlanPreview(panel, uri, this.context.extensionUri, this.feed, () => this.previews.delete(key), state);
    this.previews.set(key, preview);
    return preview;
  }

  /** Restores previews after a window reload. */
  readonly serializer: vscode.WebviewPanelSerializer<PreviewState> = {
    deserializeWebviewPanel: async (panel, state) => {
      const uriText = state && typeof state.documentUri === 'string' ? state.documentUri : undefined;
      if (!uriText) {
        panel.dispose();
        return;
      }
      const uri = vscode.Uri.parse(uriText);
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        if (!isPlanDocument(doc)) throw new Error('not a plan');
      } catch {
        panel.dispose();
        return;
      }
      this.attach(panel, uri, state);
    },
  };

  info(uri: vscode.Uri): PreviewInfo | undefined {
    return this.previews.get(uri.toString())?.info();
  }

  /** The plan of the preview that has focus, if any (for commands run from the preview). */
  activePreviewUri(): vscode.Uri | undefined {
    for (const p of this.previews.values()) if (p.panel.active) return p.uri;
    return undefined;
  }

  dispose(): void {
    for (const p of this.previews.values()) p.panel.dispose();
    this.previews.clear();
  }
}

export function registerPreview(context: vscode.ExtensionContext, feed: SummaryFeed): PreviewManager {
  const manager = new PreviewManager(context, feed);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager.serializer),
    vscode.commands.registerCommand('eqplan.openPreview', (arg?: unknown) => manager.open(arg ?? manager.activePreviewUri())),
  );
  return manager;
}
