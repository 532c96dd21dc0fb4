import { AwsError } from '../core/errors.js';
import { ENGINE_VERSIONS, KNOWN_ENGINES, engineVersionView } from './catalogue.js';

/**
 * The engine versions RDS offers: the built-in catalogue, with engines a scenario names replaced by its list (an
 * empty list: nothing offered). Only DescribeDBEngineVersions' answer is modelled; no instances are created.
 */
export class RdsModel {
  private versions: Record<string, string[]> = { ...ENGINE_VERSIONS };

  configure(engineVersions: Record<string, string[]>): void {
    this.versions = { ...ENGINE_VERSIONS, ...engineVersions };
  }

  describeDBEngineVersions(i: {
    Engine?: string;
    EngineVersion?: string;
    MaxRecords?: number;
    Marker?: string;
  }): { DBEngineVersions: Record<string, unknown>[]; Marker?: string } {
    if (i.Engine && !KNOWN_ENGINES.has(i.Engine) && !(i.Engine in this.versions)) {
      // Wording as RDS reports an unknown engine name elsewhere (DescribeDBInstances filters); unverified here.
      throw new AwsError('InvalidParameterValue', `Unrecognized engine name: ${i.Engine}`);
    }
    const max = i.MaxRecords ?? 100;
    if (max < 20 || max > 100)
      throw new AwsError(
        'InvalidParameterValue',
        `Invalid value ${max} for MaxRecords. Must be between 20 and 100`,
      );
    const all = Object.entries(this.versions)
      .filter(([engine]) => !i.Engine || engine === i.Engine)
      .flatMap(([engine, versions]) => versions.map((v) => ({ engine, v })))
      .filter(({ v }) => !i.EngineVersion || v === i.EngineVersion || v.startsWith(`${i.EngineVersion}.`));
    const start = i.Marker ? Number(i.Marker) : 0;
    const page = all.slice(start, start + max);
    return {
      DBEngineVersions: page.map(({ engine, v }) => engineVersionView(engine, v)),
      ...(start + max < all.length ? { Marker: String(start + max) } : {}),
    };
  }
}
