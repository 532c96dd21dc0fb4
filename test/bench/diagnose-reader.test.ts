import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCorpus, type CorpusCapture, type Scored } from '../../bench/diagnose.js';
import { compareFirst, loadReader, scoreReader } from '../../bench/diagnose-reader.js';

describe("the second reader's answers on the test split", () => {
  it('name only test captures of the corpus, so no train capture is scored as held out', () => {
    const corpus = loadCorpus();
    const test = new Set(corpus.filter((c) => c.split === 'test').map((c) => c.file));
    const named = Object.keys(loadReader().answers);
    assert.ok(named.length > 0);
    assert.deepEqual(
      named.filter((f) => !test.has(f)),
      [],
    );
  });

  it('refuses an answer that is not three different categories, naming the file and the capture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convoy-reader-'));
    try {
      const file = join(dir, 'answers.json');
      writeFileSync(
        file,
        JSON.stringify({ readAt: 'x', answers: { 'a.json': ['config-env', 'config-env', 'other'] } }),
      );
      assert.throws(
        () => loadReader(file),
        (e: Error) => e.message.includes(file) && e.message.includes('a.json'),
      );
      writeFileSync(
        file,
        JSON.stringify({ readAt: 'x', answers: { 'b.json': ['config-env', 'dns', 'other'] } }),
      );
      assert.throws(() => loadReader(file), /answers\.b\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are scored like Convoy, and the first places compared capture by capture', () => {
    const cap = (file: string, expect: CorpusCapture['expect']): CorpusCapture => ({
      file,
      expect,
      split: 'test',
      source: file,
      capture: {},
    });
    const test = [cap('a.json', 'config-env'), cap('b.json', 'network-sg'), cap('c.json', 'other')];
    const reader = {
      readAt: 'x',
      answers: {
        'a.json': ['config-env', 'other', 'app-crash'],
        'b.json': ['other', 'network-sg', 'config-env'],
      } as Record<string, CorpusCapture['expect'][]>,
    };
    const rows = scoreReader(test, reader);
    assert.deepEqual(
      rows.map((r) => [r.file, r.top1, r.top3]),
      [
        ['a.json', true, true],
        ['b.json', false, true],
      ],
    );
    const convoy: Scored[] = [
      { file: 'a.json', expect: 'config-env', got: ['other'], top1: false, top3: false },
      { file: 'b.json', expect: 'network-sg', got: ['network-sg'], top1: true, top3: true },
      { file: 'c.json', expect: 'other', got: ['other'], top1: true, top3: true },
    ];
    assert.deepEqual(compareFirst(convoy, rows), {
      n: 2,
      bothRight: 0,
      onlyConvoy: 1,
      onlyReader: 1,
      neither: 0,
    });
  });
});
