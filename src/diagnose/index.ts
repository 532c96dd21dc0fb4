export { diagnose } from './diagnose.js';
export { parseCapture, type Capture } from './schema.js';
export { localCapture, type LocalFailure } from './local.js';
export { extractEvidence } from './extract.js';
export { RULES } from './rules/index.js';
export { CATEGORIES, type Category, type Finding, type Rule } from './types.js';
export { gatherCapture, publicFinding, stripAnnotations, topFindings, type FailedService } from './gather.js';
