import aws from './aws.js';
import errno from './errno.js';
import exceptions from './exceptions.js';
import exits from './exits.js';
import datastores from './datastores.js';
import network from './network.js';
import sql from './sql.js';
import type { Catalogue } from './types.js';

export { catalogueRules, CATALOGUE_CONFIDENCE } from './rules.js';
export type { Catalogue, CatalogueEntry } from './types.js';

/** Every documented error catalogue, registered in one place. */
export const CATALOGUES: readonly Catalogue[] = [
  ...errno,
  ...sql,
  ...exceptions,
  ...aws,
  ...datastores,
  ...network,
  ...exits,
];
