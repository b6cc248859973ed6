/** `readPandasHdf`: a pandas HDF5 file of the published artifact -> the tidy telemetry table. */
import { readPandasFrame } from './read-pandas-frame.js';
import { tidyFromFrame, type PandasHdfRead } from './tidy-frame.js';

/**
 * Reads the DataFrame under `key` (the only one when omitted) of the pandas HDF5 file at `path`
 * — `fixed` or `table` layout — into the tidy table (`job_id`, `component_id`, `timestamp`,
 * then the `METRIC::SAMPLER` columns, all numeric, rows in file order) and a report (layout,
 * dtypes as stored, missing values per metric). NaN metric values stay NaN. Errors are
 * {@link ArtifactInputError}s naming file, key, column and row.
 */
export async function readPandasHdf(path: string, key?: string): Promise<PandasHdfRead> {
  return tidyFromFrame(await readPandasFrame(path, key));
}
