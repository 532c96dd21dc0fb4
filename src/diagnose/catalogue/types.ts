import type { EvidenceKind } from '../../core/evidence.js';
import type { Category } from '../types.js';

/**
 * One documented error code (an errno name, a SQLSTATE, an exception class, an AWS error code, a curl exit code…) and
 * the category where its fix usually goes. Entries come from the tools' own error references, not from failure
 * reports, so they reach wordings no report-written rule has seen.
 */
export interface CatalogueEntry {
  /** The code as the tool prints it; matched as a whole token unless `re` is given. */
  code: string;
  category: Category;
  /** What the tool's reference says the code means, as one plain clause ("the disk is full"). */
  meaning: string;
  /** What to change, concretely. */
  fix: string;
  /** When the bare code is too short or too common to stand alone (a SQLSTATE, an HTTP status), the text around it. */
  re?: RegExp;
  /** A line that also matches this does not count. */
  not?: RegExp;
  /** Kinds of evidence the code is read from; every kind when omitted. */
  in?: readonly EvidenceKind[];
  /** A line as the tool prints it with this code, from its documentation; it is the generated rule's example. */
  example: string;
}

export interface Catalogue {
  /** Short id, used in rule ids: `catalogue-<id>-<code>`. */
  id: string;
  /** Whose codes these are, for the finding's sentence ("PostgreSQL", "the Linux kernel"). */
  tool: string;
  /** Where the list is documented. */
  reference: string;
  entries: readonly CatalogueEntry[];
}
