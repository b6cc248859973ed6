/**
 * The published Prodigy artifact: pandas HDF5 telemetry (fixed and table layouts), the label
 * CSVs, the CHI-2000 feature list. Between telemetry and features: it yields the tidy table and
 * labels the telemetry stage defines and the feature settings the features stage reads.
 */
export { ArtifactInputError, formatArtifactLocation, type ArtifactLocation } from './errors.js';
export { readPickle, isPickledArray, PickleError, type PickleValue, type PickledArray, type PickledDtype, type PickleGlobal } from './python-pickle.js';
export { hasHdf5Signature } from './hdf5.js';
export { nanosecondsToSeconds, type PandasColumn, type PandasFrame, type PandasLayout } from './pandas-frame.js';
export { readPandasFrame, listPandasKeys, type PandasKey } from './read-pandas-frame.js';
export { tidyFromFrame, type PandasHdfRead, type PandasHdfReport } from './tidy-frame.js';
export { readPandasHdf } from './read-pandas-hdf.js';
export { ARTIFACT_FILES, REQUIRED_ARTIFACT_FILES, artifactPaths, isArtifactDir, missingArtifactFiles } from './artifact-dir.js';
export { readArtifactLabels } from './labels.js';
export { loadArtifact, dropRowsWithMissing, type LoadArtifactOptions, type LoadedArtifact, type ArtifactReport } from './load-artifact.js';
