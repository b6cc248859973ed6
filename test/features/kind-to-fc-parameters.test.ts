import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGolden } from './golden.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { parsePythonJson, stringifyPythonJson } from '../../src/features/python-json.js';
import { PyFloat } from '../../src/features/params.js';
import { comprehensive, type FcParameters } from '../../src/features/settings.js';

const golden = loadGolden();
const goldenNames = Object.keys(golden.features[golden.series[0]!.id]!);

test('Python JSON keeps float-ness: 0.0 and 1e12 are PyFloats, 0.5 and 3 plain numbers', () => {
  const v = parsePythonJson('{"a": 0.0, "b": 1e12, "c": 0.5, "d": 3, "e": [2, 5], "f": null, "g": "x", "h": true, "i": -0.0}') as Record<string, unknown>;
  assert.ok(v.a instanceof PyFloat && v.a.value === 0);
  assert.ok(v.b instanceof PyFloat && v.b.value === 1e12);
  assert.equal(v.c, 0.5);
  assert.equal(v.d, 3);
  assert.deepEqual(v.e, [2, 5]);
  assert.equal(v.f, null);
  assert.equal(v.h, true);
  assert.ok(v.i instanceof PyFloat && Object.is(v.i.value, -0));
});

test('Python JSON writes floats as Python does and reads NaN / Infinity', () => {
  assert.equal(stringifyPythonJson({ a: new PyFloat(0), b: 1e-5, c: new PyFloat(-1e12), d: 7, e: [0.1] }), '{"a": 0.0, "b": 1e-05, "c": -1000000000000.0, "d": 7, "e": [0.1]}');
  const v = parsePythonJson('[NaN, Infinity, -Infinity]') as PyFloat[];
  assert.ok(Number.isNaN(v[0]!.value));
  assert.equal(v[1]!.value, Infinity);
  assert.equal(v[2]!.value, -Infinity);
  assert.equal(stringifyPythonJson(v), '[NaN, Infinity, -Infinity]');
});

test('Python JSON errors name the source and the position', () => {
  assert.throws(() => parsePythonJson('{"a": 1,\n "b": }', 'list.json'), /list\.json: unexpected "}" at line 2, column 7/);
  assert.throws(() => parsePythonJson('{"a": 1} x', 'list.json'), /unexpected text after the value/);
});

test('the published JSON form reads into the tsfresh names, floats written as Python writes them', () => {
  const text = `{"tsfresh_column_names": {"MemFree::meminfo": {"mean": null, "change_quantiles": [{"ql": 0.0, "qh": 1.0, "isabs": false, "f_agg": "var"}],
    "cwt_coefficients": [{"widths": [2, 5, 10, 20], "coeff": 3, "w": 5}], "range_count": [{"min": -1000000000000.0, "max": 0}]},
    "pgfault::vmstat": {"fft_coefficient": [{"coeff": 3, "attr": "abs"}], "augmented_dickey_fuller": [{"attr": "pvalue"}]}}}`;
  const k2fc = KindToFcParameters.parse(text);
  assert.deepEqual(k2fc.kinds, ['MemFree::meminfo', 'pgfault::vmstat']);
  assert.deepEqual(k2fc.columns(), [
    'MemFree::meminfo__mean',
    'MemFree::meminfo__change_quantiles__f_agg_"var"__isabs_False__qh_1.0__ql_0.0',
    'MemFree::meminfo__cwt_coefficients__coeff_3__w_5__widths_(2, 5, 10, 20)',
    'MemFree::meminfo__range_count__max_0__min_-1000000000000.0',
    'pgfault::vmstat__fft_coefficient__attr_"abs"__coeff_3',
    'pgfault::vmstat__augmented_dickey_fuller__attr_"pvalue"__autolag_"AIC"',
  ]);
  // written back and read again: the same names
  const again = KindToFcParameters.parse(k2fc.stringify(2));
  assert.deepEqual(again.columns(), k2fc.columns());
  assert.match(k2fc.stringify(), /"ql": 0\.0/);
});

test('fromColumns inverts columns() on the golden names and on the comprehensive grid of two kinds', () => {
  const fromGolden = KindToFcParameters.fromColumns(goldenNames);
  assert.deepEqual(fromGolden.columns(), goldenNames);
  assert.deepEqual(KindToFcParameters.parse(fromGolden.stringify()).columns(), goldenNames);
  const names = KindToFcParameters.forKinds(['a::x', 'b::y'], comprehensive).columns();
  const back = KindToFcParameters.fromColumns(names);
  assert.deepEqual(back.kinds, ['a::x', 'b::y']);
  assert.deepEqual(back.columns(), names);
  const cq = back.get('a::x')!.change_quantiles![0]!;
  assert.ok(cq.ql instanceof PyFloat && cq.ql.value === 0);
  assert.equal(cq.isabs, false);
});

test('fromColumns skips ignored columns, keeps repeated names once and rejects unknown calculators by name', () => {
  const k2fc = KindToFcParameters.fromColumns(['id', 'm__mean', 'm__quantile__q_0.1', 'm__mean', 'm__quantile__q_0.9'], ['id']);
  assert.deepEqual(k2fc.columns(), ['m__mean', 'm__quantile__q_0.1', 'm__quantile__q_0.9']);
  assert.throws(() => KindToFcParameters.fromColumns(['m__meen']), /feature name "m__meen": unknown feature calculator "meen"/);
  assert.throws(() => KindToFcParameters.fromColumns(['nokind']), /has no "<kind>__<calculator>" part/);
});

test('parse rejects malformed lists with the kind and calculator named', () => {
  assert.throws(() => KindToFcParameters.parse('{"tsfresh_column_names": {"m": {"quantile": {"q": 0.1}}}}', 'list.json'), /list\.json: kind "m", calculator "quantile": parameters must be a list/);
  assert.throws(() => KindToFcParameters.parse('{"m": {"fancy": null}}', 'list.json'), /kind "m", calculator "fancy": unknown feature calculator/);
  assert.throws(() => KindToFcParameters.parse('[1]', 'list.json'), /expected a JSON object/);
});

test('blocks: the distinct settings objects in order of first use, with how many kinds use each', () => {
  const a: FcParameters = { mean: null };
  const b: FcParameters = { quantile: [{ q: 0.5 }] };
  const k2fc = new KindToFcParameters([
    ['x', a],
    ['y', b],
    ['z', a],
  ]);
  const blocks = k2fc.blocks();
  assert.equal(blocks.length, 2);
  assert.equal(blocks[0]![0], a);
  assert.equal(blocks[0]![1], 2);
  assert.equal(blocks[1]![0], b);
  assert.equal(blocks[1]![1], 1);
  // equal content, different objects: two blocks
  assert.equal(new KindToFcParameters([['x', { mean: null }], ['y', { mean: null }]]).blocks().length, 2);
  assert.deepEqual(KindToFcParameters.forKinds(['p', 'q', 'r'], a).blocks(), [[a, 3]]);
});
