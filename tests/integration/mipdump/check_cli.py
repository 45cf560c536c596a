"""mipdump's command line: exit codes, messages, stdin, several files,
--version / --help, and that the default line names the messages.

usage: check_cli.py MIPDUMP CAPTURE_DIR"""
import os
import subprocess
import sys
import tempfile

from mdcommon import run, sanitizer_report

fails = []


def check(cond, msg):
    if not cond:
        fails.append(msg)
        print("FAIL " + msg)


def main():
    md, capdir = sys.argv[1:3]
    bu = os.path.join(capdir, "zeek", "mip6_bu.pcap")
    click = os.path.join(capdir, "click", "rva_ref_foreign.pcap")
    p = run([md, "--version"])
    check(p.returncode == 0 and p.stdout.startswith("mipdump "), "--version")
    p = run([md, "--help"])
    check(p.returncode == 0 and "--json" in p.stdout and "--list-fields" in p.stdout, "--help")
    for args, what in (([], "no file"), (["--bogus", bu], "unknown option"),
                       (["-v", "--json", bu], "-v with --json"),
                       (["--markdown", bu], "--markdown alone"),
                       (["--mip4-port", "70000", bu], "bad port")):
        p = run([md, *args])
        check(p.returncode == 2 and p.stderr.startswith("mipdump: "),
              "%s: exit %d, stderr %r" % (what, p.returncode, p.stderr))
    p = run([md, "/nonexistent.pcap"])
    check(p.returncode == 2 and "/nonexistent.pcap: No such file" in p.stderr, "missing file")
    with tempfile.TemporaryDirectory() as tmp:
        txt = os.path.join(tmp, "x.txt")
        open(txt, "w").write("hello, not a capture\n")
        p = run([md, txt])
        check(p.returncode == 2 and "not a pcap or pcapng" in p.stderr, "not a capture")
        cut = os.path.join(tmp, "cut.pcap")
        data = open(click, "rb").read()
        open(cut, "wb").write(data[:len(data) // 2])
        p = run([md, "-a", cut])
        check(p.returncode == 2 and "truncated" in p.stderr and p.stdout.count("\n") > 10,
              "cut file: exit %d, %r" % (p.returncode, p.stderr))
        # one bad input among good ones: the good ones are still decoded
        p = run([md, bu, "/nonexistent.pcap", bu])
        check(p.returncode == 2 and p.stdout.count("Binding Update") == 2, "bad among good")
    p = subprocess.run([md, "-"], stdin=open(bu, "rb"), capture_output=True, text=True)
    check(p.returncode == 0 and "MH Binding Update seq=37" in p.stdout, "stdin: %r" % p.stdout)
    p = run([md, click])
    lines = p.stdout.splitlines()
    check(any(" MIPv4 Registration Request id=0x" in l and " lifetime=" in l and " hoa=" in l
              and " coa=" in l for l in lines), "click RRQ line")
    check(any(" MIPv4 Registration Reply code=0" in l for l in lines), "click RRP line")
    check(any(" MIPv4 Agent Advertisement seq=" in l for l in lines), "click advertisement line")
    check(not any(" -> " not in l for l in lines), "every default line has addresses")
    pa = run([md, "-a", click])
    check(len(pa.stdout.splitlines()) > len(lines), "-a prints more frames")
    pv = run([md, "-v", "--offsets", bu])
    check("Sequence #: 37 [" in pv.stdout and "Lifetime: 3 (12 s)" in pv.stdout,
          "-v tree: %r" % pv.stdout[-600:])
    for p in (pa, pv):
        check(not sanitizer_report(p.stderr), "sanitizer report")
    print("%d failures" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
