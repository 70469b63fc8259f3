/**
 * `eqplan import` as a user runs it (the built CLI): exit codes, never
 * replacing a file, and hostile files. Each hostile file is built here, in a
 * temporary folder, and must give exit 2, one plain line on stderr, and no
 * file written. The CLI is killed after a minute, so a hang fails the test.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { hasStackTrace, runCli, tempDir, useBuiltCli, type RunResult } from '../cli/helpers';

const FIXTURES = path.join(__dirname, 'fixtures');

/** A zip with stored-as-deflate entries, written directly (JSZip would take seconds to deflate a bomb). */
function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = deflateRawSync(e.data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC not checked by the reader; a bomb would lie about it anyway.
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A compound file (the container of old .doc files and of password-protected .docx), with the given stream names. */
function compoundFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const directory = Buffer.alloc(128 * Math.max(4, streamNames.length));
  streamNames.forEach((n, i) => Buffer.from(n, 'utf16le').copy(directory, i * 128));
  return Buffer.concat([header, directory]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function assertRefused(r: RunResult, dir: string, before: string[], pattern: RegExp): void {
  assert.equal(r.status, 2, `exit ${r.status}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, pattern);
  assert.match(r.stderr, /Nothing was written\.\n$/);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line on stderr: ${r.stderr}`);
  assert.ok(r.stderr.startsWith('eqplan: '), r.stderr);
  assert.ok(!hasStackTrace(r.stderr + r.stdout), r.stderr);
  assert.deepEqual(readdirSync(dir).sort(), before, 'no file was written');
}

describe('eqplan import (built CLI)', function () {
  useBuiltCli();

  it('writes the plan beside the input, exit 0; refuses to replace it without --force, exit 2', () => {
    const t = tempDir();
    try {
      copyFileSync(path.join(FIXTURES, 'luton-people-plan.xlsx'), path.join(t.dir, 'luton-people-plan.xlsx'));
      const first = runCli(['import', 'luton-people-plan.xlsx', '--as-of', '2023-01-31'], { cwd: t.dir });
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Wrote luton-people-plan\.eqplan\.yaml\./);
      assert.match(first.stdout, /Action PP3, due: "Q2 2024\/25" -> 2024-Q3/);
      const written = readFileSync(path.join(t.dir, 'luton-people-plan.eqplan.yaml'), 'utf8');
      assert.equal(written, readFileSync(path.join(FIXTURES, 'luton-people-plan.eqplan.yaml'), 'utf8'));
      writeFileSync(path.join(t.dir, 'luton-people-plan.eqplan.yaml'), 'mine');
      const before = readdirSync(t.dir).sort();
      assertRefused(runCli(['import', 'luton-people-plan.xlsx'], { cwd: t.dir }), t.dir, before, /already exists, so it was not replaced\. Add --force/);
      assert.equal(readFileSync(path.join(t.dir, 'luton-people-plan.eqplan.yaml'), 'utf8'), 'mine');
      assert.equal(runCli(['import', 'luton-people-plan.xlsx', '--force'], { cwd: t.dir }).status, 0);
      assert.notEqual(readFileSync(path.join(t.dir, 'luton-people-plan.eqplan.yaml'), 'utf8'), 'mine');
    } finally {
      t.cleanup();
    }
  });

  it('exits 1 when it writes the plan but could not import some rows, and lists them', () => {
    const t = tempDir();
    try {
      const r = runCli(['import', path.join(FIXTURES, 'leicester-2019-20.docx'), '-o', path.join(t.dir, 'out.eqplan.yaml')]);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /Rows not imported \(1\):\n {2}table 2, row 4: no action text, date, owner or RAG/);
      assert.ok(existsSync(path.join(t.dir, 'out.eqplan.yaml')));
    } finally {
      t.cleanup();
    }
  });

  const hostile: { name: string; why: RegExp; make: (file: string) => void | Promise<void> }[] = [
    { name: 'old.doc', why: /old-style Word 97-2003 file.*Save As/, make: (f) => writeFileSync(f, compoundFile(['Root Entry', 'WordDocument', '1Table'])) },
    { name: 'locked.docx', why: /protected with a password/, make: (f) => writeFileSync(f, compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])) },
    {
      name: 'bomb.docx',
      why: /unpacks to more than .* "zip bomb"/,
      make: (f) => writeFileSync(f, zipOf([{ name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20) }])),
    },
    {
      name: 'entities.docx',
      why: /DOCTYPE/,
      make: async (f) => {
        const zip = await JSZip.loadAsync(readFileSync(path.join(FIXTURES, 'leicester-2019-20.docx')));
        const lol = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
        zip.file('word/document.xml', `<?xml version="1.0"?>${lol}<w:document ${W}><w:body><w:p><w:r><w:t>&c;&x;</w:t></w:r></w:p></w:body></w:document>`);
        writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
      },
    },
    {
      name: 'entities.xlsx',
      why: /DOCTYPE/,
      make: async (f) => {
        const zip = await JSZip.loadAsync(readFileSync(path.join(FIXTURES, 'luton-people-plan.xlsx')));
        zip.file('xl/sharedStrings.xml', '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst><si><t>&x;</t></si></sst>');
        writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
      },
    },
    {
      name: 'huge-table.docx',
      why: /unpacks to more than/,
      make: (f) => {
        const row = `<w:tr>${'<w:tc><w:p><w:r><w:t>Deliver equality training to every team</w:t></w:r></w:p></w:tc>'.repeat(5)}</w:tr>`;
        const rows = row.repeat(Math.ceil((50 * 1024 * 1024) / row.length));
        writeFileSync(f, zipOf([{ name: 'word/document.xml', data: Buffer.from(`<w:document ${W}><w:body><w:tbl>${rows}</w:tbl></w:body></w:document>`) }]));
      },
    },
    {
      name: 'huge-table.csv',
      why: /is 50\.0 MB; eqplan imports files of up to 20\.0 MB/,
      make: (f) => writeFileSync(f, `Ref,Action,Owner,By when\r\n${'1,Deliver equality training to every team,Head of HR,Nov 22\r\n'.repeat(Math.ceil((50 * 1024 * 1024) / 58))}`.slice(0, 50 * 1024 * 1024)),
    },
    {
      name: 'wide.csv',
      why: /has 100000 columns on line 1; eqplan imports tables of up to 200 columns/,
      make: (f) => writeFileSync(f, `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\r\nAction,Owner\r\n`),
    },
    { name: 'renamed.docx', why: /is not a real Word file/, make: (f) => writeFileSync(f, 'Ref,Action\n1,Do it\n') },
  ];

  for (const h of hostile) {
    it(`refuses ${h.name}: exit 2, a clear message, nothing written`, async () => {
      const t = tempDir();
      try {
        const file = path.join(t.dir, h.name);
        await h.make(file);
        const before = readdirSync(t.dir).sort();
        assertRefused(runCli(['import', h.name], { cwd: t.dir, timeoutMs: 60_000 }), t.dir, before, h.why);
      } finally {
        t.cleanup();
      }
    });
  }
});

describe('eqplan import: the readers stay out of the check path', function () {
  useBuiltCli();

  it('dist/cli.js and dist/server.js do not bundle the zip, XML and CSV libraries; dist/import.js does, and not exceljs', () => {
    const dist = path.join(__dirname, '..', '..', 'dist');
    const libraries = ['node_modules/jszip/', 'node_modules/fast-xml-parser/', 'node_modules/csv-parse/'];
    for (const bundle of ['cli.js', 'server.js']) {
      const text = readFileSync(path.join(dist, bundle), 'utf8');
      for (const lib of libraries) assert.ok(!text.includes(lib), `${bundle} bundles ${lib}`);
    }
    const importer = readFileSync(path.join(dist, 'import.js'), 'utf8');
    for (const lib of libraries) assert.ok(importer.includes(lib), `import.js bundles ${lib}`);
    // exceljs only writes the test fixtures; workbooks are read with the zip and XML readers (server/src/node/import/xlsx.ts).
    for (const bundle of ['cli.js', 'server.js', 'import.js']) assert.ok(!readFileSync(path.join(dist, bundle), 'utf8').includes('node_modules/exceljs/'), `${bundle} bundles exceljs`);
  });
});
