/**
 * The published artifact's folder (Zenodo 10.5281/zenodo.8079388): the file names the
 * original's `DataPipeline` reads, and how to recognise such a folder.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The files of the artifact folder, by role, as the original names them. */
export const ARTIFACT_FILES = {
  trainData: 'prod_train_data.hdf',
  testData: 'prod_test_data.hdf',
  trainLabels: 'prod_train_label.csv',
  testLabels: 'prod_test_label.csv',
  /** The CHI-2000 feature list; optional (without it the original extracted MinimalFCParameters). */
  featureList: 'fe_eclipse_tsfresh_raw_CHI_2000.json',
} as const;

/** The four files without which the folder is not an artifact. */
export const REQUIRED_ARTIFACT_FILES = [ARTIFACT_FILES.trainData, ARTIFACT_FILES.testData, ARTIFACT_FILES.trainLabels, ARTIFACT_FILES.testLabels] as const;

/** Paths of the artifact files inside `dir`. */
export function artifactPaths(dir: string): { [K in keyof typeof ARTIFACT_FILES]: string } {
  return Object.fromEntries(Object.entries(ARTIFACT_FILES).map(([role, name]) => [role, join(dir, name)])) as { [K in keyof typeof ARTIFACT_FILES]: string };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The required artifact files that `dir` lacks (all four when `dir` is not a folder). */
export function missingArtifactFiles(dir: string): string[] {
  return REQUIRED_ARTIFACT_FILES.filter((name) => !isFile(join(dir, name)));
}

/**
 * Whether `dir` is a folder in the published artifact's layout: it holds `prod_train_data.hdf`,
 * `prod_test_data.hdf`, `prod_train_label.csv` and `prod_test_label.csv` (the feature list is
 * optional). Synchronous and cheap (four `stat`s): for telling `--data` folders apart.
 */
export function isArtifactDir(dir: string): boolean {
  return missingArtifactFiles(dir).length === 0;
}
