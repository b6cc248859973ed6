/**
 * numpy.fft.rfft of one real series (src/features/numeric/pocketfft-rfft.ts): pocketfft's
 * forward real passes (radf2, radf3, radf4, radf5 and the generic odd radix radfg, numpy 1.17 ..
 * 1.26, numpy/fft/_pocketfft.c), every operation in pocketfft's order, then the halfcomplex
 * result unpacked into real and imaginary parts.
 *
 * The plan (`plan`, `nf` factors) is a float64 table the TypeScript side writes once per length:
 * per factor k (pocketfft's order), [ip, pointer of its twiddles tw, pointer of its roots tws].
 * The passes run from the last factor to the first, as rfftp_forward: l1 starts at n, and
 * each pass takes ido = n / l1, then l1 /= ip.
 *
 * x (n values) is only read (the passes work on a copy in `work`, 2n values); re and im
 * receive floor(n/2) + 1 terms.
 */
import { get, put } from './f64-memory';
export function pocketfftRfft(x: usize, work: usize, n: i32, plan: usize, nf: i32, re: usize, im: usize): void {
  memory.copy(work, x, <usize>n << 3);
  let p1 = work;
  let p2 = work + (<usize>n << 3);
  if (n > 1) {
    let l1 = n;
    for (let k = nf - 1; k >= 0; k--) {
      const ip = <i32>get(plan, 3 * k);
      const tw = <usize>get(plan, 3 * k + 1);
      const ido = n / l1;
      l1 /= ip;
      if (ip == 4) radf4(ido, l1, p1, p2, tw);
      else if (ip == 2) radf2(ido, l1, p1, p2, tw);
      else if (ip == 3) radf3(ido, l1, p1, p2, tw);
      else if (ip == 5) radf5(ido, l1, p1, p2, tw);
      else {
        radfg(ido, ip, l1, p1, p2, tw, <usize>get(plan, 3 * k + 2));
        const t = p1;
        p1 = p2;
        p2 = t;
      }
      const t = p1;
      p1 = p2;
      p2 = t;
    }
  }
  // halfcomplex r0, r1, i1, r2, i2, ... -> complex terms
  const half = n / 2 + 1;
  put(re, 0, get(p1, 0));
  put(im, 0, 0);
  for (let k = 1; k < half; k++) {
    put(re, k, get(p1, 2 * k - 1));
    put(im, k, 2 * k < n ? get(p1, 2 * k) : 0);
  }
}

/** Index a + ido * (b + m * c): pocketfft's CC (m = l1) and CH (m = cdim) macros. */
@inline function ix(a: i32, b: i32, c: i32, ido: i32, m: i32): i32 {
  return a + ido * (b + m * c);
}

function radf2(ido: i32, l1: i32, cc: usize, ch: usize, wa: usize): void {
  for (let k = 0; k < l1; k++) {
    const a = get(cc, ix(0, k, 0, ido, l1)), b = get(cc, ix(0, k, 1, ido, l1));
    put(ch, ix(0, 0, k, ido, 2), a + b);
    put(ch, ix(ido - 1, 1, k, ido, 2), a - b);
  }
  if ((ido & 1) == 0)
    for (let k = 0; k < l1; k++) {
      put(ch, ix(0, 1, k, ido, 2), -get(cc, ix(ido - 1, k, 1, ido, l1)));
      put(ch, ix(ido - 1, 0, k, ido, 2), get(cc, ix(ido - 1, k, 0, ido, l1)));
    }
  if (ido <= 2) return;
  for (let k = 0; k < l1; k++)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const w0 = get(wa, i - 2), w1 = get(wa, i - 1);
      const e = get(cc, ix(i - 1, k, 1, ido, l1)), f = get(cc, ix(i, k, 1, ido, l1));
      const tr2 = w0 * e + w1 * f, ti2 = w0 * f - w1 * e;
      const c0 = get(cc, ix(i - 1, k, 0, ido, l1)), c1 = get(cc, ix(i, k, 0, ido, l1));
      put(ch, ix(i - 1, 0, k, ido, 2), c0 + tr2);
      put(ch, ix(ic - 1, 1, k, ido, 2), c0 - tr2);
      put(ch, ix(i, 0, k, ido, 2), ti2 + c1);
      put(ch, ix(ic, 1, k, ido, 2), ti2 - c1);
    }
}

