import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  ECRClient,
  GetDownloadUrlForLayerCommand,
} from '@aws-sdk/client-ecr';
import { DescribeDBEngineVersionsCommand, RDSClient } from '@aws-sdk/client-rds';
import { startEmulator, type Emulator } from './server.js';
import { World } from './world.js';

/**
 * ECR and RDS through the installed SDK clients, and one registry for ECR and ECS: what ECR says is missing or
 * built for another CPU is what ECS's pull and start then do.
 */

const T0 = Date.UTC(2026, 0, 1);
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const RULES = [
  { image: '*/gone:*', repositoryMissing: true },
  { image: '*/app:9.9.9', pullError: true },
  { image: '*/app:laptop', platforms: ['linux/arm64'] },
  { image: '*/app:arm-list', platforms: ['linux/arm64', 'linux/arm/v7'] },
];

describe('emulator: ECR and RDS over the wire', () => {
  let em: Emulator;
  let ecr: ECRClient;
  let rds: RDSClient;
  before(async () => {
    em = await startEmulator({ scenario: { images: RULES } });
    const config = {
      endpoint: em.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    };
    ecr = new ECRClient(config);
    rds = new RDSClient(config);
  });
  after(async () => {
    ecr.destroy();
    rds.destroy();
    await em.close();
  });

  it('BatchGetImage: a manifest for any tag by default; ImageNotFound as a failure; a missing repository as an error', async () => {
    const ok = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'app',
        imageIds: [{ imageTag: '1.0.0' }, { imageTag: '9.9.9' }],
      }),
    );
    assert.equal(ok.images?.length, 1);
    assert.equal(
      ok.images![0]!.imageManifestMediaType,
      'application/vnd.docker.distribution.manifest.v2+json',
    );
    assert.match(ok.images![0]!.imageId!.imageDigest!, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(ok.failures, [
      {
        imageId: { imageTag: '9.9.9' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      },
    ]);
    await assert.rejects(
      ecr.send(new BatchGetImageCommand({ repositoryName: 'gone', imageIds: [{ imageTag: '1' }] })),
      (e: Error) =>
        e.name === 'RepositoryNotFoundException' &&
        e.message === "The repository with name 'gone' does not exist in the registry with id '123456789012'",
    );
  });

  it('DescribeImages: ImageNotFoundException in ECR’s words', async () => {
    await assert.rejects(
      ecr.send(new DescribeImagesCommand({ repositoryName: 'app', imageIds: [{ imageTag: '9.9.9' }] })),
      (e: Error) =>
        e.name === 'ImageNotFoundException' &&
        e.message ===
          "The image with imageId {imageDigest:'null', imageTag:'9.9.9'} does not exist within the repository with name 'app' in the registry with id '123456789012'",
    );
  });

  it('a single manifest’s config blob, through GetDownloadUrlForLayer and its URL, says what it is built for', async () => {
    const got = await ecr.send(
      new BatchGetImageCommand({ repositoryName: 'app', imageIds: [{ imageTag: 'laptop' }] }),
    );
    const manifest = JSON.parse(got.images![0]!.imageManifest!) as { config: { digest: string } };
    const { downloadUrl } = await ecr.send(
      new GetDownloadUrlForLayerCommand({ repositoryName: 'app', layerDigest: manifest.config.digest }),
    );
    assert.ok(downloadUrl?.startsWith(`${em.url}/_emulator/ecr-blobs/sha256:`), downloadUrl);
    const config = (await (await fetch(downloadUrl!)).json()) as { os: string; architecture: string };
    assert.deepEqual([config.os, config.architecture], ['linux', 'arm64']);
    await assert.rejects(
      ecr.send(
        new GetDownloadUrlForLayerCommand({ repositoryName: 'app', layerDigest: `sha256:${'0'.repeat(64)}` }),
      ),
      { name: 'LayersNotFoundException' },
    );
  });

  it('several platforms are an OCI index with buildx attestations beside them', async () => {
    const got = await ecr.send(
      new BatchGetImageCommand({ repositoryName: 'app', imageIds: [{ imageTag: 'arm-list' }] }),
    );
    assert.equal(got.images![0]!.imageManifestMediaType, 'application/vnd.oci.image.index.v1+json');
    const index = JSON.parse(got.images![0]!.imageManifest!) as { manifests: { platform: object }[] };
    assert.deepEqual(
      index.manifests.map((m) => m.platform),
      [
        { os: 'linux', architecture: 'arm64' },
        { os: 'linux', architecture: 'arm', variant: 'v7' },
        { architecture: 'unknown', os: 'unknown' },
        { architecture: 'unknown', os: 'unknown' },
      ],
    );
  });

  it('RDS: DescribeDBEngineVersions, an empty list for an unoffered version, paging, unknown engines', async () => {
    const one = await rds.send(
      new DescribeDBEngineVersionsCommand({ Engine: 'postgres', EngineVersion: '16.3' }),
    );
    assert.deepEqual(
      one.DBEngineVersions?.map((v) => [v.EngineVersion, v.DBParameterGroupFamily, v.MajorEngineVersion]),
      [['16.3', 'postgres16', '16']],
    );
    const none = await rds.send(
      new DescribeDBEngineVersionsCommand({ Engine: 'postgres', EngineVersion: '16.0' }),
    );
    assert.deepEqual(none.DBEngineVersions, []);
    const page = await rds.send(new DescribeDBEngineVersionsCommand({ Engine: 'postgres', MaxRecords: 20 }));
    assert.equal(page.DBEngineVersions?.length, 20);
    assert.ok(page.Marker);
    const rest = await rds.send(
      new DescribeDBEngineVersionsCommand({ Engine: 'postgres', MaxRecords: 20, Marker: page.Marker }),
    );
    assert.ok((rest.DBEngineVersions?.length ?? 0) > 0 && !rest.Marker);
    await assert.rejects(rds.send(new DescribeDBEngineVersionsCommand({ Engine: 'postgresql' })), {
      name: 'InvalidParameterValue',
      message: 'Unrecognized engine name: postgresql',
    });
    em.applyScenario({ rds: { engineVersions: { postgres: ['17.5'] } } });
    const narrowed = await rds.send(new DescribeDBEngineVersionsCommand({ Engine: 'postgres' }));
    assert.deepEqual(
      narrowed.DBEngineVersions?.map((v) => v.EngineVersion),
      ['17.5'],
    );
  });
});

