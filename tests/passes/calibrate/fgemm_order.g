# The order of the float products' double sums (exec/fgemm.c): lane k mod
# 8, in order of k, the lanes as a fixed tree, then the bias, one
# rounding. fgemm_order_data.py computes that order in numpy float64 on
# data where another order gives other floats (it checks so), and `qcc
# run` must match it to the bit, with QCC_FGEMM_ISA at each value and at
# --batch 1 and 8: convolutions with dead taps (the interpreter packs
# their live terms, exec/conv.c), a plain one, a short one (the columns
# path) and a dense layer; and a convolution with dead taps whose weights
# are a graph input that changes from sample to sample (what the
# interpreter packs once is made from constants only).
# RUN: %python %S/fgemm_order_data.py %T
# RUN: for m in dead1 dead2 dead3 plain short dense; do for isa in baseline avx2 avx512f; do for b in 1 8; do QCC_FGEMM_ISA=$isa %qcc run %T/$m.g --input %T/x_$m.npy --output %T/o.npy --batch $b || exit 1; %npycheck equal %T/o.npy %T/y_$m.npy || exit 1; done; done; done
# RUN: for b in 1 8; do %qcc run %T/deadw.g --input %T/x_deadw.npy --input %T/w_deadw.npy --output %T/o.npy --batch $b || exit 1; %npycheck equal %T/o.npy %T/y_deadw.npy || exit 1; done
# CHECK-COUNT-38: equal: {{[0-9]+}} elements
