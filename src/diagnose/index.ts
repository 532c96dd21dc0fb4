export { diagnose } from './diagnose.js';
export { localCapture, parseCapture, type Capture, type LocalFailure } from '../core/capture.js';
export { extractEvidence } from './extract.js';
export { RULES } from './rules/index.js';
export { CATEGORIES, type Category, type Finding, type Rule } from './types.js';
export { gatherCapture, publicFinding, stripAnnotations, topFindings, type FailedService } from './gather.js';
