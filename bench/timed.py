#!/usr/bin/python3
"""timed.py - runs a command and prints its wall time and its CPU time
(user + system, from the kernel's accounting of the child: microseconds,
where /usr/bin/time rounds to 10 ms), in seconds: `WALL CPU`.

    bench/timed.py COMMAND [ARG ...]

Exits with the command's status (after printing) if it fails."""
import resource
import subprocess
import sys
import time


def main():
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    rc = subprocess.call(sys.argv[1:])
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    print(f"{wall:.6f} {cpu:.6f}")
    sys.exit(rc)


main()
