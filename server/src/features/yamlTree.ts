/**
 * Finding things in the parsed YAML tree: the node under the cursor, the
 * inner range of a scalar, the owner references of a plan.
 */
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import { findNode, isOwnerReferencePath, keyText, nodeSpan, ownerReferences, ownerText, ownSpan, type NodePath, type ParsedPlan, type PlanModel } from '../core';

export interface NodeHit {
  /** Path of the node under the cursor; for a key, the path of its value. */
  path: (string | number)[];
  node: Node;
  /** The pair whose key or value was hit. */
  pair?: Pair;
  onKey: boolean;
}

/** The innermost node at an offset (a cursor touching either end of a node counts as on it). */
export function nodeAt(parsed: ParsedPlan, offset: number): NodeHit | undefined {
  let node: unknown = parsed.doc?.contents;
  if (!node) return undefined;
  const path: (string | number)[] = [];
  let pair: Pair | undefined;
  for (;;) {
    if (isMap(node)) {
      let next: unknown;
      for (const p of node.items) {
        const k = nodeSpan(p.key);
        if (k && offset >= k[0] && offset <= k[1]) return { path: [...path, keyText(p)], node: p.key as Node, pair: p, onKey: true };
        const v = nodeSpan(p.value);
        if (v && offset >= v[0] && offset <= v[1]) {
          path.push(keyText(p));
          pair = p;
          next = p.value;
          break;
        }
      }
      if (next === undefined) return { path, node: node as Node, pair, onKey: false };
      node = next;
    } else if (isSeq(node)) {
      let next: unknown;
      node.items.forEach((item, i) => {
        const r = nodeSpan(item);
        if (next === undefined && r && offset >= r[0] && offset <= r[1]) {
          path.push(i);
          next = item;
        }
      });
      if (next === undefined) return { path, node: node as Node, pair, onKey: false };
      pair = undefined;
      node = next;
    } else if (isScalar(node)) {
      return { path, node: node as Node, pair, onKey: false };
    } else {
      return undefined;
    }
  }
}

/**
 * [start, end) of a scalar's text without its quotes. The parser's range of a
 * block scalar (`>-` / `|`) runs through its trailing line break up to the
 * next line's indentation; replacing that range would join the next field
 * onto this line. So, given the document text, the end is pulled back to the
 * last character that is not a space or line break (as `PlanEdits` does).
 */
export function scalarInnerSpan(node: unknown, text?: string): [number, number] | undefined {
  const span = nodeSpan(node);
  if (!span || !isScalar(node)) return span;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return [span[0] + 1, Math.max(span[0] + 1, span[1] - 1)];
  return text === undefined ? span : ownSpan(text, node);
}

export interface OwnerRef {
  id: string;
  /** Inner span of the scalar (without quotes). */
  span: [number, number];
  node: Node;
  path: NodePath;
}

/**
 * Every owner reference in the plan, where it is written: the references the
 * `unknown-owner` rule checks (core's `ownerReferences`), so rename and find
 * references touch exactly the fields the check reads.
 */
export function ownerRefs(parsed: ParsedPlan, model: PlanModel | undefined): OwnerRef[] {
  if (!model) return [];
  const refs: OwnerRef[] = [];
  for (const ref of ownerReferences(model)) {
    const node = findNode(parsed.doc, ref.path)?.node;
    const span = scalarInnerSpan(node, parsed.text);
    if (isScalar(node) && span) refs.push({ id: ref.text, span, node, path: ref.path });
  }
  return refs.sort((a, b) => a.span[0] - b.span[0]);
}

/** The key span of an owner's registry entry (`owners: { hr: ... }`), when it is registered. */
export function ownerDeclaration(parsed: ParsedPlan, id: string): { span: [number, number]; pair: Pair } | undefined {
  const found = findNode(parsed.doc, ['owners', id]);
  if (!found?.pair) return undefined;
  const span = scalarInnerSpan(found.pair.key, parsed.text);
  return span ? { span, pair: found.pair } : undefined;
}

/** The owner id under the cursor: a reference, or a registry key. */
export function ownerIdAt(parsed: ParsedPlan, offset: number): { id: string; span: [number, number]; declaration: boolean } | undefined {
  const hit = nodeAt(parsed, offset);
  if (!hit) return undefined;
  if (hit.onKey && hit.path.length === 2 && hit.path[0] === 'owners') {
    const span = scalarInnerSpan(hit.node, parsed.text);
    return span ? { id: String(hit.path[1]), span, declaration: true } : undefined;
  }
  if (hit.onKey || !isScalar(hit.node) || !isOwnerReferencePath(hit.path)) return undefined;
  const id = ownerText(hit.node.value);
  const span = scalarInnerSpan(hit.node, parsed.text);
  return id !== undefined && span ? { id, span, declaration: false } : undefined;
}
