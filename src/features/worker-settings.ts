/**
 * Settings as handed to extraction workers: a KindToFcParameters cannot cross a thread as it
 * is (its parameter values are PyFloat instances, whose class a structured clone loses), and
 * its published JSON repeats the same calculator block once per kind (for `efficient` over 100
 * metrics, 100 copies of a 782-column grid: ~0.1 s to write and as much to read). Here each
 * distinct FcParameters object is written once, in Python-JSON form, with the kinds that use
 * it; decoding gives kinds that share one FcParameters object again, so `compilePlan` compiles
 * each block once on both sides.
 */
import { KindToFcParameters } from './kind-to-fc-parameters.js';
import type { FcParameters } from './settings.js';

/** Structured-clonable settings: distinct calculator blocks, and per kind (in order) its block. */
export interface WorkerSettings {
  /** Each distinct block as published JSON of one placeholder kind. */
  readonly blocks: readonly string[];
  readonly kinds: readonly string[];
  /** `blockOfKind[i]` indexes `blocks` for `kinds[i]`. */
  readonly blockOfKind: readonly number[];
}

const PLACEHOLDER_KIND = 'kind';

/** Encodes `settings`, writing each distinct FcParameters object (by identity) once. */
export function encodeWorkerSettings(settings: KindToFcParameters): WorkerSettings {
  const index = new Map<FcParameters, number>();
  const blocks: string[] = [];
  const kinds: string[] = [];
  const blockOfKind: number[] = [];
  for (const [kind, fc] of settings.entries()) {
    let b = index.get(fc);
    if (b === undefined) {
      b = blocks.length;
      index.set(fc, b);
      blocks.push(KindToFcParameters.forKinds([PLACEHOLDER_KIND], fc).stringify());
    }
    kinds.push(kind);
    blockOfKind.push(b);
  }
  return { blocks, kinds, blockOfKind };
}

/** The inverse of {@link encodeWorkerSettings}: kinds of one block share one FcParameters object. */
export function decodeWorkerSettings(encoded: WorkerSettings): KindToFcParameters {
  const blocks = encoded.blocks.map((text, b) => KindToFcParameters.parse(text, `worker settings block ${b}`).get(PLACEHOLDER_KIND)!);
  return new KindToFcParameters(encoded.kinds.map((kind, i) => [kind, blocks[encoded.blockOfKind[i]!]!] as const));
}
