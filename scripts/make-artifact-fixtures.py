#!/usr/bin/python3
"""Writes the fixtures of the artifact reader (test/fixtures/artifact/).

Run from the repository root with Debian's Python (pandas 1.5, PyTables 3.7):

    /usr/bin/python3 scripts/make-artifact-fixtures.py

It writes

* small pandas HDF5 files, one per layout and id type (`layouts/*.hdf`), each with
  `layouts/<name>.expected.csv`: the tidy table a reader must return (ids and timestamps as
  numbers, NaN as an empty field), written from the same DataFrame;
* files that a reader must refuse (`errors/*.hdf`), listed in `errors/expected.json` with the
  words the error must contain;
* `prodigy-mini/`: a scaled-down copy of the published Zenodo artifact, in its exact layout
  (`prod_train_data.hdf`, `prod_test_data.hdf`, `prod_train_label.csv`, `prod_test_label.csv`,
  `fe_eclipse_tsfresh_raw_CHI_2000.json`), its data simulated by this project's simulator and
  ingested by its telemetry stage, plus `expected/` beside it (outside the folder, so the folder
  holds only what the artifact holds): per-file column summaries and the exact feature names
  the CHI list asks for.

The same simulator seed gives the same values; the HDF5 files record object times, so their
bytes change from run to run while the CSV and JSON files are reproduced byte for byte.
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
import tables

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "artifact")
ID_COLUMNS = ["job_id", "component_id", "timestamp"]
SEED = 11

# The metrics the scaled-down artifact keeps (the published one has all of Eclipse's).
ARTIFACT_METRICS = [
    "MemFree::meminfo",
    "Active(anon)::meminfo",
    "AnonPages::meminfo",
    "Committed_AS::meminfo",
    "nr_free_pages::vmstat",
    "pgfault::vmstat",
    "user::procstat",
    "procs_running::procstat",
]
# Stored as int64 (a second block in the fixed layout), as pandas keeps whole-number columns.
INTEGER_METRICS = ["procs_running::procstat"]

# The CHI-style feature list: a handful of features, with float parameters (0.0, 0.5, 1.0)
# whose spelling must survive into the names.
CHI_LIST = {
    "MemFree::meminfo": {
        "mean": None,
        "quantile": [{"q": 0.5}],
        "change_quantiles": [{"f_agg": "mean", "isabs": False, "qh": 1.0, "ql": 0.0}],
    },
    "Active(anon)::meminfo": {
        "linear_trend": [{"attr": "slope"}],
        "fft_coefficient": [{"attr": "abs", "coeff": 1}],
    },
    "pgfault::vmstat": {
        "maximum": None,
        "agg_linear_trend": [{"attr": "slope", "chunk_len": 5, "f_agg": "max"}],
    },
    "user::procstat": {
        "standard_deviation": None,
        "ratio_beyond_r_sigma": [{"r": 0.5}],
    },
}


def tsfresh_name(kind, calculator, params):
    """tsfresh's column name: kind__calculator[__key_value...], keys sorted, strings quoted."""
    if params is None:
        return f"{kind}__{calculator}"
    parts = [f'{k}_"{v}"' if isinstance(v, str) else f"{k}_{v}" for k, v in sorted(params.items())]
    return "__".join([kind, calculator] + parts)


def chi_feature_names():
    names = []
    for kind, calculators in CHI_LIST.items():
        for calculator, param_list in calculators.items():
            if param_list is None:
                names.append(tsfresh_name(kind, calculator, None))
            else:
                names.extend(tsfresh_name(kind, calculator, p) for p in param_list)
    return names


def tidy_expected(df):
    """The tidy table a reader must return: ids and timestamp as numbers, metrics as float."""
    out = pd.DataFrame(index=range(len(df)))
    for column in df.columns:
        values = df[column].to_numpy()
        if column == "timestamp" and np.issubdtype(values.dtype, np.datetime64):
            out[column] = values.astype("datetime64[ns]").astype("int64") / 1e9
        else:
            out[column] = pd.to_numeric(pd.Series(values), errors="raise").astype("float64").to_numpy()
    return out


