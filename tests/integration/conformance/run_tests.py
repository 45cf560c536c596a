#!/usr/bin/python3
"""mipconform integration tests.

run_tests.py MIPCONFORM GEN_CAPTURES SRCDIR SHARED_CAPTURES RULES_MD

1. gen_captures writes good-mip4/good-mip6 and one capture per rule broken
   (expected.txt: capture -> rule -> verdict); each verdict is asserted,
   and the good captures must have no FAIL and no WARN at all.
2. Every shared capture runs to the end; the FAIL/WARN rules found on each
   are asserted (shared-expected.txt).
3. Bad input: missing file, not a pcap, truncated file, unsupported link
   type, bad keys file, bad usage -> exit 2 and a clear message.
4. Reports: JSON parses, JUnit parses (one testcase per rule and entity),
   `-` reads standard input, docs/rules.md is current.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIPCONFORM, GEN, SRC, SHARED, RULES_MD = sys.argv[1:6]
failures = []

KEYS = """[mn-ha all]
kind = mn-ha
spi = 256
algorithm = hmac-md5
key = text:mipkit-mnha-key!

[mn-fa]
kind = mn-fa
spi = 400
algorithm = hmac-md5
key = text:mipkit-mnfa-key!

[fa-ha]
kind = fa-ha
spi = 300
algorithm = hmac-md5
key = text:mipkit-faha-key!
"""


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(args, stdin=None):
    p = subprocess.run([MIPCONFORM] + args, input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def verdicts(args):
    rc, out, err = run(["--format", "json"] + args)
    check(rc in (0, 1), f"{args}: exit {rc} ({err.strip()})")
    try:
        doc = json.loads(out)
    except ValueError as e:
        check(False, f"{args}: JSON does not parse: {e}")
        return rc, {}
    return rc, {r["id"]: r["verdict"] for r in doc["rules"]}


def table(path):
    rows = []
    with open(path) as f:
        for line in f:
            line = line.split("#")[0].split()
            if len(line) == 3:
                rows.append(tuple(line))
    return rows


with tempfile.TemporaryDirectory() as tmp:
    keys = os.path.join(tmp, "keys.conf")
    with open(keys, "w") as f:
        f.write(KEYS)
    expected = os.path.join(SRC, "expected.txt")
    gen = subprocess.run([GEN, tmp, expected])
    check(gen.returncode == 0, "gen_captures failed")

    # 1. generated captures
    rows = table(expected)
    by_cap = {}
    for cap, rule, verdict in rows:
        by_cap.setdefault(cap, []).append((rule, verdict))
    must_pass = table(os.path.join(SRC, "good-expected.txt"))
    for good in ("good-mip4", "good-mip6"):
        rc, v = verdicts(["--keys", keys, os.path.join(tmp, good + ".pcap")])
        bad = {r: x for r, x in v.items() if x in ("FAIL", "WARN")}
        check(not bad and rc == 0, f"{good}: expected no FAIL/WARN, got {bad}")
        for cap, rule, verdict in must_pass:
            if cap == good:
                check(v.get(rule) == verdict, f"{good}: {rule} expected {verdict}, got {v.get(rule)}")
    for cap, exp in sorted(by_cap.items()):
        rc, v = verdicts(["--keys", keys, os.path.join(tmp, cap + ".pcap")])
        for rule, verdict in exp:
            check(v.get(rule) == verdict,
                  f"{cap}: {rule} expected {verdict}, got {v.get(rule)}")
        if any(x == "FAIL" for x in v.values()):
            check(rc == 1, f"{cap}: FAIL verdicts but exit {rc}")

    # keyed rules without keys: NOT-APPLICABLE "needs --keys"
    rc, out, _ = run(["--format", "json", os.path.join(tmp, "good-mip4.pcap")])
    doc = json.loads(out)
    r = [x for x in doc["rules"] if x["id"] == "MIP4-REG-AUTH-MNHA"][0]
    check(r["verdict"] == "NOT-APPLICABLE" and r.get("reason") == "needs --keys",
          f"no keys: MIP4-REG-AUTH-MNHA {r}")

    # 2. shared captures
    for cap, rule, verdict in table(os.path.join(SRC, "shared-expected.txt")):
        pass
    shared_rows = table(os.path.join(SRC, "shared-expected.txt"))
    shared_exp = {}
    for cap, rule, verdict in shared_rows:
        shared_exp.setdefault(cap, {})
        if rule != "-":
            shared_exp[cap][rule] = verdict
    for cap, exp in sorted(shared_exp.items()):
        path = os.path.join(SHARED, cap)
        if not os.path.exists(path):
            check(False, f"shared capture {cap} missing")
            continue
        rc, v = verdicts([path])
        got = {r: x for r, x in v.items() if x in ("FAIL", "WARN")}
        check(got == exp, f"{cap}: expected {exp}, got {got}")
        check(rc == (1 if "FAIL" in exp.values() else 0), f"{cap}: exit {rc}")

    # 3. bad input
    def bad(args, needle, what, stdin=None):
        rc, out, err = run(args, stdin)
        check(rc == 2 and needle in err, f"{what}: exit {rc}, stderr {err.strip()!r}")

    bad([os.path.join(tmp, "nope.pcap")], "nope.pcap", "missing file")
    junk = os.path.join(tmp, "junk.pcap")
    with open(junk, "w") as f:
        f.write("this is not a capture file\n" * 4)
    bad([junk], "junk.pcap", "not a pcap")
    good4 = open(os.path.join(tmp, "good-mip4.pcap"), "rb").read()
    cut = os.path.join(tmp, "cut.pcap")
    with open(cut, "wb") as f:
        f.write(good4[: len(good4) - 7])
    bad([cut], "truncated", "truncated file")
    import struct
    odd = os.path.join(tmp, "user0.pcap")
    with open(odd, "wb") as f:   # classic pcap, LINKTYPE_USER0 (147)
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 147))
        f.write(struct.pack("<IIII", 1, 0, 4, 4) + b"abcd")
    bad([odd], "link type", "unsupported link type")
    badkeys = os.path.join(tmp, "bad.keys")
    with open(badkeys, "w") as f:
        f.write("[x]\nkind = nonsense\n")
    bad(["--keys", badkeys, os.path.join(tmp, "good-mip4.pcap")], "keys", "bad keys file")
    bad(["--keys", os.path.join(tmp, "none.keys"), os.path.join(tmp, "good-mip4.pcap")],
        "keys", "missing keys file")
    bad(["--format", "yaml", junk], "format", "bad format")
    bad(["--severity", "loud", junk], "severity", "bad severity")
    bad(["--role", "XX", junk], "role", "bad role")
    bad(["--rules", "NO-SUCH-*", junk], "no rule", "empty selection")
    bad([], "no capture", "no file")
    bad(["--bogus"], "bogus", "unknown option")

    # 4. formats, stdin, selection, docs
    rc, out, _ = run(["--format", "junit", os.path.join(tmp, "MIP4-ADV-TTL.pcap")])
    try:
        root = ET.fromstring(out)
        cases = root.findall(".//testcase")
        ids = {c.get("classname") for c in cases}
        fails = [c for c in cases if c.find("failure") is not None]
        check(len(ids) == int(subprocess.run([MIPCONFORM, "--list-rules"],
              capture_output=True).stdout.decode().count("\n")),
              "junit: one testcase (at least) per rule")
        check(any(c.get("classname") == "MIP4-ADV-TTL" for c in fails),
              "junit: MIP4-ADV-TTL failure")
    except ET.ParseError as e:
        check(False, f"junit does not parse: {e}")
    rc, out, _ = run(["-", "--format", "json"], stdin=good4)
    check(rc == 0 and json.loads(out)["frames"] > 10, f"stdin: exit {rc}")
    rc, out, _ = run(["--rules", "MIP4-ADV-*", "--severity", "error", "--list-rules"])
    check(rc == 0 and out.count("\n") > 3 and "warning" not in out and
          all(l.startswith("MIP4-ADV-") for l in out.splitlines()), "selection")
    rc, out, _ = run(["--role", "CN", "--list-rules"])
    check(rc == 0 and "MIP6-BA-K-CN" in out and "MIP4-ADV-TTL" not in out, "role")
    rc, out, _ = run(["--list-rules", "--format", "markdown"])
    check(rc == 0 and out == open(RULES_MD).read(),
          "docs/rules.md is not current: run mipconform --list-rules --format markdown > docs/rules.md")
    rc, out, _ = run(["--list-rules"])
    check(len(out.splitlines()) >= 120, "at least 120 rules")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
