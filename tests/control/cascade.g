# A cascade's second head runs only when the first head's score passes
# (cascade.onnx, tests/tools/make_cascade.py; docs/onnx.md "If at run
# time"). Of the 100 test samples 56 score below 0.5: the float
# interpreter skips the second head's three nodes on exactly those, the
# W8A8 simulator its two qdense nodes; on the 44 others the fallback
# head's one node is skipped (-v prints the counts per sample).
# RUN: %qcc run %S/cascade.onnx -v --input %S/cascade_x.npy --output %t_y.npy --output %t_s.npy 2>&1 | grep 'run: sample' | sed 's/sample [0-9]*//' | sort | uniq -c
# CHECK: 56 run: : 7 nodes run, 3 skipped
# CHECK-NEXT: 44 run: : 9 nodes run, 1 skipped
# RUN: %qcc run %S/cascade.onnx -v --calib %S/cascade_calib.npy --input %S/cascade_x.npy --output %t_y.npy --output %t_s.npy 2>&1 | grep 'run: sample' | sed 's/sample [0-9]*//' | sort | uniq -c
# CHECK-NEXT: 44 run: : 10 nodes run, 1 skipped
# CHECK-NEXT: 56 run: : 9 nodes run, 2 skipped
# The same from the graph printed as .g and read back:
# RUN: %qcc %S/cascade.onnx --emit=ir > %t.g && %qcc run %t.g -v --input %S/cascade_x.npy --output %t_y.npy --output %t_s.npy 2>&1 | grep -c 'run: sample .*: 7 nodes run, 3 skipped'
# CHECK-NEXT: 56
# The generated C calls the second head's kernels inside an if on the
# condition's byte and the fallback head's in its else, before the
# select; a buffer of one branch shares its bytes with one of the other
# (h2_out and y_else):
# RUN: %qcc %S/cascade.onnx --calib %S/cascade_calib.npy -o %t.c && cat %t.c
# CHECK: int cascade_run(
# CHECK: k5_pass(output1, {{.*}}, (uint8_t *)(a + [[C:[0-9]+]]));
# CHECK-NEXT: if (((uint8_t *)(a + [[C]]))[0]) {
# CHECK-NEXT: k6_h2_out({{.*}}, (int8_t *)(a + [[B:[0-9]+]]), a + 0);
# CHECK-NEXT: k7_y_then(
# CHECK-NEXT: } else {
# CHECK-NEXT: k8_y_else({{.*}}, (int8_t *)(a + [[B]]), a + 0);
# CHECK-NEXT: }
# CHECK-NEXT: k9_y_q((uint8_t *)(a + [[C]]),
# CHECK-NEXT: return 0;
# Calibration samples none of which takes the second head leave its
# values without ranges: an error naming the value and the condition,
# and no output file.
# RUN-FAIL: %qcc %S/cascade.onnx --calib %S/cascade_calib_low.npy -o %t_low.c 2>&1
# CHECK: cascade.onnx: error: 'h2_out' is computed only when 'pass' is true (a branch of an If decided at run time) and no calibration sample took that branch; calibrate with samples that do
# RUN: test ! -e %t_low.c && echo no file
# CHECK-NEXT: no file
