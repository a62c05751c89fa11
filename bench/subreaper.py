"""Runs a command as a child subreaper and prints the CPU milliseconds of the whole process tree to stderr.

Chromium's helper processes (zygote, renderer, utility) are not all waited for by the browser process, so the
usual RUSAGE_CHILDREN of the parent misses most of Chromium's CPU time. As a subreaper (prctl
PR_SET_CHILD_SUBREAPER, Linux 3.4+) this process inherits every orphaned descendant, waits for all of them, and
then RUSAGE_CHILDREN holds the whole tree. Used only for the benchmark's CPU accounting runs, never the timed ones.

    python3 bench/subreaper.py COMMAND [ARGS...]   -> last line on stderr: "cpu-ms N"
"""
import ctypes
import os
import resource
import sys

PR_SET_CHILD_SUBREAPER = 36

libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit("prctl(PR_SET_CHILD_SUBREAPER) failed")
child = os.fork()
if child == 0:
    os.execv(sys.argv[1], sys.argv[1:])
status = 1
while True:
    try:
        pid, waited = os.wait()
    except ChildProcessError:
        break
    if pid == child:
        status = os.waitstatus_to_exitcode(waited)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"cpu-ms {(usage.ru_utime + usage.ru_stime) * 1000:.0f}", file=sys.stderr)
sys.exit(status)