def repack_small(path):
    """Rewrites `path` with PyTables' ptrepack and 16-row chunks: a fixed-layout object block is a
    VLArray whose default chunk reserves 1 MB, a table's chunk ~70 kB; the copy holds the same
    nodes, attributes and values (pandas reads it back unchanged), only the chunking differs."""
    tmp = path + ".repack"
    subprocess.run(["ptrepack", "-o", "--chunkshape=16", f"{path}:/", f"{tmp}:/"], check=True)
    os.replace(tmp, path)


def write_frame(df, path, key, **kwargs):
    """`df.to_hdf(path, key, **kwargs)`, repacked to small chunks."""
    df.to_hdf(path, key=key, **kwargs)
    repack_small(path)


def write_expected_csv(df, path):
    tidy_expected(df).to_csv(path, index=False, float_format="%.17g", na_rep="")


def layout_frame(string_ids, int_metric=True):
    """9 rows: 3 samples (2 jobs x nodes) x 3 seconds, one metric value missing."""
    jobs = [3282885, 3282885, 3282885, 3282885, 3282885, 3282885, 3282904, 3282904, 3282904]
    nodes = [1187, 1187, 1187, 253, 253, 253, 1187, 1187, 1187]
    stamps = [1614556801, 1614556802, 1614556803] * 3
    df = pd.DataFrame({
        "job_id": [str(j) for j in jobs] if string_ids else np.array(jobs, dtype="int64"),
        "component_id": [str(n) for n in nodes] if string_ids else np.array(nodes, dtype="int64"),
        "timestamp": np.array(stamps, dtype="int64"),
        "MemFree::meminfo": [1.25e8, 1.2499e8, np.nan, 1.1e8, 1.09e8, 1.08e8, 9.5e7, 9.4e7, 9.3e7],
        "pgfault::vmstat": [1520.0, 1777.5, 1602.0, 0.0, 3.0, 7.25, 1e-3, 2.5e10, 42.0],
    })
    if int_metric:
        df["procs_running::procstat"] = np.array([36, 37, 35, 1, 2, 36, 72, 71, 70], dtype="int64")
    return df


def write_layouts():
    folder = os.path.join(OUT, "layouts")
    os.makedirs(folder, exist_ok=True)
    cases = {
        "fixed_string_ids": dict(frame=layout_frame(True), format="fixed"),
        "fixed_int_ids": dict(frame=layout_frame(False), format="fixed"),
        "table_string_ids": dict(frame=layout_frame(True), format="table"),
        "table_int_ids": dict(frame=layout_frame(False), format="table"),
        "table_data_columns": dict(frame=layout_frame(True), format="table", data_columns=["job_id", "component_id", "timestamp"]),
    }
    dt = layout_frame(False, int_metric=False)
    dt["timestamp"] = pd.to_datetime(dt["timestamp"], unit="s")
    cases["fixed_datetime"] = dict(frame=dt, format="fixed")
    cases["table_datetime"] = dict(frame=dt, format="table")
    # A float32 metric and the columns in a shuffled order (pandas keeps column order).
    mixed = layout_frame(False)
    mixed["pgfault::vmstat"] = mixed["pgfault::vmstat"].astype("float32")
    mixed = mixed[["MemFree::meminfo", "job_id", "pgfault::vmstat", "timestamp", "component_id", "procs_running::procstat"]]
    cases["fixed_float32_reordered"] = dict(frame=mixed, format="fixed")
    cases["table_float32_reordered"] = dict(frame=mixed, format="table")
    for name, case in cases.items():
        path = os.path.join(folder, f"{name}.hdf")
        if os.path.exists(path):
            os.remove(path)
        kwargs = {k: v for k, v in case.items() if k != "frame"}
        write_frame(case["frame"], path, "telemetry", mode="w", **kwargs)
        expected = case["frame"]
        if expected["pgfault::vmstat"].dtype == np.float32:
            expected = expected.copy()
            expected["pgfault::vmstat"] = expected["pgfault::vmstat"].astype("float64")
        write_expected_csv(expected, os.path.join(folder, f"{name}.expected.csv"))
    # Two frames in one file: the key must be given.
    path = os.path.join(folder, "two_keys.hdf")
    if os.path.exists(path):
        os.remove(path)
    layout_frame(False).to_hdf(path, key="train", mode="w")
    layout_frame(True).iloc[:3].to_hdf(path, key="test", format="table")
    repack_small(path)
    write_expected_csv(layout_frame(False), os.path.join(folder, "two_keys.train.expected.csv"))
    write_expected_csv(layout_frame(True).iloc[:3], os.path.join(folder, "two_keys.test.expected.csv"))


