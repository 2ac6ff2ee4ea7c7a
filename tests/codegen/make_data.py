#!/usr/bin/python3
"""Random float32 data for the synthetic models of tests/codegen/models:
    make_data.py OUT_DIR N,C,H,W
writes OUT_DIR/calib.npy (64 samples) and OUT_DIR/x.npy (300 samples, a
little wider than the calibration set so that saturation is exercised).
Needs numpy only; the seed is fixed."""
import os
import sys

import numpy as np

out, shape = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
os.makedirs(out, exist_ok=True)
r = np.random.RandomState(7)
np.save(os.path.join(out, "calib.npy"), r.randn(64, *shape).astype(np.float32))
np.save(os.path.join(out, "x.npy"), (r.randn(300, *shape) * 1.2).astype(np.float32))
