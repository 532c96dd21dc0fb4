import { relative } from 'node:path';
import type { Check, Problem } from '../types.js';
import type { RdsApi } from '../aws/clients.js';

const DB_TYPES = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']);

/**
 * Every database engine version a CloudFormation template asks for is one RDS offers. An unoffered version (a
 * typo, a minor version RDS has retired) fails the stack only after CloudFormation has created everything before
 * the database, then rolls all of it back; asking DescribeDBEngineVersions takes a second.
 */
const check: Check = {
  id: 'rds-engine-version',
  passes: 'every RDS engine version in the templates is offered',
  targets: ['aws'],
  async run({ stack }) {
    const { readTemplate, resolveString } = await import('../aws/cfn-template.js');
    const wanted = stack.services.flatMap((s) => {
      const cfn = s.cloudformation;
      if (!cfn?.templateBody) return [];
      const template = readTemplate(cfn.templateBody);
      if (!template) return [];
      return Object.entries(template.Resources ?? {}).flatMap(([logicalId, r]) => {
        if (!DB_TYPES.has(r?.Type ?? '')) return [];
        const engine = resolveString(r.Properties?.Engine, template, cfn.parameters);
        const version = resolveString(r.Properties?.EngineVersion, template, cfn.parameters);
        if (!engine || !version) return [];
        return [
          {
            service: s.name,
            file: relative(stack.dir, cfn.templateFile!),
            logicalId,
            type: r.Type!,
            engine: engine.value.toLowerCase(),
            version,
          },
        ];
      });
    });
    if (!wanted.length) return [];
    // Without working credentials every question fails the same way: aws-credentials says so, once.
    const { requireIdentity } = await import('../aws/identity.js');
    await requireIdentity(stack);
    // Loaded lazily: only stacks whose templates name an engine version pay for the SDK.
    const { rdsClient } = await import('../aws/clients.js');
    const { accessProblem } = await import('../aws/access.js');
    const { nearestVersions } = await import('../aws/engine-versions.js');
    const client = await rdsClient(stack.aws?.region);
    const rds = client.api;
    const offeredByEngine = new Map<string, Promise<string[]>>();
    const allOffered = (engine: string) => {
      if (!offeredByEngine.has(engine)) offeredByEngine.set(engine, listVersions(rds, engine));
      return offeredByEngine.get(engine)!;
    };
    const problems: Problem[] = [];
    try {
      for (const w of wanted) {
        // Where the fix goes: the stack file's parameter when it gave the version, else the template field.
        const location = stack.locate(
          w.version.given
            ? ['services', w.service, 'cloudformation', 'parameters', w.version.parameter!]
            : ['services', w.service, 'cloudformation', 'template'],
        );
        const what = `${w.file}: ${w.logicalId} (${w.type}) asks for ${w.engine} ${w.version.value}${w.version.parameter ? ` (parameter ${w.version.parameter})` : ''}`;
        let offered: boolean;
        try {
          const out = await rds.describeDBEngineVersions({
            Engine: w.engine,
            EngineVersion: w.version.value,
          });
          offered = (out.DBEngineVersions ?? []).length > 0;
        } catch (err) {
          const access = accessProblem(err, 'RDS', ['rds:DescribeDBEngineVersions']);
          if (access) return [{ ...access, location }];
          if ((err as Error).name !== 'InvalidParameterValue') throw err;
          problems.push({
            message: `${what}: RDS does not know the engine: ${(err as Error).message}`,
            fix: `use an engine RDS offers (postgres, mysql, mariadb, aurora-postgresql, aurora-mysql, …) in ${w.file}`,
            location,
          });
          continue;
        }
        if (offered) continue;
        const near = nearestVersions(w.engine, w.version.value, await allOffered(w.engine));
        const where = w.version.given
          ? `cloudformation.parameters.${w.version.parameter} of ${w.service}`
          : w.version.parameter
            ? `the Default of parameter ${w.version.parameter} in ${w.file} (or give it in cloudformation.parameters)`
            : `EngineVersion of ${w.logicalId} in ${w.file}`;
        const region = await client.region().catch(() => 'this region');
        problems.push({
          message: `${what}, which RDS does not offer in ${region}`,
          fix: near.length
            ? `set ${where} to an offered version, e.g. ${near.join(', ')} (aws rds describe-db-engine-versions --engine ${w.engine})`
            : `RDS offers no ${w.engine} versions here: check the Engine of ${w.logicalId} in ${w.file}`,
          location,
        });
      }
      return problems;
    } finally {
      client.destroy();
    }
  },
};

async function listVersions(rds: RdsApi, engine: string): Promise<string[]> {
  const versions: string[] = [];
  let marker: string | undefined;
  do {
    const out = await rds.describeDBEngineVersions({ Engine: engine, Marker: marker, MaxRecords: 100 });
    versions.push(...(out.DBEngineVersions ?? []).map((v) => v.EngineVersion ?? '').filter(Boolean));
    marker = out.Marker;
  } while (marker);
  return versions;
}

export default check;
