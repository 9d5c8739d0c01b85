import { Command } from 'commander';
import { formatEvaluation } from '../text/metrics.js';
import { trainServiceModel } from '../text/text.service.js';
import { explain, withContext } from './shared.js';

export function trainCommand(): Command {
  return new Command('train')
    .description('Retrain the service classifier from the tickets\' history (every dispatcher\'s choice and correction) and store it')
    .option('--force', 'put the new model in service even if it measures worse than the current one')
    .action(async (o: { force?: boolean }) => {
      await withContext(async (ctx) => {
        try {
          const r = await trainServiceModel(ctx, null, { force: o.force });
          const m = r.metrics;
          console.log(`Model version ${r.version}: trained on ${r.trainedOn} tickets, ${m.classes} services, in ${m.seconds} s (${(m.bytes / 1024).toFixed(0)} KiB).`);
          if (m.heldOut) console.log(`Held out ${m.heldOut.count} tickets (trained without them):\n${formatEvaluation(m.heldOut)}\ncalibration error ${m.heldOut.calibrationError}`);
          console.log(r.active ? 'In service now: intake uses it for suggestions and automatic assignment.' : `Stored but not in service: ${r.note}`);
        } catch (err) {
          throw new Error(explain(err));
        }
      }, (m) => console.log(m));
    });
}
