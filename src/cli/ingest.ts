/** `prodigy ingest`: LDMS sampler CSVs -> the tidy telemetry table (CSV). */
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../cli.js';
import { ingestTelemetry } from '../telemetry/ingest.js';
import { writeTidyTable } from '../telemetry/tidy-csv.js';
import { metricColumns } from '../telemetry/tidy-table.js';
import { ArgumentError, type Args } from '../util/args.js';
import { writeFileAtomic } from '../util/atomic.js';

const usage = `usage: prodigy ingest --input DIR --out FILE.csv [--labels FILE] [--report FILE.json]
                      [--counters difference|rate] [--keep-job-zero]

Reads the LDMS meminfo, vmstat and procstat sampler CSVs and writes the tidy table: columns
job_id, component_id, timestamp, then METRIC::SAMPLER, one row per job, node and second.

  --input DIR        a folder of sampler files, or a comma-separated list of folders/files.
                     A file belongs to a sampler when its name contains meminfo, vmstat or
                     procstat as a word (meminfo.csv, node1_vmstat.csv.gz, procstat.1700000000).
                     Both the DSOS export (timestamp, component_id, job_id, app_id, ...) and
                     LDMS store_csv output (#Time, Time_usec, ProducerName, component_id, ...)
                     are read.
  --out FILE.csv     the tidy table (written atomically: nothing is left on failure)
  --labels FILE      a labels CSV (job_id, component_id, app_name, anom_name, binary_anom) to
                     validate and match to the samples; default: labels.csv in the input folder
                     when there is one
  --report FILE.json the ingest report: metric kinds, dropped columns and why, warnings
  --counters MODE    counters as per-interval differences (default) or per-second rates
  --keep-job-zero    keep rows with job_id 0 (LDMS writes 0 when no job runs)`;

export const command: Command = {
  summary: 'read LDMS sampler CSVs into the tidy telemetry table',
  usage,
  async run(args: Args): Promise<number> {
    const inputs = args
      .required('input')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const out = args.required('out');
    let labels = args.string('labels');
    const reportPath = args.string('report');
    const counters = args.string('counters', 'difference');
    if (counters !== 'difference' && counters !== 'rate') throw new ArgumentError(`--counters must be "difference" or "rate", got "${counters}"`);
    const keepJobZero = args.flag('keep-job-zero');
    args.rejectUnknown();
    if (labels === undefined && inputs.length === 1) {
      const candidate = join(inputs[0]!, 'labels.csv');
      if (await exists(candidate)) labels = candidate;
    }

    const { table, report } = await ingestTelemetry(inputs, { counters, keepJobZero, ...(labels !== undefined ? { labels } : {}) });
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (reportPath !== undefined) await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n');
    try {
      await writeTidyTable(table, out);
    } catch (err) {
      if (reportPath !== undefined) await rm(reportPath, { force: true });
      throw err;
    }
    const labelNote = report.labelMatch ? `; labels: ${report.labelMatch.matched} matched, ${report.labelMatch.unlabeled.length} samples unlabelled, ${report.labelMatch.withoutTelemetry.length} labels without telemetry` : '';
    process.stdout.write(
      `wrote ${out}: ${report.rows} rows, ${report.samples} samples (job, node) in ${report.jobs.length} jobs, ${metricColumns(table).length} metric columns (${report.dropped.length} dropped)${labelNote}\n`,
    );
    return 0;
  },
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
