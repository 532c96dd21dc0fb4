import { runQueueContract } from './queue-contract.js';
import { openSqlite } from './sqlite-fixture.js';

runQueueContract('sqlite', openSqlite);
