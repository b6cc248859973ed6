/** The model stage: backend choice, scaler, VAE, training (here or in workers), errors, thresholds, files. */
export { useBestBackend, activeBackend, type BackendName, type BackendReport } from './backend.js';
export { MinMaxScaler, type MinMaxScalerJson, type MinMaxScalerOptions } from './scaler.js';
export { toMatrix, assertFinite, type NumericMatrix, type MatrixInput } from './matrix.js';
export { resolveVaeConfig, type VaeOptions, type VaeConfig, type EarlyStopping } from './vae-config.js';
export { VaeWeights, PARAMETER_NAMES, parameterShapes, type ParameterName, type VaeDims } from './vae-weights.js';
export { forwardPass, vaeLoss, lossAndGradients, type ForwardPass, type LossAndGradients } from './vae-step.js';
export { Adam, type AdamOptions } from './adam.js';
export { VaeEngine } from './vae-engine.js';
export { trainVae, validationStart, type EpochLog, type StopReason, type TrainingHistory, type TrainingHooks } from './train-vae.js';
export { Vae } from './vae.js';
export { trainInWorker, fitVaeInWorker, closeIdleWorkers, type WorkerTrainingResult, type WorkerTrainingOptions } from './train-worker.js';
export { absoluteErrors, reconstructionErrors, rowMeans } from './errors.js';
export { percentile, computeThreshold, predictLabels, DEFAULT_THRESHOLD_RULE, type ThresholdRule } from './threshold.js';
export { modelFolder, MODEL_JSON, WEIGHTS_BIN } from './model-files.js';
export { saveVae, loadVae, toLayersModels, ProdigySampling, LAYER_NAMES, type VaeLayersModels } from './layers-model.js';
export { fitModel, scoreMatrix, alignAndScale, type FitOptions, type FittedModel, type ScoringModel, type Scores } from './pipeline.js';
export { explainContributions, explainMatrix, metricOfFeature, formatTopMetrics, type Explanation, type FeatureContribution, type MetricContribution, type ExplainOptions, type ExplainMatrixOptions } from './explain.js';
export {
  AnomalyDetector, readTelemetry, healthyRows, DETECTOR_FORMAT_VERSION, PREDICTION_COLUMNS, SCALER_JSON, DEPLOYMENT_METADATA_JSON,
  type TelemetryInput, type DetectorFitOptions, type DetectorPredictOptions, type PredictionRow, type Predictions, type TrainingSummary,
} from './detector.js';
