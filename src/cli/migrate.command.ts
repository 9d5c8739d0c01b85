import { Command } from 'commander';
import { withContext } from './shared.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (also done at every start) 执行数据库迁移')
    .action(async () => {
      await withContext(async () => { console.log('Database schema is up to date.'); }, (m) => console.log(m));
    });
}
