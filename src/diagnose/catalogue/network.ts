import type { Catalogue } from './types.js';

/** Filled in by this session's catalogue writers. */
const catalogues: readonly Catalogue[] = [];
export default catalogues;
