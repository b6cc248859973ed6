/**
 * The artifact's labels: `prod_train_label.csv` and `prod_test_label.csv` joined as the
 * original does (`pd.concat([y_train, y_test])`: train rows, then test rows). Each file is read
 * and validated by the telemetry stage's `readLabels` (the unnamed index column pandas writes is
 * skipped).
 */
import type { ColumnTable } from 'arquero';
import { readLabels } from '../telemetry/labels.js';
import { formatSampleKeys, sampleKeys, type SampleKey } from '../telemetry/label-matching.js';
import { artifactPaths } from './artifact-dir.js';
import { ArtifactInputError } from './errors.js';
import { sampleId } from '../telemetry/label-matching.js';

/**
 * Reads and joins the train and test label files of the artifact folder `dir` into one labels
 * table (`job_id`, `component_id`, `app_name`, `anom_name`, `binary_anom`; train rows first).
 * Throws an {@link ArtifactInputError} when a sample is labelled in both files (the original's
 * index would then hold it twice and its split would break), naming the samples; a
 * `TelemetryInputError` for a malformed file.
 */
export async function readArtifactLabels(dir: string): Promise<ColumnTable> {
  const paths = artifactPaths(dir);
  const train = await readLabels(paths.trainLabels);
  const test = await readLabels(paths.testLabels);
  const key = (k: SampleKey) => sampleId(k.job_id, k.component_id);
  const inTrain = new Set(sampleKeys(train).map(key));
  const twice = sampleKeys(test).filter((k) => inTrain.has(key(k)));
  if (twice.length > 0) {
    throw new ArtifactInputError(`${twice.length} sample(s) are labelled both here and in ${paths.trainLabels}: ${formatSampleKeys(twice)}`, paths.testLabels);
  }
  return train.concat(test);
}
