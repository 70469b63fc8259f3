/**
 * Answers in the formats the client said it reads. Features write hovers and
 * completion documentation in markdown and new objectives, actions and
 * targets as snippets; a client that reads only plain text (ALE, eglot
 * without markdown-mode) or has no snippets (ALE, Neovim 0.7, eglot without
 * yasnippet) gets the same content as plain text, at the end of the pipeline,
 * so each feature is written once.
 */
import { InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver';

/** What the client reads, from its `initialize` capabilities. */
export interface ClientFormats {
  hoverMarkdown: boolean;
  completionDocsMarkdown: boolean;
  snippets: boolean;
}

/**
 * The markdown the features write, as plain text a person reads as the same
 * thing: no `**`, no backticks, a `---` rule as a blank line, a link as its
 * text with the address after it.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split(/\r\n|\r|\n/)
    .map((line) => (/^\s*---\s*$/.test(line) ? '' : line))
    .join('\n')
    .replace(/\[([^\]\n]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A snippet's text as it reads once inserted with nothing typed: each
 * placeholder's default (`${1:2024-Q1}` -> `2024-Q1`), a choice's first
 * value (`${5|green,amber,red|}` -> `green`), tab stops dropped, escapes undone.
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  // Placeholders nest (`${1:a ${2:b}}`): `depth` counts the open ones, whose closing `}` is syntax, not text.
  let depth = 0;
  while (i < snippet.length) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (ch === '$') {
      const tabStop = /^\$(\d+)/.exec(snippet.slice(i));
      if (tabStop) {
        i += tabStop[0].length;
        continue;
      }
      const choice = /^\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/.exec(snippet.slice(i));
      if (choice) {
        out += choice[1].replace(/\\(.)/g, '$1');
        i += choice[0].length;
        continue;
      }
      const open = /^\$\{\d+:?/.exec(snippet.slice(i));
      if (open) {
        depth++;
        i += open[0].length;
        continue;
      }
    }
    if (ch === '}' && depth > 0) {
      depth--;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function plainMarkup(content: MarkupContent): MarkupContent {
  return content.kind === MarkupKind.Markdown ? { kind: MarkupKind.PlainText, value: markdownToPlainText(content.value) } : content;
}

/** A hover in the client's format. */
export function hoverForClient(hover: Hover | null, formats: ClientFormats): Hover | null {
  if (!hover || formats.hoverMarkdown) return hover;
  const { contents } = hover;
  if (typeof contents === 'object' && contents !== null && !Array.isArray(contents) && 'kind' in contents) return { ...hover, contents: plainMarkup(contents) };
  return hover;
}

function itemForClient(item: CompletionItem, formats: ClientFormats): CompletionItem {
  let out = item;
  if (!formats.completionDocsMarkdown && typeof item.documentation === 'object' && item.documentation !== null) {
    out = { ...out, documentation: markdownToPlainText(item.documentation.value) };
  }
  if (!formats.snippets && item.insertTextFormat === InsertTextFormat.Snippet) {
    const textEdit = item.textEdit;
    out = {
      ...out,
      insertTextFormat: InsertTextFormat.PlainText,
      insertText: item.insertText === undefined ? undefined : snippetToPlainText(item.insertText),
      textEdit: textEdit ? { ...textEdit, newText: snippetToPlainText(textEdit.newText) } : undefined,
    };
  }
  return out;
}

/** A completion list in the client's formats: plain documentation, plain insert text instead of snippets. */
export function completionForClient(list: CompletionList, formats: ClientFormats): CompletionList {
  if (formats.snippets && formats.completionDocsMarkdown) return list;
  return { ...list, items: list.items.map((i) => itemForClient(i, formats)) };
}
