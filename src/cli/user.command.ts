import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { ROLES, type Role } from '../platform/auth/roles.js';
import { findUnitByCode } from '../units/unit.repository.js';
import { createUser } from '../users/user.service.js';
import { explain, withContext } from './shared.js';

export function userCommand(): Command {
  const user = new Command('user').description('Manage users 用户管理');
  user.command('add')
    .description('Add a user to a unit 新增用户')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--name <displayName>', 'name shown in the platform')
    .requiredOption('--unit <code>', 'code of the unit the user belongs to')
    .requiredOption('--roles <list>', `comma-separated roles: ${ROLES.join(', ')}`)
    .option('--password <password>', 'initial password (default: MSB_PASSWORD, else a random one is printed)')
    .action(async (o: { username: string; name: string; unit: string; roles: string; password?: string }) => {
      const roles = o.roles.split(',').map((r) => r.trim()).filter(Boolean);
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length || roles.length === 0) throw new Error(`Unknown roles: ${unknown.join(', ') || '(none given)'}; choose from ${ROLES.join(', ')}`);
      const generated = !o.password && !process.env.MSB_PASSWORD;
      const password = o.password ?? process.env.MSB_PASSWORD ?? `${randomBytes(9).toString('base64url')}7a`;
      await withContext(async (ctx) => {
        const unit = await findUnitByCode(ctx.db, o.unit);
        if (!unit) throw new Error(`No unit with code ${o.unit}`);
        try {
          const created = await createUser(ctx, null, { username: o.username, displayName: o.name, unitId: unit.id, roles: roles as Role[], password });
          console.log(`Created user ${created.username} (#${created.id}) in ${unit.name}.${generated ? ` Password: ${password}` : ''}`);
        } catch (err) {
          throw new Error(explain(err));
        }
      });
    });
  return user;
}
