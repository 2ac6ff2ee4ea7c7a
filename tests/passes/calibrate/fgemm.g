# The float products (exec/fgemm.c) give the same bits whatever the
# instruction set: `qcc run` with QCC_FGEMM_ISA=baseline (SSE2 vectors of
# two doubles), avx2 (four) and avx512f (eight; each falls back to the
# widest the CPU has) writes identical outputs, at --batch 1 and 8, within
# 1e-5 of a float64 numpy reference (fgemm_data.py). The model has a
# convolution with K = 630 (two chunks of k and a tail past the last eight)
# and 9 output channels (a block of rows left over), a grouped one, a 1x1
# one without bias, a matmul and a dense layer.
# RUN: %python %S/fgemm_data.py %T
# RUN: for isa in baseline avx2 avx512f; do for b in 1 8; do QCC_FGEMM_ISA=$isa %qcc run %T/m.g --input %T/x.npy --output %T/y$isa$b.npy --batch $b || exit 1; done; done
# RUN: %qcc run %T/m.g --input %T/x.npy --output %T/y.npy
# RUN: for y in baseline1 baseline8 avx21 avx28 avx512f1 avx512f8; do cmp %T/y.npy %T/y$y.npy || exit 1; done
# RUN: %npycheck close %T/y.npy %T/y_ref.npy --atol 0 --rtol 1e-5
# CHECK: close: 55 elements
# Any other value of QCC_FGEMM_ISA is an error, before anything is
# written; an empty one counts as unset.
# RUN-FAIL: QCC_FGEMM_ISA=sse4 %qcc run %T/m.g --input %T/x.npy --output %T/bad.npy 2>&1
# CHECK-NEXT: qcc: error: QCC_FGEMM_ISA must be one of avx512f, avx2, baseline, got 'sse4'
# RUN: QCC_FGEMM_ISA= %qcc run %T/m.g --input %T/x.npy --output %T/y_empty.npy && cmp %T/y.npy %T/y_empty.npy
