# Two compiles of different models to the same -o, run at once several
# times, always leave a .c and a .h of one model: both are renamed into
# place under one lock (.m.c.lock beside them, removed by its holder), so
# the .h of one never ends beside the .c of the other, and nothing else
# is left in the directory. (This file's own model is unused.)
# RUN: F=%S/../../samples/fashion ; for i in 1 2 3 4 ; do %qcc $F/fashion_mlp.g --calib $F/calib.npy -o %T/m.c & a=$! ; %qcc $F/fashion_cnn.g --calib $F/calib.npy -o %T/m.c & b=$! ; wait $a && wait $b || exit 1 ; c=$(sed -n '1s/.*from model \([a-z_]*\);.*/\1/p' %T/m.c) ; h=$(sed -n '1s/.*from model \([a-z_]*\);.*/\1/p' %T/m.h) ; test -n "$c" && test "$c" = "$h" && grep -q "^int ${c}_run" %T/m.c && grep -q "define QCC_MODEL_NAME \"$c\"" %T/m.h || { echo "pair $i: .c of '$c', .h of '$h'" ; exit 1 ; } ; done ; ls -A %T
# CHECK: m.c
# CHECK-NEXT: m.h
# CHECK-EMPTY:
model unused
input x : f32[1,2]
output y : f32[1,2] = relu(x)
