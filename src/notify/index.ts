export { Notifier, type NotifierOptions } from './notifier.js';
export type { NotifyFailure, SenderResult } from './sender.js';
export { signature, signedHeaders, verify as verifyWebhook } from './sign.js';