def write_errors():
    folder = os.path.join(OUT, "errors")
    os.makedirs(folder, exist_ok=True)
    expected = {}

    def fresh(name):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            os.remove(path)
        return path

    path = fresh("not_pandas.hdf")
    with tables.open_file(path, "w") as h5:
        h5.create_array("/", "readings", np.arange(6, dtype="float64").reshape(3, 2))
    expected["not_pandas.hdf"] = ["not a pandas", "readings"]

    path = fresh("series.hdf")
    pd.Series([1.0, 2.0, 3.0], name="MemFree::meminfo").to_hdf(path, key="telemetry")
    expected["series.hdf"] = ["series", "DataFrame"]

    path = fresh("missing_timestamp.hdf")
    write_frame(layout_frame(True).drop(columns=["timestamp"]), path, "telemetry")
    expected["missing_timestamp.hdf"] = ["timestamp", "missing"]

    path = fresh("complex_metric.hdf")
    df = layout_frame(False)
    df["pgfault::vmstat"] = df["pgfault::vmstat"].astype("complex128")
    df.to_hdf(path, key="telemetry")
    expected["complex_metric.hdf"] = ["complex", "pgfault::vmstat"]

    path = fresh("text_ids.hdf")
    df = layout_frame(True)
    df.loc[4, "component_id"] = "node-253"
    write_frame(df, path, "telemetry")
    expected["text_ids.hdf"] = ["component_id", "node-253"]

    path = fresh("blosc_table.hdf")
    layout_frame(False).to_hdf(path, key="telemetry", format="table", complib="blosc", complevel=5)
    expected["blosc_table.hdf"] = ["blosc"]

    with open(os.path.join(folder, "expected.json"), "w") as fp:
        json.dump(expected, fp, indent=2, sort_keys=True)
        fp.write("\n")


# 40 healthy samples: the original's smallest training set (expConfig 5 holds out 95% of the
# healthy samples, sklearn rounding the test share up) then keeps 2, enough for Keras'
# validation_split=0.1 to leave a training row, as the published 80 keep 4.
SIMULATE_JS = r"""
import { simulateTelemetry } from './src/simulate/index.ts';
import { writeTidyTable } from './src/telemetry/index.ts';
import { writeFile } from 'node:fs/promises';
const [seed, tidyPath, labelsPath] = process.argv.slice(1);
const preset = {
  name: 'artifact-mini',
  description: '4 apps x (5 healthy + 2 memleak) runs x 2 nodes, 50-70 s',
  apps: ['lammps', 'sw4', 'sw4lite', 'exa'],
  healthyRunsPerApp: 5,
  anomalousRuns: [{ anomaly: 'memleak', runsPerApp: 2, nodes: 'all' }],
  nodesPerJob: 2,
  durationS: [50, 70],
  nodePool: 8,
  dropRate: 0,
};
const { table, labels } = simulateTelemetry({ preset, seed: Number(seed) });
await writeTidyTable(table, tidyPath);
const rows = labels.objects().map((r) => [r.job_id, r.component_id, r.app_name, r.anom_name, r.binary_anom].join(','));
await writeFile(labelsPath, ['job_id,component_id,app_name,anom_name,binary_anom', ...rows].join('\n') + '\n');
"""


def simulate(tmp):
    tidy = os.path.join(tmp, "tidy.csv")
    labels = os.path.join(tmp, "labels.csv")
    subprocess.run(
        ["node", "--import", "tsx", "--input-type=module", "-e", SIMULATE_JS, str(SEED), tidy, labels],
        cwd=ROOT, check=True,
    )
    return pd.read_csv(tidy), pd.read_csv(labels)


