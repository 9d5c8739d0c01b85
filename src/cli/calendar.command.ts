import fs from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { DAY_KINDS, type DayKind, type WorkCalendar } from '../calendar/calendar.js';
import {
  calendarWarnings, getCalendar, importYearFile, loadYearFromPackage, removeOverride, setOverride,
} from '../calendar/calendar.service.js';
import { minutesToClock, WEEKDAYS_ZH } from '../calendar/calendar.format.js';
import { dayRuns, describeYear, type CalendarWarning, type YearDescription } from '../calendar/calendar.describe.js';
import { DomainError, errorBody } from '../platform/errors.js';
import { withContext } from './shared.js';

const KIND_LABELS: Record<DayKind, string> = {
  holiday: '放假 holiday',
  adjusted_workday: '调休上班 make-up workday',
  workday: '上班 workday',
  weekend: '休息 weekend',
};

function yearArgument(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new InvalidArgumentError('expected a year such as 2027');
  return Number(text);
}

function kindArgument(text: string): DayKind {
  const kind = DAY_KINDS.find((k) => k === text);
  if (!kind) throw new InvalidArgumentError(`expected one of ${DAY_KINDS.join(', ')}`);
  return kind;
}

export function formatWarnings(warnings: readonly CalendarWarning[]): string[] {
  return warnings.map((w) => `⚠ ${w.message}\n  ${w.message_en}`);
}

/** `calendar show`: the year's holidays and make-up working days by month, as an admin checks them against the notice. */
export function formatYear(d: YearDescription, cal: WorkCalendar): string[] {
  const lines = [`${d.year} 年节假日安排 / ${d.year} holiday schedule — source ${d.source}, calendar version ${cal.version}`];
  for (const m of d.months) {
    lines.push(`${String(m.month).padStart(2)} 月  工作日 working days: ${m.workingDays}`);
    for (const run of dayRuns(m.days)) {
      const first = m.days.find((x) => x.date === run.from)!;
      const span = run.count === 1 ? `${run.from} (${WEEKDAYS_ZH[first.weekday]})` : `${run.from} – ${run.to.slice(5)}`;
      const overridden = first.override ? ' [本地设置 local override]' : '';
      lines.push(`    ${span}  ${run.name}${run.count > 1 ? ` ${run.count} 天 days` : ''}  ${KIND_LABELS[run.kind]}${overridden}`);
    }
  }
  lines.push(`全年工作日 / working days in ${d.year}: ${d.workingDays}`);
  lines.push(`办公时间 / office hours: ${cal.officeHours.periods.map((p) => `${minutesToClock(p.start)}–${minutesToClock(p.end)}`).join(', ')}`);
  return lines;
}

/** A refusal is printed for the person at the terminal (both languages) and fails the command, without a stack trace. */
async function orExplain<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const body = errorBody(err.code, err.details, err.detailZh, err.detailEn);
    console.error(`${err.code}: ${body.message}\n  ${body.message_en}`);
    process.exitCode = 1;
    return undefined;
  }
}

export function calendarCommand(): Command {
  const calendar = new Command('calendar').description('Working-day calendar: holidays, adjusted working days, overrides 工作日历');

  calendar.command('show')
    .description('Print a year\'s holidays and adjusted working days by month, and its working days 查看年度节假日安排')
    .argument('<year>', 'the year, e.g. 2026', yearArgument)
    .action(async (year: number) => {
      await withContext(async (ctx) => {
        const cal = await getCalendar(ctx.db);
        if (cal.loadedYears.includes(year)) {
          console.log(formatYear(describeYear(cal, year), cal).join('\n'));
        } else {
          console.log(`⚠ ${year} 年节假日安排尚未加载，不能按工作日计算时限 / The ${year} holiday schedule is not loaded; working days cannot be counted.`);
          console.log(`  mashangban calendar load ${year}            (from chinese-days, if it has ${year})`);
          console.log(`  mashangban calendar load ${year} --file F   (year=${year} then one "date,kind,name" line per day)`);
          process.exitCode = 1;
        }
        for (const line of formatWarnings(await calendarWarnings(ctx, ctx.clock.now()))) console.log(line);
      });
    });

  calendar.command('load')
    .description('Load or replace a year from chinese-days, or from an import file 加载年度安排')
    .argument('<year>', 'the year, e.g. 2027', yearArgument)
    .option('--file <path>', 'schedule file: year=YYYY, then lines "YYYY-MM-DD,kind,name" (kind: holiday or adjusted_workday…)')
    .action(async (year: number, o: { file?: string }) => {
      const text = o.file === undefined ? undefined : await fs.readFile(o.file, 'utf8');
      await withContext(async (ctx) => {
        const r = await orExplain(() => (text === undefined ? loadYearFromPackage(ctx, null, year) : importYearFile(ctx, null, year, text)));
        if (!r) return;
        const d = describeYear(await getCalendar(ctx.db), year);
        console.log(`Loaded ${year} from ${text === undefined ? 'chinese-days' : o.file}: ${d.workingDays} working days; calendar version ${r.version}. 已加载。`);
      });
    });

  calendar.command('override')
    .description('Set (or with --remove, cancel) a local decision for one date: a late holiday, a local day off 单独设置某一天')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('[kind]', `${DAY_KINDS.join(' | ')}`, kindArgument)
    .argument('[name]', 'what the day is, e.g. 区运动会')
    .option('--remove', 'remove the override of that date')
    .action(async (date: string, kind: DayKind | undefined, name: string | undefined, o: { remove?: boolean }) => {
      if (!o.remove && (kind === undefined || name === undefined)) throw new Error('Give KIND and NAME, or --remove');
      await withContext(async (ctx) => {
        if (o.remove) {
          const r = await orExplain(() => removeOverride(ctx, null, date));
          if (r) console.log(`Removed the override of ${date}; calendar version ${r.version}. 已取消。`);
        } else {
          const r = await orExplain(() => setOverride(ctx, null, { date, kind: kind!, name: name! }));
          if (r) console.log(`${date} is now ${r.override.kind} (${r.override.name}); calendar version ${r.version}. 已设置。`);
        }
      });
    });

  return calendar;
}