function radf3(ido: i32, l1: i32, cc: usize, ch: usize, wa: usize): void {
  const taur: f64 = -0.5, taui: f64 = 0.86602540378443864676;
  for (let k = 0; k < l1; k++) {
    const cr2 = get(cc, ix(0, k, 1, ido, l1)) + get(cc, ix(0, k, 2, ido, l1));
    put(ch, ix(0, 0, k, ido, 3), get(cc, ix(0, k, 0, ido, l1)) + cr2);
    put(ch, ix(0, 2, k, ido, 3), taui * (get(cc, ix(0, k, 2, ido, l1)) - get(cc, ix(0, k, 1, ido, l1))));
    put(ch, ix(ido - 1, 1, k, ido, 3), get(cc, ix(0, k, 0, ido, l1)) + taur * cr2);
  }
  if (ido == 1) return;
  const w = ido - 1;
  for (let k = 0; k < l1; k++)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const wr1 = get(wa, i - 2), wi1 = get(wa, i - 1), wr2 = get(wa, i - 2 + w), wi2 = get(wa, i - 1 + w);
      const a1 = get(cc, ix(i - 1, k, 1, ido, l1)), b1 = get(cc, ix(i, k, 1, ido, l1));
      const a2 = get(cc, ix(i - 1, k, 2, ido, l1)), b2 = get(cc, ix(i, k, 2, ido, l1));
      const dr2 = wr1 * a1 + wi1 * b1;
      const di2 = wr1 * b1 - wi1 * a1;
      const dr3 = wr2 * a2 + wi2 * b2;
      const di3 = wr2 * b2 - wi2 * a2;
      const cr2 = dr2 + dr3;
      const ci2 = di2 + di3;
      const c0 = get(cc, ix(i - 1, k, 0, ido, l1)), c1 = get(cc, ix(i, k, 0, ido, l1));
      put(ch, ix(i - 1, 0, k, ido, 3), c0 + cr2);
      put(ch, ix(i, 0, k, ido, 3), c1 + ci2);
      const tr2 = c0 + taur * cr2;
      const ti2 = c1 + taur * ci2;
      const tr3 = taui * (di2 - di3);
      const ti3 = taui * (dr3 - dr2);
      put(ch, ix(i - 1, 2, k, ido, 3), tr2 + tr3);
      put(ch, ix(ic - 1, 1, k, ido, 3), tr2 - tr3);
      put(ch, ix(i, 2, k, ido, 3), ti3 + ti2);
      put(ch, ix(ic, 1, k, ido, 3), ti3 - ti2);
    }
}

