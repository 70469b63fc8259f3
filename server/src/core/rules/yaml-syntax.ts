import type { Rule } from './rule';

/** Metadata of the syntax check; the parser (`parse.ts`) reports these findings. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  title: 'Not valid YAML',
  description: 'The file is not valid YAML: an unclosed quote, a tab used for indentation, a field given twice, lines that do not line up. Every syntax error is reported, not just the first. Other checks wait until the file reads as YAML.',
  example: 'A " quote is not closed. Add the closing quote at the end of the value.',
};
