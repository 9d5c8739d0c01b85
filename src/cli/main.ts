import { Command } from 'commander';
import { serveCommand } from './serve.command.js';
import { migrateCommand } from './migrate.command.js';
import { userCommand } from './user.command.js';
import { catalogueCommand } from './catalogue.command.js';
import { calendarCommand } from './calendar.command.js';
import { transferCommands } from './import.command.js';
import { backupCommand, restoreCommand } from './backup.command.js';
import { seedCommand } from './seed.command.js';
import { classifyCommand } from './classify.command.js';
import { trainCommand } from './train.command.js';
import { hotspotsCommand } from './hotspots.command.js';

const program = new Command('mashangban')
  .description('马上办 Mashangban: closed-loop handling of public requests, projects and supervision')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(userCommand());
program.addCommand(catalogueCommand());
program.addCommand(calendarCommand());
for (const command of transferCommands()) program.addCommand(command);
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(seedCommand());
program.addCommand(trainCommand());
program.addCommand(classifyCommand());
program.addCommand(hotspotsCommand());

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  console.error(e.code ? `${e.code}: ${e.message}` : err);
  process.exit(1);
});
