/** A git repository in a temporary folder, with commits of set authors and dates, for diff and history tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers';

export interface GitRepo {
  dir: string;
  /** Writes files (path -> text; null deletes), then commits them all as this author on this day. */
  commit(files: Record<string, string | null>, who: { author: string; date: string; message?: string }): string;
  git(...args: string[]): string;
  write(file: string, text: string): void;
  cleanup(): void;
}

export function gitRepo(): GitRepo {
  const { dir, cleanup } = tempDir();
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  return {
    dir,
    git,
    write,
    cleanup,
    commit(files, who) {
      for (const [file, text] of Object.entries(files)) {
        if (text === null) rmSync(path.join(dir, file));
        else write(file, text);
      }
      git('add', '-A');
      const stamp = `${who.date}T12:00:00+00:00`;
      execFileSync('git', ['-c', `user.name=${who.author}`, '-c', 'user.email=officer@example.gov.uk', 'commit', '-q', '--allow-empty', '-m', who.message ?? 'Update the plan'], {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
      });
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

/** A small plan the diff, history and action tests change one value at a time. */
export const PLAN = `eqplan: 1
organisation: Test Council
title: Equality Action Plan
owners:
  hr: { name: Human Resources }
objectives:
  - id: P1
    title: Inclusive services
    actions:
      - id: 1a
        action: Deliver equality impact assessment workshops to procurement staff
        owner: hr
        due: 2022-11
        rag: amber
        measure: Workshops delivered to all procurement staff
      - id: 1b
        action: Hold a lived experience panel with disabled residents
        owner: hr
        due: 2023-Q2
        rag: green
        measure: Panel held and findings reported
targets:
  - id: pay-gap
    title: Mean ethnicity pay gap
    unit: "%"
    direction: down
    milestones:
      - { date: 2024-03-31, value: 8 }
    actuals:
      - { date: 2023-03-31, value: 11.5 }
`;
