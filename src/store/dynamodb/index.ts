export { openDynamoStore, dynamoClient, type DynamoStore, type DynamoStoreOptions } from './dynamo-store.js';
export type { FencingMode } from './fence.js';
export {
  initDynamoTable,
  TTL_ATTRIBUTE,
  type InitDynamoTableOptions,
  type InitDynamoTableResult,
} from './init.js';