function radf4(ido: i32, l1: i32, cc: usize, ch: usize, wa: usize): void {
  const hsqt2: f64 = 0.7071067811865475244;
  for (let k = 0; k < l1; k++) {
    const c0 = get(cc, ix(0, k, 0, ido, l1)), c1 = get(cc, ix(0, k, 1, ido, l1));
    const c2 = get(cc, ix(0, k, 2, ido, l1)), c3 = get(cc, ix(0, k, 3, ido, l1));
    const tr1 = c3 + c1;
    put(ch, ix(0, 2, k, ido, 4), c3 - c1);
    const tr2 = c0 + c2;
    put(ch, ix(ido - 1, 1, k, ido, 4), c0 - c2);
    put(ch, ix(0, 0, k, ido, 4), tr2 + tr1);
    put(ch, ix(ido - 1, 3, k, ido, 4), tr2 - tr1);
  }
  if ((ido & 1) == 0)
    for (let k = 0; k < l1; k++) {
      const c0 = get(cc, ix(ido - 1, k, 0, ido, l1)), c1 = get(cc, ix(ido - 1, k, 1, ido, l1));
      const c2 = get(cc, ix(ido - 1, k, 2, ido, l1)), c3 = get(cc, ix(ido - 1, k, 3, ido, l1));
      const ti1 = -hsqt2 * (c1 + c3);
      const tr1 = hsqt2 * (c1 - c3);
      put(ch, ix(ido - 1, 0, k, ido, 4), c0 + tr1);
      put(ch, ix(ido - 1, 2, k, ido, 4), c0 - tr1);
      put(ch, ix(0, 3, k, ido, 4), ti1 + c2);
      put(ch, ix(0, 1, k, ido, 4), ti1 - c2);
    }
  if (ido <= 2) return;
  const w = ido - 1;
  for (let k = 0; k < l1; k++)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const wr1 = get(wa, i - 2), wi1 = get(wa, i - 1);
      const wr2 = get(wa, i - 2 + w), wi2 = get(wa, i - 1 + w);
      const wr3 = get(wa, i - 2 + 2 * w), wi3 = get(wa, i - 1 + 2 * w);
      const a1 = get(cc, ix(i - 1, k, 1, ido, l1)), b1 = get(cc, ix(i, k, 1, ido, l1));
      const a2 = get(cc, ix(i - 1, k, 2, ido, l1)), b2 = get(cc, ix(i, k, 2, ido, l1));
      const a3 = get(cc, ix(i - 1, k, 3, ido, l1)), b3 = get(cc, ix(i, k, 3, ido, l1));
      const cr2 = wr1 * a1 + wi1 * b1;
      const ci2 = wr1 * b1 - wi1 * a1;
      const cr3 = wr2 * a2 + wi2 * b2;
      const ci3 = wr2 * b2 - wi2 * a2;
      const cr4 = wr3 * a3 + wi3 * b3;
      const ci4 = wr3 * b3 - wi3 * a3;
      const tr1 = cr4 + cr2, tr4 = cr4 - cr2;
      const ti1 = ci2 + ci4, ti4 = ci2 - ci4;
      const c0 = get(cc, ix(i - 1, k, 0, ido, l1)), c1 = get(cc, ix(i, k, 0, ido, l1));
      const tr2 = c0 + cr3, tr3 = c0 - cr3;
      const ti2 = c1 + ci3, ti3 = c1 - ci3;
      put(ch, ix(i - 1, 0, k, ido, 4), tr2 + tr1);
      put(ch, ix(ic - 1, 3, k, ido, 4), tr2 - tr1);
      put(ch, ix(i, 0, k, ido, 4), ti1 + ti2);
      put(ch, ix(ic, 3, k, ido, 4), ti1 - ti2);
      put(ch, ix(i - 1, 2, k, ido, 4), tr3 + ti4);
      put(ch, ix(ic - 1, 1, k, ido, 4), tr3 - ti4);
      put(ch, ix(i, 2, k, ido, 4), tr4 + ti3);
      put(ch, ix(ic, 1, k, ido, 4), tr4 - ti3);
    }
}