describe('emulator: ECS pulls from the registry ECR describes', () => {
  const run = (image: string, runtimePlatform?: object) => {
    const w = new World({ images: RULES }, T0);
    w.ecs.registerTaskDefinition({
      family: 'job',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      ...(runtimePlatform ? { runtimePlatform } : {}),
      containerDefinitions: [{ name: 'app', image: `${REGISTRY}/${image}`, essential: true }],
    });
    const arn = w.ecs.runTask({
      taskDefinition: 'job',
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }).tasks[0]!.taskArn;
    w.ecs.advance(T0 + 600_000);
    const t = w.ecs.describeTasks({ tasks: [arn] }).tasks[0]!;
    return { stoppedReason: t.stoppedReason, container: t.containers[0]! };
  };

  it('a missing repository or tag: CannotPullContainerError … not found', () => {
    for (const image of ['gone:1.0.0', 'app:9.9.9']) {
      const { container } = run(image);
      assert.match(
        String(container.reason),
        new RegExp(`^CannotPullContainerError: .*${image.replace(/\./g, '\\.')}: not found$`),
      );
    }
  });

  it('an arm64-only manifest list on X86_64: the pull finds no match for the platform', () => {
    assert.match(
      String(run('app:arm-list').container.reason),
      /^CannotPullContainerError: .*no match for platform in manifest/,
    );
  });

  it('an arm64 single manifest on X86_64 starts and exits 1 with exec format error; on ARM64 it runs', () => {
    const x86 = run('app:laptop');
    assert.equal(x86.stoppedReason, 'Essential container in task exited');
    assert.equal(x86.container.exitCode, 1);
    const arm = run('app:laptop', { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    assert.equal(arm.stoppedReason, undefined);
    assert.equal(arm.container.lastStatus, 'RUNNING');
  });
});
