import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ACCOUNT,
  ROOT,
  closedPort,
  container,
  failures,
  oneService,
  results,
  taskDef,
  useEmulator,
  writeStack,
} from './aws-preflight-fixture.js';

/** ecr-images against the emulator's registry: the same `images` rules decide what ECR answers and what ECS pulls. */

const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const ecrImage = (repoTag: string, registry = REGISTRY) => container({ image: `${registry}/${repoTag}` });
const stackWith = (td: Record<string, unknown>) => writeStack(oneService(), { 'api.task.json': td });
const FIELD = 'services.api.aws.taskDefinition';

describe('aws pre-flight: ecr-images (against the emulator)', () => {
  const { em, reset } = useEmulator();

  it('the healthy account ({} scenario): parental-control’s five ECR images exist for linux/amd64', async () => {
    reset();
    const r = await results(join(ROOT, 'examples/parental-control/convoy.aws.yaml'), 'ecr-images');
    assert.deepEqual(
      r.map((x) => [x.ok, x.message]),
      [[true, 'every ECR image exists, built for the platform its task runs on']],
    );
    assert.equal(em().calls.count('ecr', 'BatchGetImage'), 5);
    // Single-platform manifests: the platform comes from each config blob.
    assert.equal(em().calls.count('ecr', 'GetDownloadUrlForLayer'), 5);
  });

  it('a missing repository: ECR’s RepositoryNotFoundException, at the taskDefinition field, with a fix', async () => {
    reset({ images: [{ image: '*/ghost:*', repositoryMissing: true }] });
    const [f, more] = await failures(stackWith(taskDef({}, [ecrImage('ghost:1.0.0')])), 'ecr-images');
    assert.equal(more, undefined);
    assert.equal(
      f!.message,
      `image ${REGISTRY}/ghost:1.0.0 of container app (api.task.json) is not in ECR: RepositoryNotFoundException: ` +
        `The repository with name 'ghost' does not exist in the registry with id '${ACCOUNT}'`,
    );
    assert.match(f!.fix!, /docker push .*ghost:1\.0\.0/);
    assert.equal(f!.location?.field, FIELD);
    assert.equal(f!.location?.line, 6);
  });

  it('a missing tag: ImageNotFound for that tag only; the other tag of the repository passes', async () => {
    reset({ images: [{ image: '*/api:9.9.9', pullError: true }] });
    const td = taskDef({}, [ecrImage('api:9.9.9'), { ...ecrImage('api:1.0.0'), name: 'sidecar' }]);
    const r = await failures(stackWith(td), 'ecr-images');
    assert.deepEqual(
      r.map((x) => x.message),
      [
        `image ${REGISTRY}/api:9.9.9 of container app (api.task.json) is not in ECR: ImageNotFound: Requested image not found`,
      ],
    );
    assert.match(r[0]!.fix!, /or correct the tag in api\.task\.json/);
  });

  it('a digest that is not in the registry is named as a digest', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    reset({ images: [{ image: `*@${digest}`, pullError: true }] });
    const [f] = await failures(stackWith(taskDef({}, [ecrImage(`api@${digest}`)])), 'ecr-images');
    assert.match(f!.message, /ImageNotFound/);
    assert.match(f!.fix!, /correct the digest/);
  });

  it('an arm64-only single-platform image on the default X86_64 task is caught from its config blob', async () => {
    reset({ images: [{ image: '*/api:laptop', platforms: ['linux/arm64'] }] });
    const [f, more] = await failures(stackWith(taskDef({}, [ecrImage('api:laptop')])), 'ecr-images');
    assert.equal(more, undefined);
    assert.match(
      f!.message,
      /api:laptop of container app \(api\.task\.json\) is built for linux\/arm64 only, but the task runs on linux\/amd64 \(runtimePlatform\.cpuArchitecture X86_64, the default\): its containers would exit at once with "exec format error"$/,
    );
    assert.match(f!.fix!, /docker buildx build --platform linux\/amd64/);
    assert.match(f!.fix!, /or set runtimePlatform\.cpuArchitecture to ARM64 in api\.task\.json$/);
    assert.equal(f!.location?.field, FIELD);
    assert.ok(em().calls.count('ecr', 'GetDownloadUrlForLayer') >= 1, 'the config blob was read');

    const arm = taskDef({ runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } }, [
      ecrImage('api:laptop'),
    ]);
    assert.deepEqual(
      await failures(stackWith(arm), 'ecr-images'),
      [],
      'the same image on an ARM64 task passes',
    );
  });

  it('a manifest list without the task’s platform: ECS could not pull it; attestations do not count', async () => {
    reset({
      images: [
        { image: '*/api:arm-only', platforms: ['linux/arm64', 'linux/arm/v7'] },
        { image: '*/api:both', platforms: ['linux/amd64', 'linux/arm64'] },
        { image: '*/api:one-in-a-list', platforms: ['linux/arm64'], manifestList: true },
      ],
    });
    const r = await failures(
      stackWith(
        taskDef({}, [
          ecrImage('api:arm-only'),
          { ...ecrImage('api:both'), name: 'b' },
          { ...ecrImage('api:one-in-a-list'), name: 'c' },
        ]),
      ),
      'ecr-images',
    );
    assert.deepEqual(
      r.map((x) => x.message.replace(/^image \S+ /, '')),
      [
        'of container app (api.task.json) is built for linux/arm64, linux/arm only, but the task runs on linux/amd64 (runtimePlatform.cpuArchitecture X86_64, the default): ECS would fail to pull it (no match for platform in manifest)',
        'of container c (api.task.json) is built for linux/arm64 only, but the task runs on linux/amd64 (runtimePlatform.cpuArchitecture X86_64, the default): ECS would fail to pull it (no match for platform in manifest)',
      ],
    );
    assert.equal(em().calls.count('ecr', 'GetDownloadUrlForLayer'), 0, 'a list names its platforms itself');
  });

  it('an amd64 image on an ARM64 task is the same mistake the other way round', async () => {
    reset();
    const td = taskDef({ runtimePlatform: { cpuArchitecture: 'ARM64' } }, [ecrImage('api:1.0.0')]);
    const [f] = await failures(stackWith(td), 'ecr-images');
    assert.match(
      f!.message,
      /built for linux\/amd64 only, but the task runs on linux\/arm64 \(runtimePlatform\.cpuArchitecture ARM64\)/,
    );
    assert.match(f!.fix!, /--platform linux\/arm64.*or set runtimePlatform\.cpuArchitecture to X86_64/);
  });

  it('asks the registry’s own region, once per image however many services use it', async () => {
    reset({ images: [{ image: '*.dkr.ecr.eu-west-1.amazonaws.com/api:*', repositoryMissing: true }] });
    const eu = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
    const file = writeStack(
      'services:\n  api:\n    aws: { taskDefinition: api.task.json }\n  web:\n    aws: { taskDefinition: api.task.json }\n  eu:\n    aws: { taskDefinition: eu.task.json }\n',
      {
        'api.task.json': taskDef({}, [ecrImage('api:1.0.0')]),
        'eu.task.json': taskDef({}, [ecrImage('api:1.0.0', eu)]),
      },
    );
    em().calls.reset();
    const r = await failures(file, 'ecr-images');
    assert.deepEqual(
      r.map((x) => x.location?.field),
      ['services.eu.aws.taskDefinition'],
      'the same repository in us-east-1 exists',
    );
    assert.equal(em().calls.count('ecr', 'BatchGetImage'), 2, 'two distinct images');
  });

  it('skips images in other registries (ECR Public, Docker Hub) without asking ECR', async () => {
    reset({ images: [{ image: '*', pullError: true }] });
    const td = taskDef({}, [container(), { ...container({ image: 'nginx:1.27' }), name: 'hub' }]);
    em().calls.reset();
    assert.deepEqual(
      (await results(stackWith(td), 'ecr-images')).map((x) => x.ok),
      [true],
    );
    assert.equal(em().calls.count('ecr', 'BatchGetImage'), 0);
  });

  it('ECR unreachable while STS works: one problem for the check, not one per image', async () => {
    reset();
    process.env.AWS_ENDPOINT_URL_ECR = `http://127.0.0.1:${await closedPort()}`;
    try {
      const td = taskDef({}, [ecrImage('api:1.0.0'), { ...ecrImage('web:1.0.0'), name: 'web' }]);
      const r = await failures(stackWith(td), 'ecr-images');
      assert.equal(r.length, 1, JSON.stringify(r));
      assert.match(r[0]!.message, /^could not reach ECR: /);
      assert.match(r[0]!.fix!, /AWS_ENDPOINT_URL/);
      assert.equal(r[0]!.location?.field, FIELD);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_ECR;
    }
  });

  it('without a reachable AWS, is not checked: aws-credentials reports the one cause', async () => {
    reset();
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${await closedPort()}`;
    try {
      const r = await results(
        stackWith(taskDef({}, [ecrImage('api:1.0.0')])),
        'aws-credentials',
        'ecr-images',
      );
      assert.deepEqual(
        r.map((x) => [x.id, x.ok, x.skipped ?? false]),
        [
          ['aws-credentials', false, false],
          ['ecr-images', true, true],
        ],
      );
    } finally {
      process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
