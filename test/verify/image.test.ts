import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageFamily, imageHealthProblem, parseImage } from '../../src/verify/image.js';

describe('image heuristic', () => {
  it('parses registry, name and tag', () => {
    assert.deepEqual(parseImage('123.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.2@sha256:abc'), {
      repository: '123.dkr.ecr.eu-west-1.amazonaws.com/team/api',
      name: 'api',
      tag: '1.2',
    });
    assert.deepEqual(parseImage('localhost:5000/node'), {
      repository: 'localhost:5000/node',
      name: 'node',
      tag: 'latest',
    });
  });

  const families: [string, string][] = [
    ['scratch', 'scratch'],
    ['gcr.io/distroless/nodejs20-debian12', 'distroless'],
    ['gcr.io/distroless/static-debian12:nonroot', 'distroless'],
    ['gcr.io/distroless/base:debug', 'busybox'],
    ['cgr.dev/chainguard/node:latest', 'distroless'],
    ['cgr.dev/chainguard/node:latest-dev', 'unknown'],
    ['alpine:3.20', 'alpine'],
    ['node:20-alpine', 'alpine'],
    ['python:3.12-alpine3.19', 'alpine'],
    ['busybox', 'busybox'],
    ['node:20-slim', 'debian-slim'],
    ['python:3.12-slim-bookworm', 'debian-slim'],
    ['debian:bookworm', 'debian'],
    ['ubuntu:24.04', 'debian'],
    ['node:20', 'full'],
    ['public.ecr.aws/docker/library/python:3.12', 'full'],
    ['mycorp/node:20', 'unknown'],
    ['123.dkr.ecr.us-east-1.amazonaws.com/api:latest', 'unknown'],
  ];
  for (const [image, family] of families)
    it(`${image} → ${family}`, () => assert.equal(imageFamily(image), family));

  it('curl is missing from alpine, but busybox wget is there', () => {
    assert.match(
      imageHealthProblem('node:20-alpine', ['CMD-SHELL', 'curl -f http://localhost:3000/ || exit 1']) ?? '',
      /runs curl.*alpine ships busybox/,
    );
    assert.equal(
      imageHealthProblem('node:20-alpine', ['CMD-SHELL', 'wget -q -O /dev/null http://localhost:3000/']),
      undefined,
    );
  });

  it('distroless and scratch have no shell at all', () => {
    assert.match(
      imageHealthProblem('gcr.io/distroless/nodejs20-debian12', ['CMD-SHELL', 'node /app/health.js']) ?? '',
      /needs \/bin\/sh/,
    );
    assert.match(imageHealthProblem('scratch', ['CMD', 'curl', '-f', 'http://x/']) ?? '', /runs curl/);
    assert.equal(
      imageHealthProblem('gcr.io/distroless/nodejs20-debian12', [
        'CMD',
        '/nodejs/bin/node',
        '/app/health.js',
      ]),
      undefined,
    );
  });

  it('slim images have neither curl nor wget; full ones have both; unknown images are not judged', () => {
    assert.match(
      imageHealthProblem('python:3.12-slim', ['CMD', 'wget', '-qO-', 'http://x/']) ?? '',
      /runs wget/,
    );
    assert.equal(imageHealthProblem('python:3.12', ['CMD-SHELL', 'curl -f http://x/ || exit 1']), undefined);
    assert.equal(imageHealthProblem('mycorp/api:1', ['CMD-SHELL', 'curl -f http://x/ || exit 1']), undefined);
  });

  it('bash is not in alpine', () => {
    assert.match(imageHealthProblem('alpine', ['CMD', 'bash', '-c', 'true']) ?? '', /runs bash/);
  });
});
