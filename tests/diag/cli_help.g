# --help documents every subcommand and option; --list-ops lists every op with
# its arity, summary and attributes.
# RUN: %qcc --help
# CHECK: usage: qcc [options] MODEL
# CHECK: qcc run MODEL --input X.npy
# CHECK-DAG: --emit=ir
# CHECK-DAG: -o FILE
# CHECK-DAG: --input FILE.npy
# CHECK-DAG: --output FILE.npy
# CHECK-DAG: --calib FILE.npy
# CHECK-DAG: --weight-bits N
# CHECK-DAG: --act-bits N
# CHECK-DAG: --granularity G
# CHECK-DAG: --range METHOD
# CHECK-DAG: --symmetric-acts
# CHECK-DAG: --pow2-scales
# CHECK-DAG: --passes=A,B,...
# CHECK-DAG: --print-after=PASS
# CHECK-DAG: --list-ops
# CHECK-DAG: --list-passes
# CHECK-DAG: -v
# CHECK-DAG: --help
# CHECK-DAG: --version
# RUN: %qcc --list-ops
# CHECK: conv2d          inputs 2-3  2-D convolution
# CHECK-NEXT: attrs  stride:ints=[1,1] pad:ints=[0,0,0,0]
# CHECK: maxpool2d       inputs 1    2-D max pooling
# CHECK-NEXT: attrs  kernel:ints stride:ints=[1,1]
# CHECK: concat          inputs 1+
model m
input x : f32[2]
output x
