/**
 * Engine versions RDS offered in 2025, from the RDS for PostgreSQL and MySQL release notes and upgrade target
 * tables (docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes, .../MySQLReleaseNotes): PostgreSQL 16 and 17
 * complete, the rest a sample. Enough that a typo, an x.0 (RDS starts at x.1) or a retired minor version such as
 * 14.1 is not offered while its neighbours are.
 */
export const ENGINE_VERSIONS: Record<string, string[]> = {
  postgres: [
    '14.12',
    '14.13',
    '14.15',
    '14.17',
    '14.18',
    '15.7',
    '15.8',
    '15.10',
    '15.12',
    '15.13',
    '16.1',
    '16.2',
    '16.3',
    '16.4',
    '16.5',
    '16.6',
    '16.7',
    '16.8',
    '16.9',
    '17.1',
    '17.2',
    '17.3',
    '17.4',
    '17.5',
  ],
  mysql: ['8.0.36', '8.0.39', '8.0.40', '8.0.41', '8.0.42', '8.4.3', '8.4.4', '8.4.5'],
  mariadb: ['10.6.21', '10.11.11', '11.4.5', '11.4.7'],
  'aurora-postgresql': ['14.15', '15.10', '16.6', '16.8', '17.4'],
  'aurora-mysql': ['8.0.mysql_aurora.3.05.2', '8.0.mysql_aurora.3.08.2', '8.0.mysql_aurora.3.09.0'],
};

/** Engines RDS knows by name; asking about any other is InvalidParameterValue. */
export const KNOWN_ENGINES = new Set([
  ...Object.keys(ENGINE_VERSIONS),
  'aurora',
  'custom-oracle-ee',
  'custom-sqlserver-ee',
  'db2-ae',
  'db2-se',
  'oracle-ee',
  'oracle-ee-cdb',
  'oracle-se2',
  'oracle-se2-cdb',
  'sqlserver-ee',
  'sqlserver-ex',
  'sqlserver-se',
  'sqlserver-web',
]);

const DESCRIPTION: Record<
  string,
  [family: (major: string) => string, engine: string, version: (v: string) => string]
> = {
  postgres: [(m) => `postgres${m}`, 'PostgreSQL', (v) => `PostgreSQL ${v}-R1`],
  mysql: [(m) => `mysql${m}`, 'MySQL Community Edition', (v) => `MySQL ${v}`],
  mariadb: [(m) => `mariadb${m}`, 'MariaDB Community Edition', (v) => `MariaDB ${v}`],
  'aurora-postgresql': [
    (m) => `aurora-postgresql${m}`,
    'Aurora (PostgreSQL)',
    (v) => `Aurora PostgreSQL (Compatible with PostgreSQL ${v})`,
  ],
  'aurora-mysql': [
    (m) => `aurora-mysql${m}`,
    'Aurora MySQL',
    (v) => `Aurora MySQL 3 (compatible with MySQL ${v.split('.mysql_aurora.')[0]})`,
  ],
};

export function majorOf(engine: string, version: string): string {
  const parts = version.split('.');
  return engine.includes('postgres') ? parts[0]! : parts.slice(0, 2).join('.');
}

/** One DBEngineVersion as DescribeDBEngineVersions returns it (the fields people read). */
export function engineVersionView(engine: string, version: string): Record<string, unknown> {
  const major = majorOf(engine, version);
  const [family, name, describe] = DESCRIPTION[engine] ?? [
    (m: string) => `${engine}-${m}`,
    engine,
    (v: string) => v,
  ];
  return {
    Engine: engine,
    EngineVersion: version,
    MajorEngineVersion: major,
    DBParameterGroupFamily: family(major),
    DBEngineDescription: name,
    DBEngineVersionDescription: describe(version),
    Status: 'available',
    SupportsReadReplica: true,
    SupportsLogExportsToCloudwatchLogs: true,
  };
}
