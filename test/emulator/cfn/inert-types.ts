import type { HandlerEnv } from './resources.js';

/**
 * What the emulator knows of resource types it does not act on: which property changes replace the resource (the
 * CloudFormation template reference's "Update requires: Replacement"), and IDs and attributes shaped like the real
 * ones, so a template's Outputs resolve to plausible values. The property lists are a subset written from the
 * template reference's "Update requires" lines as remembered: unverified, each of them.
 */

interface TypeRules {
  /** A change of one of these replaces the resource: Replacement True. */
  replaceOn: string[];
  /** A change of one of these may replace it (RequiresRecreation Conditionally): Replacement Conditional. */
  replaceMaybe?: string[];
}

export const INERT_TYPES: Record<string, TypeRules> = {
  // unverified: an engine change across families, or a new identifier, replaces the instance.
  'AWS::RDS::DBInstance': {
    replaceOn: ['DBInstanceIdentifier', 'DBName', 'Engine', 'MasterUsername', 'StorageEncrypted', 'KmsKeyId'],
    replaceMaybe: ['DBSnapshotIdentifier', 'AvailabilityZone'], // unverified
  },
  'AWS::RDS::DBCluster': { replaceOn: ['DBClusterIdentifier', 'Engine', 'DatabaseName', 'StorageEncrypted'] }, // unverified
  'AWS::DynamoDB::Table': { replaceOn: ['TableName', 'KeySchema'] }, // unverified
  'AWS::S3::Bucket': { replaceOn: ['BucketName'] }, // unverified
  'AWS::EFS::FileSystem': { replaceOn: ['Encrypted', 'KmsKeyId', 'PerformanceMode', 'AvailabilityZoneName'] }, // unverified
  'AWS::ElastiCache::CacheCluster': { replaceOn: ['ClusterName', 'Engine', 'CacheSubnetGroupName', 'Port'] }, // unverified
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { replaceOn: ['Name', 'Scheme', 'Type'] }, // unverified
  'AWS::ElasticLoadBalancingV2::TargetGroup': {
    replaceOn: ['Name', 'Port', 'Protocol', 'TargetType', 'VpcId'], // unverified
  },
  'AWS::EC2::VPC': { replaceOn: ['CidrBlock', 'InstanceTenancy'] }, // unverified
  'AWS::EC2::Subnet': { replaceOn: ['CidrBlock', 'VpcId', 'AvailabilityZone'] }, // unverified
  'AWS::EC2::SecurityGroup': { replaceOn: ['GroupDescription', 'GroupName', 'VpcId'] }, // unverified
};

/** EC2's `subnet-` + 17 hex digits form; the names other types' Ref returns. */
const EC2_PREFIX: Record<string, string> = {
  'AWS::EC2::VPC': 'vpc',
  'AWS::EC2::Subnet': 'subnet',
  'AWS::EC2::SecurityGroup': 'sg',
  'AWS::EC2::InternetGateway': 'igw',
  'AWS::EC2::RouteTable': 'rtb',
};

type Props = Record<string, unknown>;

/** The physical ID (what Ref returns) and attributes (what GetAtt reads) of a new resource of an inert type. */
export function inertIdentity(
  env: HandlerEnv,
  props: Props,
): { physicalId: string; attrs: Record<string, string> } {
  const prefix = EC2_PREFIX[env.type];
  if (prefix) {
    const id = `${prefix}-${env.rng.hex(17)}`;
    const attrs: Record<string, string> =
      env.type === 'AWS::EC2::SecurityGroup'
        ? { GroupId: id }
        : env.type === 'AWS::EC2::Subnet'
          ? { SubnetId: id }
          : {};
    if (env.type === 'AWS::EC2::VPC') attrs.VpcId = id;
    return { physicalId: id, attrs };
  }
  if (env.type === 'AWS::RDS::DBInstance') {
    const id = String(
      props.DBInstanceIdentifier ?? `${env.stackName}-${env.logicalId}-${env.rng.alnum(12)}`,
    ).toLowerCase();
    const port = String(props.Port ?? (/mysql|maria/i.test(String(props.Engine ?? '')) ? 3306 : 5432));
    return {
      physicalId: id,
      attrs: {
        'Endpoint.Address': `${id}.c${env.rng.alnum(11).toLowerCase()}.${env.ctx.region}.rds.amazonaws.com`,
        'Endpoint.Port': port,
        DBInstanceArn: `arn:aws:rds:${env.ctx.region}:${env.ctx.accountId}:db:${id}`,
      },
    };
  }
  return { physicalId: `${env.stackName}-${env.logicalId}-${env.rng.upper(12)}`, attrs: {} };
}
