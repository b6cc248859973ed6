/** Telemetry: LDMS sampler files -> the tidy table; metric kinds; labels. */
export { TelemetryInputError, formatLocation } from './errors.js';
export { CsvRecordParser, forEachCsvRecord, type CsvRecordVisitor } from './csv-reader.js';
export { parseNumberCell, UNPARSABLE } from './number-cell.js';
export { parseTimestamp, wholeSeconds } from './timestamp.js';
export { SAMPLERS, isSamplerName, samplerOfFileName, type SamplerName, type FileNameMatch } from './samplers.js';
export {
  samplerTableFromArquero,
  samplerRowCount,
  rowLocation,
  NON_METRIC_COLUMNS,
  type SamplerTable,
  type RowOrigin,
} from './sampler-table.js';
export { readSamplerFiles, type SamplerFileShape, type SamplerFileRead } from './sampler-file.js';
export { METRIC_KIND_RULES, findMetricKindRule, type MetricKind, type MetricKindRule } from './metric-kinds.js';
export { inferMetricKind, COUNTER_LEVEL_TO_STEP, type InferredKind } from './kind-inference.js';
export { interpolateGaps } from './interpolate.js';
export { counterDifferences, type CounterMode } from './counter-differences.js';
export { indexSampler, type SamplerIndex, type SampleRows } from './sampler-index.js';
export { buildTidyTable, type TransformOptions, type TransformReport, type TidyResult, type KindDecision } from './transform.js';
export { TIDY_ID_COLUMNS, metricColumns, tidyMetricName, type TidyTable } from './tidy-table.js';
export { readTidyTable, writeTidyTable } from './tidy-csv.js';
export { readTidyColumns, TidyColumns } from './tidy-columns.js';
export { readLabels, LABEL_COLUMNS, HEALTHY_ANOMALY_NAME } from './labels.js';
export { matchLabels, sampleKeys, sampleId, formatSampleKeys, type SampleKey, type LabelMatch } from './label-matching.js';
export { ingestTelemetry, findSamplerFiles, type IngestOptions, type IngestReport, type IngestResult } from './ingest.js';
