/** Types of editorSchema.mjs (plain JS so esbuild.mjs can import it without a compile step). */
export function lenientSchema(schema: unknown): any;
export function writeEditorSchema(from: string, to: string): void;
