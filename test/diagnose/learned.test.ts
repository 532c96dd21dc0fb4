import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { rankBayes, trainBayes } from '../../src/diagnose/bayes.js';
import { MODEL } from '../../src/diagnose/model.generated.js';
import { tokenise } from '../../src/diagnose/tokens.js';
import type { EvidenceLine } from '../../src/diagnose/types.js';
import { loadCorpus } from '../../bench/diagnose.js';
import { foldOf, roundFolds } from '../../bench/diagnose-cv.js';
import { exampleDocs, trainModel, writeModel } from '../../bench/diagnose-model.js';
import { RULES } from '../../src/diagnose/rules/index.js';
import { rankSoftmax, trainSoftmax } from '../../bench/diagnose-softmax.js';

const log = (text: string): EvidenceLine => ({ kind: 'log', path: 'logs.app[0]', text });

describe('diagnose: learned tie-breaker', () => {
  it('tokens keep meaning and drop what differs between two reports of one failure', () => {
    const t = tokenise([
      log(
        '2024-05-02T10:00:00Z ERROR connect ECONNREFUSED 10.0.3.7:5432 after 12 tries (task 0f3c9a1e2b7d4c8e)',
      ),
    ]);
    for (const want of ['econnrefused', '5432', '<ip>', 'connect econnrefused', '<hex>'])
      assert.ok(t.has(want), want);
    for (const gone of ['12', '2024', '10', '0f3c9a1e2b7d4c8e']) assert.ok(!t.has(gone), gone);
    assert.ok(tokenise([log('CannotPullContainerError: x')]).has('pull'), 'CamelCase words are split too');
  });

  it("one meaning in two tools' words shares tokens: word families and stems", () => {
    const node = tokenise([log('Error: connect ETIMEDOUT 10.0.3.7:443')]);
    const go = tokenise([log('dial tcp 10.0.3.7:443: i/o timeout')]);
    const ruby = tokenise([log('Net::OpenTimeout: execution expired')]);
    for (const t of [node, go, ruby]) assert.ok(t.has('<timeout>'), [...t].join());
    assert.ok(!tokenise([log('connection refused')]).has('<timeout>'));
    assert.ok(tokenise([log('connect ECONNREFUSED ::1:5432')]).has('<refused>'));
    // `failed`, `fails` and `failing` are one word; a code in capitals is left whole.
    for (const w of ['failed', 'fails', 'failing'])
      assert.ok(tokenise([log(`health check ${w}`)]).has('fail'), w);
    assert.ok(tokenise([log('ECONNREFUSED')]).has('econnrefused'));
  });

  it('routine lines give no tokens', () => {
    const routine = [
      '(service web) has reached a steady state.',
      '2024-05-02T10:00:00.000Z INFO  Starting application version 1.8.2',
      '10.0.1.23 - - [02/May/2024:10:00:05 +0000] "GET /api/items HTTP/1.1" 200 512 "-" "Mozilla/5.0"',
    ];
    assert.deepEqual([...tokenise(routine.map(log))], []);
    const stop: EvidenceLine = {
      kind: 'stoppedReason',
      path: 'tasks[0].stoppedReason',
      text: 'Task stopped by user',
    };
    assert.deepEqual([...tokenise([stop])], [], 'a user stop says nothing about the failure');
    assert.ok(tokenise([{ ...stop, text: 'Task stopped by user: OutOfMemoryError' }]).size > 0);
  });

  it("learns each signature rule's examples too, one source per rule, and no documented code", () => {
    const docs = exampleDocs();
    const signatures = RULES.filter((r) => !r.fallback);
    assert.equal(
      docs.length,
      signatures.map((r) => r.examples.match.length).reduce((a, b) => a + b, 0),
    );
    assert.deepEqual(new Set(docs.map((d) => d.source)), new Set(signatures.map((r) => `rule:${r.id}`)));
    assert.ok(RULES.some((r) => r.fallback) && !docs.some((d) => d.source.includes('catalogue')));
    assert.deepEqual(trainModel([], undefined, []).vocab, {}, 'no captures, no examples: nothing learned');
    const fromExamples = trainModel([], { minSources: 1, minLift: 1 });
    const port = docs.find((d) => d.source === 'rule:port-in-use')!;
    const [top] = rankBayes(fromExamples, port.tokens);
    assert.equal(top!.category, 'port-binding');
  });

  it('ranks by what it was trained on, and names the tokens that weighed most', () => {
    const doc = (category: 'image-pull' | 'port-binding', source: string, text: string) => ({
      category,
      source,
      tokens: tokenise([log(text)]),
    });
    const model = trainBayes(
      [
        doc('image-pull', 'a', 'manifest unknown for registry image'),
        doc('image-pull', 'b', 'registry says manifest unknown'),
        doc('port-binding', 'c', 'address already in use on bind'),
        doc('port-binding', 'd', 'bind failed: address already in use'),
      ],
      { minLift: 1 },
    );
    const [top] = rankBayes(model, tokenise([log('pulling: manifest unknown')]));
    assert.equal(top!.category, 'image-pull');
    assert.ok(top!.p > 0.5);
    assert.ok(top!.tokens.includes('manifest'), top!.tokens.join());
  });

  it('with no signature, the learned ranking names where to look and quotes its evidence', () => {
    const f = diagnose({
      service: 'api',
      tasks: [{ stoppedReason: 'Essential container in task exited' }],
      stackEvents: [
        {
          LogicalResourceId: 'Service',
          ResourceStatus: 'UPDATE_ROLLBACK_IN_PROGRESS',
          ResourceStatusReason: 'The following resource(s) failed to update: [Service].',
        },
      ],
    });
    const learned = f.find((x) => x.evidence.some((e) => e.startsWith('learned: ')));
    assert.ok(learned, JSON.stringify(f, null, 1));
    assert.match(learned.cause, /learned from the training corpus/);
    assert.equal(learned.rule, undefined);
    assert.deepEqual(diagnose({ service: 'api' }).length, 1, 'nothing to read, nothing learned');
  });

  it('a sure learned ranking goes before `other` only when no rule matched', () => {
    const rank = () => [
      { category: 'image-pull' as const, p: 0.99, tokens: ['manifest'] },
      { category: 'other' as const, p: 0.01, tokens: [] },
    ];
    const capture = { service: 'api', logs: { api: ['manifest lookup went wrong'] } };
    const f = diagnose(capture, [], { rank });
    assert.deepEqual(
      f.map((x) => x.category),
      ['image-pull', 'other', 'config-env'],
    );
    assert.ok(f[0]!.evidence.includes('learned: manifest'), JSON.stringify(f[0]));
    const unsure = diagnose(capture, [], { rank: () => rank().map((r) => ({ ...r, p: 0.5 })) });
    assert.equal(unsure[0]!.category, 'other');
  });

  it('the softmax learner compared under cross-validation is deterministic and ranks by what it was trained on', () => {
    const doc = (category: 'image-pull' | 'port-binding', source: string, text: string) => ({
      category,
      source,
      tokens: tokenise([log(text)]),
    });
    const docs = [
      doc('image-pull', 'a', 'manifest unknown for registry image'),
      doc('image-pull', 'b', 'registry says manifest unknown'),
      doc('port-binding', 'c', 'address already in use on bind'),
      doc('port-binding', 'd', 'bind failed: address already in use'),
    ];
    const model = trainSoftmax(docs);
    assert.deepEqual(trainSoftmax(docs), model);
    const [top] = rankSoftmax(model, tokenise([log('pulling: manifest unknown')]));
    assert.equal(top!.category, 'image-pull');
    assert.ok(top!.p > 0.5);
    assert.ok(top!.tokens.includes('manifest'), top!.tokens.join());
  });

  it('is deterministic', () => {
    const c = { service: 'api', logs: { api: ['fatal: could not read config, giving up'] } };
    assert.deepEqual(diagnose(c), diagnose(c));
  });

  it('the committed model is what the train split gives, and never learns from the test split', async () => {
    const corpus = loadCorpus();
    const train = corpus.filter((c) => c.split === 'train');
    assert.deepEqual(trainModel(train), MODEL, 'regenerate with `npm run bench diagnose -- --model`');
    await assert.rejects(writeModel(corpus), /train split only/);
  });

  it('cross-validation folds group by source', () => {
    const folds = new Set(loadCorpus().map((c) => foldOf(c.source)));
    assert.deepEqual([...folds].sort(), [0, 1, 2, 3, 4]);
    assert.equal(foldOf('https://example.com/a'), foldOf('https://example.com/a'));
  });

  it('the round-by-round cross-validation holds out whole collection rounds', () => {
    const train = loadCorpus().filter((c) => c.split === 'train');
    const { k, of } = roundFolds(train);
    assert.equal(k, new Set(train.map((c) => c.round ?? 0)).size);
    const foldsOfRound = new Map<number, Set<number>>();
    for (const c of train)
      (foldsOfRound.get(c.round ?? 0) ?? foldsOfRound.set(c.round ?? 0, new Set()).get(c.round ?? 0)!).add(
        of(c),
      );
    for (const [round, folds] of foldsOfRound) assert.equal(folds.size, 1, `round ${round}`);
  });
});