def column_summary(df):
    """Per column: rows, missing values, math.fsum of the present values, first and last value."""
    tidy = tidy_expected(df)
    summary = {}
    for column in tidy.columns:
        values = tidy[column].to_numpy()
        present = values[~np.isnan(values)]
        summary[column] = {
            "rows": int(len(values)),
            "missing": int(np.isnan(values).sum()),
            "sum": math.fsum(present.tolist()),
            "first": None if np.isnan(values[0]) else float(values[0]),
            "last": None if np.isnan(values[-1]) else float(values[-1]),
        }
    return summary


def write_artifact():
    folder = os.path.join(OUT, "prodigy-mini")
    expected_folder = os.path.join(OUT, "prodigy-mini.expected")
    for f in (folder, expected_folder):
        if os.path.exists(f):
            shutil.rmtree(f)
        os.makedirs(f)
    with tempfile.TemporaryDirectory() as tmp:
        tidy, labels = simulate(tmp)
    tidy = tidy[ID_COLUMNS + ARTIFACT_METRICS].copy()
    for column in ARTIFACT_METRICS:
        tidy[column] = tidy[column].astype("float64")
    for column in INTEGER_METRICS:
        tidy[column] = tidy[column].round().astype("int64")
    tidy["timestamp"] = tidy["timestamp"].astype("int64")
    # The original read ids as text (its label reader turns them into str and indexes the data
    # with them), so the data files hold them as Python strings: an object block.
    tidy["job_id"] = tidy["job_id"].astype("int64").astype(str)
    tidy["component_id"] = tidy["component_id"].astype("int64").astype(str)

    jobs = sorted(labels["job_id"].unique())
    train_jobs = set(jobs[0::2])
    in_train = labels["job_id"].isin(train_jobs)
    splits = {"train": labels[in_train].reset_index(drop=True), "test": labels[~in_train].reset_index(drop=True)}
    summaries = {}
    for split, split_labels in splits.items():
        data = tidy[tidy["job_id"].astype("int64").isin(split_labels["job_id"])].reset_index(drop=True)
        if split == "train":
            # One missing reading, as LDMS leaves now and then.
            data.loc[10, "MemFree::meminfo"] = np.nan
        write_frame(data, os.path.join(folder, f"prod_{split}_data.hdf"), "data", mode="w")
        # pandas writes the index as an unnamed first column.
        split_labels.to_csv(os.path.join(folder, f"prod_{split}_label.csv"))
        summaries[f"prod_{split}_data.hdf"] = column_summary(data)
        data_ids = data[["job_id", "component_id"]].drop_duplicates()
        summaries[f"prod_{split}_data.hdf"]["_samples"] = [[int(j), int(c)] for j, c in data_ids.itertuples(index=False)]
    with open(os.path.join(folder, "fe_eclipse_tsfresh_raw_CHI_2000.json"), "w") as fp:
        json.dump({"tsfresh_column_names": CHI_LIST}, fp)
    with open(os.path.join(expected_folder, "data.json"), "w") as fp:
        json.dump(summaries, fp, indent=1)
        fp.write("\n")
    with open(os.path.join(expected_folder, "features.json"), "w") as fp:
        json.dump({"columns": chi_feature_names()}, fp, indent=1)
        fp.write("\n")
    all_labels = pd.concat([splits["train"], splits["test"]])
    with open(os.path.join(expected_folder, "labels.json"), "w") as fp:
        json.dump({
            "rows": int(len(all_labels)),
            "healthy": int((all_labels["binary_anom"] == 0).sum()),
            "anomalous": int((all_labels["binary_anom"] == 1).sum()),
            "first": [int(all_labels.iloc[0]["job_id"]), int(all_labels.iloc[0]["component_id"]), all_labels.iloc[0]["app_name"], all_labels.iloc[0]["anom_name"]],
            "apps": sorted(all_labels["app_name"].unique().tolist()),
        }, fp, indent=1)
        fp.write("\n")


def main():
    print(f"pandas {pd.__version__}, PyTables {tables.__version__}, numpy {np.__version__}", file=sys.stderr)
    write_layouts()
    write_errors()
    write_artifact()


if __name__ == "__main__":
    main()
