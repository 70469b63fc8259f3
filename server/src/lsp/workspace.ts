/**
 * The plans on disk in the workspace folders, which are not open: found once
 * (again when folders or files come and go) and checked once per file
 * version. Workspace diagnostics and workspace symbols read them.
 */
import { DiskChecks, findPlanFiles, uriToPath } from './workspaceFiles';

export class WorkspacePlans {
  private folders: string[] = [];
  private planFiles: string[] | undefined;
  readonly disk = new DiskChecks();

  /** The folders from `initialize`: its workspace folders, else its root. */
  setFolders(folders: string[]): void {
    this.folders = folders;
    this.planFiles = undefined;
  }

  /** `workspace/didChangeWorkspaceFolders`. */
  changeFolders(added: readonly { uri: string }[], removed: readonly { uri: string }[]): void {
    const gone = new Set(removed.map((f) => uriToPath(f.uri)));
    this.setFolders([...this.folders.filter((f) => !gone.has(f)), ...added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)]);
  }

  get hasFolders(): boolean {
    return this.folders.length > 0;
  }

  /** The plan files under the folders (found on first use after a change). */
  files(): string[] {
    return (this.planFiles ??= findPlanFiles(this.folders));
  }

  /** A plan file was added or removed: look for plans again when next asked. */
  filesChanged(): void {
    this.planFiles = undefined;
  }
}
