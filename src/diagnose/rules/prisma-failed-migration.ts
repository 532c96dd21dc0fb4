import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'prisma-failed-migration',
  category: 'db-migration',
  match: [
    {
      re: /Error: P3009|migrate found failed migrations in the target database(?:[^\n]*?The `(?<migration>[^`]+)` migration)?/,
    },
  ],
  cause:
    'Prisma will not apply new migrations because a previous migration is recorded as failed in the database ({migration|see the log}).',
  fix: 'Inspect what the failed migration left behind, fix the database by hand if needed, then mark it with `prisma migrate resolve --rolled-back <name>` (or `--applied`) and deploy again.',
  confidence: 0.9,
  beats: ['uncaught-exception', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: P3009']],
      [
        [
          'log',
          'migrate found failed migrations in the target database, new migrations will not be applied.',
        ],
      ],
    ],
    noMatch: [[['log', 'All migrations have been successfully applied.']]],
  },
};
export default rule;
