/** The output formats of `eqplan diff --format`, by name. */
import { formatDiffGithub } from './github';
import { formatDiffJson } from './json';
import { formatDiffMarkdown } from './markdown';
import { formatDiffStylish } from './stylish';
import type { DiffFormatter } from './types';

export const DIFF_FORMATS = ['stylish', 'json', 'markdown', 'github'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const DIFF_FORMATTERS: Record<DiffFormat, DiffFormatter> = {
  stylish: formatDiffStylish,
  json: formatDiffJson,
  markdown: formatDiffMarkdown,
  github: formatDiffGithub,
};
