import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { CalendarYearMissingError, DEFAULT_OFFICE_HOURS, type OfficeHours } from './calendar.js';
import { formatScheduleFile } from './calendar.holidays.js';
import { tryParseLocalDate } from './calendar.dates.js';
import {
  CalendarReply, DateParams, DeadlineQuery, DeadlineReply, ImportBody, LoadYearBody, OfficeHoursBody, OfficeHoursReply,
  OverrideBody, OverrideReply, VersionQuery, VersionReply, YearParams, YearReply,
} from './calendar.schema.js';
import * as repo from './calendar.repository.js';
import {
  getCalendar, importYearFile, loadYear, loadYearFromPackage, removeOverride, setOfficeHours, setOverride,
} from './calendar.service.js';
import { clockToMinutes, formatShanghai, minutesToClock } from './calendar.format.js';
import { describeYear, yearWarnings } from './calendar.describe.js';
import { explainDeadline } from './calendar.deadline.js';

const tags = ['calendar'];
const periodsOut = (h: OfficeHours) => h.periods.map((p) => ({ start: minutesToClock(p.start), end: minutesToClock(p.end) }));

/** A start without an offset is Shanghai wall-clock time, as staff read it off a ticket. */
function parseStart(text: string): Date {
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(text);
  const start = new Date(`${text.replace(' ', 'T')}${hasOffset ? '' : '+08:00'}`);
  if (Number.isNaN(start.getTime()) || tryParseLocalDate(text.slice(0, 10)) === undefined) {
    throw new DomainError('VALIDATION_FAILED', { field: 'start' }, `起算时刻无效：${text}`, `invalid start: ${text}`);
  }
  return start;
}

// The calendar is read by everyone who counts a deadline; only admins change it.
export async function calendarRoutes(parent: App, ctx: AppContext): Promise<void> {
  // Own scope, so that the text/csv parser for imports does not leak into (or clash with) other features.
  await parent.register(async (scope) => {
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();
    if (!app.hasContentTypeParser('text/csv')) {
      app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    }

    const yearReply = async (year: number) => {
      const cal = await getCalendar(ctx.db);
      return { ...describeYear(cal, year), version: Number(cal.version) };
    };

    app.get('/calendar', {
      config: { access: 'authenticated' },
      schema: { tags, summary: '工作日历概况：已加载年度、办公时间、单独设置与提醒 Calendar overview', response: { 200: CalendarReply } },
    }, async () => {
      const [version, years, overrides, hours] = await Promise.all([
        repo.readVersion(ctx.db), repo.listYears(ctx.db), repo.listOverrides(ctx.db), repo.readOfficeHours(ctx.db),
      ]);
      return {
        version,
        years: years.map((y) => ({ ...y, loadedAt: y.loadedAt.toISOString() })),
        officeHours: { periods: periodsOut(hours ?? DEFAULT_OFFICE_HOURS), isDefault: hours === undefined },
        overrides: overrides.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
        warnings: yearWarnings(years.map((y) => y.year), ctx.clock.now()),
      };
    });

    app.get('/calendar/years/:year', {
      config: { access: 'authenticated' },
      schema: { tags, summary: '某年度节假日与调休安排（按月）及工作日数 A year by month', params: YearParams, response: { 200: YearReply } },
    }, async (req) => yearReply(req.params.year));

    app.put('/calendar/years/:year', {
      config: { access: ['admin'] },
      schema: {
        tags, summary: '加载或替换某年度安排（逐日录入或取内置 chinese-days 数据）Load or replace a year', params: YearParams, body: LoadYearBody, response: { 200: YearReply },
      },
    }, async (req) => {
      const { year } = req.params;
      const options = { expectedVersion: req.body.version };
      if ('source' in req.body) await loadYearFromPackage(ctx, req.actor, year, options);
      else await loadYear(ctx, req.actor, { year, source: 'admin', days: req.body.days }, options);
      return yearReply(year);
    });

    app.post('/calendar/years/:year/import', {
      config: { access: ['admin'] },
      schema: {
        tags, summary: '导入某年度安排文件（text/plain 或 text/csv）Import a year schedule file', consumes: ['text/plain', 'text/csv'],
        params: YearParams, querystring: VersionQuery, body: ImportBody, response: { 200: YearReply },
      },
    }, async (req) => {
      await importYearFile(ctx, req.actor, req.params.year, req.body, { expectedVersion: req.query.version });
      return yearReply(req.params.year);
    });

    app.get('/calendar/years/:year/export', {
      config: { access: 'authenticated' },
      schema: { tags, summary: '导出某年度安排文件（可再导入）Export a year as an import file', params: YearParams, produces: ['text/plain'] },
    }, async (req, reply) => {
      const { year } = req.params;
      const schedule = await repo.findYear(ctx.db, year);
      if (!schedule) throw new CalendarYearMissingError(year);
      // Overrides are listed as comments: they stay local decisions and are not imported into the year.
      const local = (await repo.listOverrides(ctx.db)).filter((o) => o.date.startsWith(`${year}-`));
      const notes = local.map((o) => `# override (not imported): ${o.date},${o.kind},${o.name}\n`).join('');
      void reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="calendar-${year}.txt"`);
      return formatScheduleFile(schedule) + notes;
    });

    app.put('/calendar/overrides/:date', {
      config: { access: ['admin'] },
      schema: { tags, summary: '单独设置某一天（临时放假、本地调休等）Override one date', params: DateParams, body: OverrideBody, response: { 200: OverrideReply } },
    }, async (req) => {
      const { override, version } = await setOverride(ctx, req.actor, { date: req.params.date, kind: req.body.kind, name: req.body.name }, { expectedVersion: req.body.version });
      return { ...override, createdAt: override.createdAt.toISOString(), version };
    });

    app.delete('/calendar/overrides/:date', {
      config: { access: ['admin'] },
      schema: { tags, summary: '取消某一天的单独设置 Remove an override', params: DateParams, querystring: VersionQuery, response: { 200: VersionReply } },
    }, async (req) => removeOverride(ctx, req.actor, req.params.date, { expectedVersion: req.query.version }));

    app.put('/calendar/office-hours', {
      config: { access: ['admin'] },
      schema: { tags, summary: '设置办公时间 Set office hours', body: OfficeHoursBody, response: { 200: OfficeHoursReply } },
    }, async (req) => {
      const periods = req.body.periods.map((p) => ({ start: clockToMinutes(p.start) ?? NaN, end: clockToMinutes(p.end) ?? NaN }));
      const saved = await setOfficeHours(ctx, req.actor, { periods }, { expectedVersion: req.body.version });
      return { periods: periodsOut(saved.officeHours), version: saved.version };
    });

    app.get('/calendar/deadline', {
      config: { access: 'authenticated' },
      schema: { tags, summary: '时限计算器：给出截止时间并说明计算过程 Deadline calculator with an explanation', querystring: DeadlineQuery, response: { 200: DeadlineReply } },
    }, async (req) => {
      const { amount, unit, natural } = req.query;
      const start = parseStart(req.query.start);
      const answer = explainDeadline(await getCalendar(ctx.db), { start, amount, unit, natural });
      return {
        ...answer,
        start: start.toISOString(),
        deadline: answer.deadline.toISOString(),
        deadlineLocal: formatShanghai(answer.deadline, unit === 'calendar_days').text,
      };
    });
  });
}
