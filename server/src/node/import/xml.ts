/**
 * XML parts of a .docx as a small ordered tree. fast-xml-parser keeps the
 * order of elements (paragraphs and tables interleave in a Word body), and
 * the parts reach it only after `zip.ts` refused any DOCTYPE, so only the
 * five built-in entities are ever expanded.
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlNode {
  name: string;
  attrs: ReadonlyMap<string, string>;
  children: XmlNode[];
  /** Text content, for `#text` nodes. */
  text?: string;
}

type Raw = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  // Word nests deeply in places (tables in tables, content controls); far deeper is not a plan.
  maxNestedTags: 256,
});

function convert(raw: unknown): XmlNode[] {
  if (!Array.isArray(raw)) return [];
  const out: XmlNode[] = [];
  for (const item of raw as Raw[]) {
    let attrs = new Map<string, string>();
    let node: XmlNode | undefined;
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') {
        attrs = new Map(Object.entries(value as Raw).map(([k, v]) => [k, String(v)]));
      } else if (key === '#text') {
        node = { name: '#text', attrs, children: [], text: String(value) };
      } else {
        node = { name: key, attrs, children: convert(value) };
      }
    }
    if (node) {
      node.attrs = attrs;
      out.push(node);
    }
  }
  return out;
}

/** Parses XML text into nodes; throws on malformed XML. */
export function parseXml(text: string): XmlNode[] {
  return convert(parser.parse(text));
}

/** The first child element of a name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** All descendant elements of a name, in document order (not looking inside matches). */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}
