#!/usr/bin/env python3
"""A synthetic keyword-spotting task, as log-mel spectrograms (numpy only).

    make_data.py OUT_DIR [--n N] [--seed S] [--head H]

writes OUT_DIR/test_x.npy (float32 [N,76,32,1]: 76 frames of 10 ms, 32
mel bands, NHWC as the published speech-embedding nets take it) and
OUT_DIR/test_y.npy (int64 [N]); with --head H also test_xH.npy and
test_yH.npy, the first H clips. Default: N = 2000, seed 3 (the test set of README.md).

No speech corpus is on the build machines, so the clips are drawn, not
recorded: each of the 8 keywords is a fixed sequence of 2 or 3 phones
(vowels as two formant ridges over harmonic striations, fricatives as
high-band noise, plosives as short broadband bursts, nasals as a low
ridge), spoken at a random tempo (0.8-1.25), speaker shift (+-2 bands),
loudness and onset, over background noise of random level. Class 8
("unknown") is a random phone sequence that is no keyword; class 9
("silence") is background noise alone. Several keywords share phones, so
telling them apart needs the order of the phones, not just their presence.
"""
import os
import sys

import numpy as np

FRAMES, BANDS, CLASSES = 76, 32, 10

# phone: (kind, low band, high band, frames at tempo 1)
PHONES = {
    "a": ("vowel", 6, 13, 14), "i": ("vowel", 3, 22, 12),
    "u": ("vowel", 4, 8, 13), "e": ("vowel", 5, 18, 12),
    "o": ("vowel", 7, 10, 14), "s": ("fric", 22, 31, 9),
    "f": ("fric", 16, 31, 7), "k": ("plos", 8, 26, 3),
    "t": ("plos", 18, 31, 3), "m": ("nasal", 1, 4, 8),
    "n": ("nasal", 2, 6, 7),
}
KEYWORDS = ["kas", "sak", "mi", "ni", "tuf", "kef", "os", "mato"]
UNKNOWN, SILENCE = 8, 9


def phone_energy(rng, ph, length, shift):
    """Linear energy [length, BANDS] of one phone."""
    kind, lo, hi, _ = PHONES[ph]
    bands = np.arange(BANDS)[None, :]
    t = np.linspace(0, 1, length)[:, None]
    e = np.zeros((length, BANDS))
    if kind == "vowel":
        f1 = lo + shift + rng.normal(0, 0.7) + 0.8 * t
        f2 = hi + shift + rng.normal(0, 0.7) - 1.2 * t
        e += np.exp(-0.5 * ((bands - f1) / 1.3) ** 2)
        e += 0.7 * np.exp(-0.5 * ((bands - f2) / 1.6) ** 2)
        e *= 0.6 + 0.4 * np.cos(bands * rng.uniform(1.2, 2.0)) ** 2
        e *= np.sin(np.pi * np.clip(t * 1.1, 0, 1)) ** 0.5
    elif kind == "fric":
        mask = (bands >= lo + shift) & (bands <= hi)
        e += 0.5 * mask * rng.uniform(0.3, 1.0, (length, BANDS))
    elif kind == "plos":
        mask = (bands >= lo + shift) & (bands <= hi)
        e += 0.8 * mask * rng.uniform(0.5, 1.0, (length, BANDS))
        e *= np.linspace(1, 0.2, length)[:, None]
    else:
        f = lo + shift + rng.normal(0, 0.5)
        e += 0.45 * np.exp(-0.5 * ((bands - f) / 1.5) ** 2)
    return e


def clip(rng, label):
    """One log-mel spectrogram [FRAMES, BANDS] of class label."""
    noise = rng.uniform(0.005, 0.08)
    e = noise * rng.uniform(0.2, 1.0, (FRAMES, BANDS))
    if label != SILENCE:
        if label == UNKNOWN:
            names = sorted(PHONES)
            while True:
                word = "".join(rng.choice(names, rng.integers(2, 4)))
                if word not in KEYWORDS:
                    break
        else:
            word = KEYWORDS[label]
        tempo = rng.uniform(0.8, 1.25)
        shift = int(rng.integers(-2, 3))
        gain = rng.uniform(0.4, 1.6)
        parts = [phone_energy(rng, ph, max(2, round(PHONES[ph][3] * tempo)),
                              shift) for ph in word]
        speech = np.concatenate(parts)[:FRAMES]
        start = int(rng.integers(0, FRAMES - len(speech) + 1))
        e[start:start + len(speech)] += gain * speech
    return np.log(e + 1e-3)


def make(n, seed):
    """(x float32 [n,76,32,1], y int64 [n]), classes balanced, shuffled."""
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % CLASSES).astype(np.int64)
    x = np.stack([clip(rng, int(c)) for c in y])
    x = (x + 3.6) / 1.05    # about zero mean, unit variance
    return x[..., None].astype(np.float32), y


def main(argv):
    usage = "usage: make_data.py OUT_DIR [--n N] [--seed S] [--head H]"
    if len(argv) < 2 or len(argv) % 2 != 0:
        sys.exit(usage)
    opts = {"--n": 2000, "--seed": 3, "--head": 0}
    for k, v in zip(argv[2::2], argv[3::2]):
        if k not in opts:
            sys.exit(usage)
        opts[k] = int(v)
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    x, y = make(opts["--n"], opts["--seed"])
    np.save(os.path.join(out, "test_x.npy"), x)
    np.save(os.path.join(out, "test_y.npy"), y)
    if opts["--head"] > 0:
        h = opts["--head"]
        np.save(os.path.join(out, f"test_x{h}.npy"), x[:h])
        np.save(os.path.join(out, f"test_y{h}.npy"), y[:h])


if __name__ == "__main__":
    main(sys.argv)
