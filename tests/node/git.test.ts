/**
 * Reading a plan's old versions from git: many versions are read by one
 * `git cat-file --batch` (`filesAt`), which must give what `git show` gives
 * for each (`fileAt`), in order, with gaps where a file did not exist; and a
 * folder outside any repository has no root.
 */
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileAt, filesAt, fileLog, startFilesAt, repositoryRoot, repositoryRootAsync, type FileAtCommit } from '../../server/src/node/git';
import { readPlanVersions } from '../../server/src/node/planVersions';
import { gitRepo } from '../cli/gitRepo';
import { tempDir } from '../cli/helpers';

describe('git: reading old versions', () => {
  it('reads many versions in one go, byte for byte what git show gives, in the order asked', async () => {
    const repo = gitRepo();
    try {
      const who = { author: 'A. Officer', date: '2024-01-02' };
      const a = repo.commit({ 'plans/a plan.eqplan.yaml': 'eqplan: 1\ntitle: One\n' }, who);
      // Bytes that are not text, a line of its own that looks like a batch header, and no final line break.
      const odd = 'title: Two\n0123456789abcdef0123456789abcdef01234567 blob 12\n\u00e9\u2013 \r\n\x00end';
      const b = repo.commit({ 'plans/a plan.eqplan.yaml': odd, 'other.yaml': 'x: 1\n' }, who);
      repo.git('mv', 'plans/a plan.eqplan.yaml', 'plans/renamed.eqplan.yaml');
      const c = repo.commit({ 'plans/renamed.eqplan.yaml': '' }, who);
      const wanted: FileAtCommit[] = [
        { commit: c, path: 'plans/renamed.eqplan.yaml' },
        { commit: a, path: 'plans/a plan.eqplan.yaml' },
        { commit: a, path: 'other.yaml' },
        { commit: b, path: 'plans/a plan.eqplan.yaml' },
        { commit: b, path: 'plans' },
        { commit: c, path: 'plans/a plan.eqplan.yaml' },
        { commit: b, path: 'other.yaml' },
      ];
      const one = wanted.map((w) => fileAt(w.commit, w.path, repo.dir));
      const text = (x: Uint8Array | undefined) => (x === undefined ? undefined : Buffer.from(x).toString('utf8'));
      // A folder is not a file: git show lists what is in it, the batch says it is a tree and gives nothing.
      assert.deepEqual(one.map(text).filter((_, i) => i !== 4), ['', 'eqplan: 1\ntitle: One\n', undefined, odd, undefined, 'x: 1\n']);
      assert.match(text(one[4]) ?? '', /a plan\.eqplan\.yaml/);
      const batch = filesAt(wanted, repo.dir);
      assert.deepEqual(batch.map(text).filter((_, i) => i !== 4), one.map(text).filter((_, i) => i !== 4));
      assert.equal(batch[4], undefined);
      assert.deepEqual((await startFilesAt(repo.dir)(wanted)).map(text), batch.map(text));
      // Started before it knew what to ask, and asked nothing: it just ends.
      assert.deepEqual(await startFilesAt(repo.dir)([]), []);
      assert.deepEqual(filesAt([], repo.dir), []);
    } finally {
      repo.cleanup();
    }
  });

  it('follows a plan through a rename, reading each version from its own path', () => {
    const repo = gitRepo();
    try {
      const who = { author: 'A. Officer', date: '2024-01-02' };
      repo.commit({ 'old.eqplan.yaml': 'eqplan: 1\ntitle: First version of the plan, long enough to be followed\n' }, who);
      repo.git('mv', 'old.eqplan.yaml', 'new.eqplan.yaml');
      repo.commit({}, { ...who, date: '2024-02-03' });
      repo.commit({ 'new.eqplan.yaml': 'eqplan: 1\ntitle: First version of the plan, long enough to be followed!\n' }, { ...who, date: '2024-03-04' });
      const file = path.join(repo.dir, 'new.eqplan.yaml');
      assert.deepEqual(
        fileLog('new.eqplan.yaml', repo.dir)?.map((c) => c.path),
        ['new.eqplan.yaml', 'new.eqplan.yaml', 'old.eqplan.yaml'],
      );
      const versions = readPlanVersions(file, '2024-12-01');
      assert.deepEqual(versions?.map((v) => [v.date, v.text.endsWith('!\n')]), [
        ['2024-01-02', false],
        ['2024-02-03', false],
        ['2024-03-04', true],
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it('finds the top folder of the repository from a folder inside it, as git does', async () => {
    const repo = gitRepo();
    try {
      const inner = path.join(repo.dir, 'plans', '2024');
      mkdirSync(inner, { recursive: true });
      const byGit = realpathSync(repo.git('rev-parse', '--show-toplevel').trim());
      assert.equal(realpathSync(repositoryRoot(inner) ?? ''), byGit);
      assert.equal(realpathSync((await repositoryRootAsync(inner)) ?? ''), byGit);
    } finally {
      repo.cleanup();
    }
  });

  it('finds no repository for a folder with no .git above it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const inner = path.join(dir, 'a', 'b');
      mkdirSync(inner, { recursive: true });
      assert.equal(repositoryRoot(inner), undefined);
      assert.equal(await repositoryRootAsync(inner), undefined);
      assert.equal(readPlanVersions(path.join(inner, 'plan.eqplan.yaml'), '2024-12-01'), undefined);
    } finally {
      cleanup();
    }
  });
});