function radf5(ido: i32, l1: i32, cc: usize, ch: usize, wa: usize): void {
  const tr11: f64 = 0.3090169943749474241, ti11: f64 = 0.95105651629515357212;
  const tr12: f64 = -0.8090169943749474241, ti12: f64 = 0.58778525229247312917;
  for (let k = 0; k < l1; k++) {
    const c4 = get(cc, ix(0, k, 4, ido, l1)), c1 = get(cc, ix(0, k, 1, ido, l1));
    const c3 = get(cc, ix(0, k, 3, ido, l1)), c2 = get(cc, ix(0, k, 2, ido, l1));
    const cr2 = c4 + c1, ci5 = c4 - c1;
    const cr3 = c3 + c2, ci4 = c3 - c2;
    const c0 = get(cc, ix(0, k, 0, ido, l1));
    put(ch, ix(0, 0, k, ido, 5), c0 + cr2 + cr3);
    put(ch, ix(ido - 1, 1, k, ido, 5), c0 + tr11 * cr2 + tr12 * cr3);
    put(ch, ix(0, 2, k, ido, 5), ti11 * ci5 + ti12 * ci4);
    put(ch, ix(ido - 1, 3, k, ido, 5), c0 + tr12 * cr2 + tr11 * cr3);
    put(ch, ix(0, 4, k, ido, 5), ti12 * ci5 - ti11 * ci4);
  }
  if (ido == 1) return;
  const w = ido - 1;
  for (let k = 0; k < l1; ++k)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const wr1 = get(wa, i - 2), wi1 = get(wa, i - 1);
      const wr2 = get(wa, i - 2 + w), wi2 = get(wa, i - 1 + w);
      const wr3 = get(wa, i - 2 + 2 * w), wi3 = get(wa, i - 1 + 2 * w);
      const wr4 = get(wa, i - 2 + 3 * w), wi4 = get(wa, i - 1 + 3 * w);
      const a1 = get(cc, ix(i - 1, k, 1, ido, l1)), b1 = get(cc, ix(i, k, 1, ido, l1));
      const a2 = get(cc, ix(i - 1, k, 2, ido, l1)), b2 = get(cc, ix(i, k, 2, ido, l1));
      const a3 = get(cc, ix(i - 1, k, 3, ido, l1)), b3 = get(cc, ix(i, k, 3, ido, l1));
      const a4 = get(cc, ix(i - 1, k, 4, ido, l1)), b4 = get(cc, ix(i, k, 4, ido, l1));
      const dr2 = wr1 * a1 + wi1 * b1, di2 = wr1 * b1 - wi1 * a1;
      const dr3 = wr2 * a2 + wi2 * b2, di3 = wr2 * b2 - wi2 * a2;
      const dr4 = wr3 * a3 + wi3 * b3, di4 = wr3 * b3 - wi3 * a3;
      const dr5 = wr4 * a4 + wi4 * b4, di5 = wr4 * b4 - wi4 * a4;
      const cr2 = dr5 + dr2, ci5 = dr5 - dr2;
      const ci2 = di2 + di5, cr5 = di2 - di5;
      const cr3 = dr4 + dr3, ci4 = dr4 - dr3;
      const ci3 = di3 + di4, cr4 = di3 - di4;
      const c0 = get(cc, ix(i - 1, k, 0, ido, l1)), c1 = get(cc, ix(i, k, 0, ido, l1));
      put(ch, ix(i - 1, 0, k, ido, 5), c0 + cr2 + cr3);
      put(ch, ix(i, 0, k, ido, 5), c1 + ci2 + ci3);
      const tr2 = c0 + tr11 * cr2 + tr12 * cr3;
      const ti2 = c1 + tr11 * ci2 + tr12 * ci3;
      const tr3 = c0 + tr12 * cr2 + tr11 * cr3;
      const ti3 = c1 + tr12 * ci2 + tr11 * ci3;
      // MULPM(tr5,tr4,cr5,cr4,ti11,ti12): tr5 = cr5*ti11 + cr4*ti12, tr4 = cr5*ti12 - cr4*ti11
      const tr5 = cr5 * ti11 + cr4 * ti12, tr4 = cr5 * ti12 - cr4 * ti11;
      const ti5 = ci5 * ti11 + ci4 * ti12, ti4 = ci5 * ti12 - ci4 * ti11;
      put(ch, ix(i - 1, 2, k, ido, 5), tr2 + tr5);
      put(ch, ix(ic - 1, 1, k, ido, 5), tr2 - tr5);
      put(ch, ix(i, 2, k, ido, 5), ti5 + ti2);
      put(ch, ix(ic, 1, k, ido, 5), ti5 - ti2);
      put(ch, ix(i - 1, 4, k, ido, 5), tr3 + tr4);
      put(ch, ix(ic - 1, 3, k, ido, 5), tr3 - tr4);
      put(ch, ix(i, 4, k, ido, 5), ti4 + ti3);
      put(ch, ix(ic, 3, k, ido, 5), ti4 - ti3);
    }
}

/** The generic odd-radix pass (ip > 5, roots cos/sin 2 pi m / ip at csarr); it leaves its result in cc. */
function radfg(ido: i32, ip: i32, l1: i32, cc: usize, ch: usize, wa: usize, csarr: usize): void {
  const cdim = ip;
  const ipph = (ip + 1) >> 1;
  const idl1 = ido * l1;

  if (ido > 1) {
    for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc) {
      const is = (j - 1) * (ido - 1), is2 = (jc - 1) * (ido - 1);
      for (let k = 0; k < l1; ++k) {
        let idij = is, idij2 = is2;
        for (let i = 1; i <= ido - 2; i += 2) {
          const t1 = get(cc, ix(i, k, j, ido, l1)), t2 = get(cc, ix(i + 1, k, j, ido, l1));
          const t3 = get(cc, ix(i, k, jc, ido, l1)), t4 = get(cc, ix(i + 1, k, jc, ido, l1));
          const w0 = get(wa, idij), w1 = get(wa, idij + 1), v0 = get(wa, idij2), v1 = get(wa, idij2 + 1);
          const x1 = w0 * t1 + w1 * t2;
          const x2 = w0 * t2 - w1 * t1;
          const x3 = v0 * t3 + v1 * t4;
          const x4 = v0 * t4 - v1 * t3;
          put(cc, ix(i, k, j, ido, l1), x1 + x3);
          put(cc, ix(i, k, jc, ido, l1), x2 - x4);
          put(cc, ix(i + 1, k, j, ido, l1), x2 + x4);
          put(cc, ix(i + 1, k, jc, ido, l1), x3 - x1);
          idij += 2;
          idij2 += 2;
        }
      }
    }
  }
  for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc)
    for (let k = 0; k < l1; ++k) {
      const t1 = get(cc, ix(0, k, j, ido, l1)), t2 = get(cc, ix(0, k, jc, ido, l1));
      put(cc, ix(0, k, j, ido, l1), t1 + t2);
      put(cc, ix(0, k, jc, ido, l1), t2 - t1);
    }
  for (let l = 1, lc = ip - 1; l < ipph; ++l, --lc) {
    const cl = get(csarr, 2 * l), c2l = get(csarr, 4 * l), sl = get(csarr, 2 * l + 1), s2l = get(csarr, 4 * l + 1);
    for (let ik = 0; ik < idl1; ++ik) {
      put(ch, ik + idl1 * l, get(cc, ik) + cl * get(cc, ik + idl1) + c2l * get(cc, ik + idl1 * 2));
      put(ch, ik + idl1 * lc, sl * get(cc, ik + idl1 * (ip - 1)) + s2l * get(cc, ik + idl1 * (ip - 2)));
    }
    let iang = 2 * l;
    let j = 3, jc = ip - 3;
    for (; j < ipph - 3; j += 4, jc -= 4) {
      iang += l; if (iang >= ip) iang -= ip;
      const ar1 = get(csarr, 2 * iang), ai1 = get(csarr, 2 * iang + 1);
      iang += l; if (iang >= ip) iang -= ip;
      const ar2 = get(csarr, 2 * iang), ai2 = get(csarr, 2 * iang + 1);
      iang += l; if (iang >= ip) iang -= ip;
      const ar3 = get(csarr, 2 * iang), ai3 = get(csarr, 2 * iang + 1);
      iang += l; if (iang >= ip) iang -= ip;
      const ar4 = get(csarr, 2 * iang), ai4 = get(csarr, 2 * iang + 1);
      for (let ik = 0; ik < idl1; ++ik) {
        put(ch, ik + idl1 * l, get(ch, ik + idl1 * l) + (ar1 * get(cc, ik + idl1 * j) + ar2 * get(cc, ik + idl1 * (j + 1)) + ar3 * get(cc, ik + idl1 * (j + 2)) + ar4 * get(cc, ik + idl1 * (j + 3))));
        put(ch, ik + idl1 * lc, get(ch, ik + idl1 * lc) + (ai1 * get(cc, ik + idl1 * jc) + ai2 * get(cc, ik + idl1 * (jc - 1)) + ai3 * get(cc, ik + idl1 * (jc - 2)) + ai4 * get(cc, ik + idl1 * (jc - 3))));
      }
    }
    for (; j < ipph - 1; j += 2, jc -= 2) {
      iang += l; if (iang >= ip) iang -= ip;
      const ar1 = get(csarr, 2 * iang), ai1 = get(csarr, 2 * iang + 1);
      iang += l; if (iang >= ip) iang -= ip;
      const ar2 = get(csarr, 2 * iang), ai2 = get(csarr, 2 * iang + 1);
      for (let ik = 0; ik < idl1; ++ik) {
        put(ch, ik + idl1 * l, get(ch, ik + idl1 * l) + (ar1 * get(cc, ik + idl1 * j) + ar2 * get(cc, ik + idl1 * (j + 1))));
        put(ch, ik + idl1 * lc, get(ch, ik + idl1 * lc) + (ai1 * get(cc, ik + idl1 * jc) + ai2 * get(cc, ik + idl1 * (jc - 1))));
      }
    }
    for (; j < ipph; ++j, --jc) {
      iang += l; if (iang >= ip) iang -= ip;
      const ar = get(csarr, 2 * iang), ai = get(csarr, 2 * iang + 1);
      for (let ik = 0; ik < idl1; ++ik) {
        put(ch, ik + idl1 * l, get(ch, ik + idl1 * l) + ar * get(cc, ik + idl1 * j));
        put(ch, ik + idl1 * lc, get(ch, ik + idl1 * lc) + ai * get(cc, ik + idl1 * jc));
      }
    }
  }
  for (let ik = 0; ik < idl1; ++ik) put(ch, ik, get(cc, ik));
  for (let j = 1; j < ipph; ++j) for (let ik = 0; ik < idl1; ++ik) put(ch, ik, get(ch, ik) + get(cc, ik + idl1 * j));
  // cc as CC(a, b, c) = a + ido * (b + cdim * c), ch as CH(a, b, c) = a + ido * (b + l1 * c)
  for (let k = 0; k < l1; ++k) for (let i = 0; i < ido; ++i) put(cc, ix(i, 0, k, ido, cdim), get(ch, ix(i, k, 0, ido, l1)));
  for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc) {
    const j2 = 2 * j - 1;
    for (let k = 0; k < l1; ++k) {
      put(cc, ix(ido - 1, j2, k, ido, cdim), get(ch, ix(0, k, j, ido, l1)));
      put(cc, ix(0, j2 + 1, k, ido, cdim), get(ch, ix(0, k, jc, ido, l1)));
    }
  }
  if (ido == 1) return;
  for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc) {
    const j2 = 2 * j - 1;
    for (let k = 0; k < l1; ++k)
      for (let i = 1, ic = ido - i - 2; i <= ido - 2; i += 2, ic -= 2) {
        put(cc, ix(i, j2 + 1, k, ido, cdim), get(ch, ix(i, k, j, ido, l1)) + get(ch, ix(i, k, jc, ido, l1)));
        put(cc, ix(ic, j2, k, ido, cdim), get(ch, ix(i, k, j, ido, l1)) - get(ch, ix(i, k, jc, ido, l1)));
        put(cc, ix(i + 1, j2 + 1, k, ido, cdim), get(ch, ix(i + 1, k, j, ido, l1)) + get(ch, ix(i + 1, k, jc, ido, l1)));
        put(cc, ix(ic + 1, j2, k, ido, cdim), get(ch, ix(i + 1, k, jc, ido, l1)) - get(ch, ix(i + 1, k, j, ido, l1)));
      }
  }
}
