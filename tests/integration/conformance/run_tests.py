#!/usr/bin/python3
"""mipconform integration tests.

run_tests.py MIPCONFORM GEN_CAPTURES SRCDIR SHARED_CAPTURES RULES_MD SAMPLES

1. gen_captures writes good-mip4/good-mip6, pass-* captures and one capture
   per rule broken (expected.txt: capture -> rule -> verdict); each verdict
   is asserted; the good captures must have no FAIL and no WARN at all, a
   pass-* capture exactly the FAIL / WARN rows good-expected.txt lists.
   The bar: every rule of `mipconform --list-rules --format json` PASSes
   in a good / pass-* capture and, in the capture named after it, has the
   verdict of its level (error -> FAIL, warning / info -> WARN).
5. Keys: the shipped samples (SAMPLES = captures/) verify with
   samples.keys, a corrupted authenticator FAILs its rule, no --keys says
   "needs --keys"; SA selectors (peer, NAI, most specific SA).
2. Every shared capture runs to the end; the FAIL/WARN rules found on each
   are asserted (shared-expected.txt).
3. Bad input: missing file, not a pcap, truncated file, unsupported link
   type, bad keys file, bad usage -> exit 2 and a clear message.
4. Reports: JSON parses, JUnit parses (one testcase per rule and entity),
   `-` reads standard input, docs/rules.md is current.
6. One thread and two (--threads 1 / 2) give the same report, messages
   and exit status: many files in one run with unreadable ones among them
   (batches cut at file ends and errors), standard input (frames copied,
   as its reader reuses its buffer) longer than a batch, keys.
7. Truncation is never a violation: every generated capture and shipped
   sample, its frames cut short by every snap length from 14 to the
   longest (record caplen lowered, bytes dropped, wire length kept), gives
   a per-packet rule no more failures on a node than the whole frames
   give.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIPCONFORM, GEN, SRC, SHARED, RULES_MD, SAMPLES = sys.argv[1:7]
failures = []

# the keys of the generated captures
KEYS = open(os.path.join(SRC, "gen.keys")).read()


# SA selector test (good-mip4): the peer-specific MN-HA SA has a wrong key,
# the NAI-specific one (rtx@example.net, the retransmitting co-located MN)
# the right key; an earlier catch-all SA must lose to both.
SELECTOR_KEYS = """[catch-all, wrong]
kind = mn-ha
spi = 256
key = text:wrong-key-wrong!

[home agent, wrong]
kind = mn-ha
spi = 256
peer = 10.1.0.1
key = text:wrong-key-wrong!

[rtx by NAI]
kind = mn-ha
spi = 256
peer = 10.1.0.1
nai = rtx@example.net
key = text:mipkit-mnha-key!

[mn-fa with the foreign agent]
kind = mn-fa
spi = 400
peer = 192.0.2.1
key = text:mipkit-mnfa-key!

[fa-ha with the home agent]
kind = fa-ha
spi = 300
peer = 10.1.0.1
key = text:mipkit-faha-key!
"""


def corrupt_auth(pcap, ext_type):
    """Flip the last authenticator byte of the first MIPv4 registration
    extension `ext_type` that is the message's last extension (so no other
    authenticator covers it) in a classic Ethernet pcap; fix the UDP
    checksum."""
    import struct
    out = bytearray(pcap)
    le = pcap[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1")  # us / ns
    off = 24
    while off + 16 <= len(out):
        incl = struct.unpack("<I" if le else ">I", out[off + 8:off + 12])[0]
        p = off + 16
        ip = p + 14
        if out[p + 12:p + 14] == b"\x08\x00" and out[ip + 9] == 17:
            ihl = (out[ip] & 15) * 4
            u = ip + ihl
            sport, dport, ulen = struct.unpack(">HHH", out[u:u + 6])
            if 434 in (sport, dport) and out[u + 8] in (1, 3):
                x = u + 8 + (24 if out[u + 8] == 1 else 20)
                while x + 2 <= u + ulen:
                    t, l = out[x], out[x + 1]
                    if t == ext_type and x + 2 + l == u + ulen:
                        out[x + 2 + l - 1] ^= 0x01
                        out[u + 6:u + 8] = b"\0\0"
                        seg = bytes(out[ip + 12:ip + 20]) + bytes([0, 17]) + \
                            struct.pack(">H", ulen) + bytes(out[u:u + ulen])
                        if len(seg) % 2:
                            seg += b"\0"
                        s = sum(struct.unpack(">%dH" % (len(seg) // 2), seg))
                        while s >> 16:
                            s = (s & 0xffff) + (s >> 16)
                        c = (~s) & 0xffff or 0xffff
                        out[u + 6:u + 8] = struct.pack(">H", c)
                        return bytes(out)
                    x += 2 + l
        off += 16 + incl
    return None


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
    seen = {}   # capture -> {rule: verdict}, as mipconform reported them
    for good in sorted({cap for cap, _, _ in must_pass}):
        rc, v = verdicts(["--keys", keys, os.path.join(tmp, good + ".pcap")])
        seen[good] = v
        bad = {r: x for r, x in v.items() if x in ("FAIL", "WARN")}
        want = {r: x for c, r, x in must_pass if c == good and x in ("FAIL", "WARN")}
        check(bad == want and rc == (1 if "FAIL" in want.values() else 0),
              f"{good}: expected FAIL/WARN {want}, got {bad} (exit {rc})")
        for cap, rule, verdict in must_pass:
            if cap == good:
                check(v.get(rule) == verdict, f"{good}: {rule} expected {verdict}, got {v.get(rule)}")
    for cap, exp in sorted(by_cap.items()):
        rc, v = verdicts(["--keys", keys, os.path.join(tmp, cap + ".pcap")])
        seen[cap] = v
        for rule, verdict in exp:
            check(v.get(rule) == verdict,
                  f"{cap}: {rule} expected {verdict}, got {v.get(rule)}")
        if any(x == "FAIL" for x in v.values()):
            check(rc == 1, f"{cap}: FAIL verdicts but exit {rc}")

    # the bar: every catalogue rule passes somewhere and is broken in its capture
    rc, out, err = run(["--list-rules", "--format", "json"])
    catalogue = json.loads(out) if rc == 0 else []
    check(len(catalogue) >= 120, f"--list-rules --format json: {len(catalogue)} rules ({err.strip()})")
    no_pass, no_break = [], []
    for r in catalogue:
        rid = r["id"]
        if not any(seen[c].get(rid) == "PASS" for c in seen if c in {x for x, _, _ in must_pass}):
            no_pass.append(rid)
        want = "FAIL" if r["level"] == "error" else "WARN"
        if seen.get(rid, {}).get(rid) != want or (rid, want) not in by_cap.get(rid, []):
            no_break.append(f"{rid} (expected {want}, got {seen.get(rid, {}).get(rid)})")
    check(not no_pass, f"rules with no PASS in a good / pass-* capture: {no_pass}")
    check(not no_break, f"rules without a broken capture asserting their level: {no_break}")

    # keyed rules without keys: NOT-APPLICABLE "needs --keys"
    AUTH = ("MIP4-REG-AUTH-MNHA", "MIP4-REG-AUTH-MNFA", "MIP4-REG-AUTH-FAHA")
    for cap in ("good-mip4.pcap", "MIP4-REG-AUTH-MNFA.pcap"):
        rc, out, _ = run(["--format", "json", os.path.join(tmp, cap)])
        doc = json.loads(out)
        for rid in AUTH:
            r = [x for x in doc["rules"] if x["id"] == rid][0]
            check(r["verdict"] == "NOT-APPLICABLE" and r.get("reason") == "needs --keys",
                  f"no keys: {cap} {rid} {r}")

    # 5. keys: the shipped samples and their keys file
    samples = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".pcap"))
    skeys = os.path.join(SAMPLES, "samples.keys")
    rc, v = verdicts(["--keys", skeys] + samples)
    check(rc == 0 and all(v.get(x) == "PASS" for x in AUTH),
          f"samples with samples.keys: exit {rc}, {[(x, v.get(x)) for x in AUTH]}, "
          f"FAIL/WARN {[r for r, x in v.items() if x in ('FAIL', 'WARN')]}")
    rc, out, _ = run(["--format", "json"] + samples)
    doc = json.loads(out)
    for rid in AUTH:
        r = [x for x in doc["rules"] if x["id"] == rid][0]
        check(r["verdict"] == "NOT-APPLICABLE" and r.get("reason") == "needs --keys",
              f"samples without keys: {rid} {r.get('verdict')} {r.get('reason')}")
    # corrupt one authenticator of each kind: that rule FAILs, the others PASS
    reg = open(os.path.join(SAMPLES, "mip4-registration.pcap"), "rb").read()
    for ext, rid in ((32, AUTH[0]), (33, AUTH[1]), (34, AUTH[2])):
        bad_cap = os.path.join(tmp, f"corrupt-{ext}.pcap")
        data = corrupt_auth(reg, ext)
        check(data is not None, f"mip4-registration.pcap has no extension {ext}")
        if data is None:
            continue
        with open(bad_cap, "wb") as f:
            f.write(data)
        rc, v = verdicts(["--keys", skeys, bad_cap])
        check(rc == 1 and v.get(rid) == "FAIL" and
              all(v.get(x) == "PASS" for x in AUTH if x != rid) and
              v.get("MIP4-REG-CSUM-VALID") == "PASS",
              f"corrupted extension {ext}: exit {rc}, {[(x, v.get(x)) for x in AUTH]}")
    # SA selectors (keys.h): a catch-all SA with a wrong key loses to one
    # naming the peer; the MN-NAI selects an SA; MN-FA / FA-HA by peer
    sel = os.path.join(tmp, "selectors.keys")
    with open(sel, "w") as f:
        f.write(SELECTOR_KEYS)
    rc, out, _ = run(["--format", "json", "--keys", sel, "--rules", "MIP4-REG-AUTH-*",
                      os.path.join(tmp, "good-mip4.pcap")])
    doc = json.loads(out)
    got = {x["id"]: x for x in doc["rules"]}
    check(got["MIP4-REG-AUTH-MNFA"]["verdict"] == "PASS" and
          got["MIP4-REG-AUTH-FAHA"]["verdict"] == "PASS",
          f"selectors: MN-FA / FA-HA by peer: {got['MIP4-REG-AUTH-MNFA']['verdict']}, "
          f"{got['MIP4-REG-AUTH-FAHA']['verdict']}")
    ents = {e["node"]: e["verdict"] for e in got["MIP4-REG-AUTH-MNHA"]["entities"]}
    check(ents.get("203.0.113.7") == "PASS" and ents.get("10.1.0.5") == "FAIL",
          f"selectors: MN-HA by NAI (203.0.113.7 PASS) over peer (wrong key): {ents}")

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
    _, _, err = run([cut])
    check(err.count("cut.pcap") == 1 and "after frame" in err,
          f"truncated file: the message names the file once and the frame: {err.strip()!r}")
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

    # 6. one thread or two: the same output
    def pcap_repeat(data, times):
        """The records of a classic pcap `times` over (frame count x times)."""
        return data[:24] + data[24:] * times

    gen = sorted(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith(".pcap"))
    mixed = gen[:40] + [os.path.join(tmp, "nope.pcap"), odd] + gen[40:80] + [cut] + gen[80:]
    keyfile = os.path.join(tmp, "threads.keys")
    with open(keyfile, "w") as f:
        f.write(KEYS)
    nframes = 0
    pos = 24
    while pos + 16 <= len(good4):
        nframes += 1
        pos += 16 + struct.unpack("<I", good4[pos + 8:pos + 12])[0]
    long4 = pcap_repeat(good4, 2600 // nframes + 1)   # over two batches of 1024
    # frames of 1500 bytes: the copies made for standard input fill their
    # buffer (256 KiB) before a batch is full
    big = good4[:24] + b"".join(
        struct.pack("<IIII", 1000 + i, 0, 1500, 1500) + bytes([i % 256]) * 1500
        for i in range(600))
    # (args, stdin, the exit status: 2 where unreadable files are among
    # them, as in `gen` too (the bad-input files above), 1 where findings are
    # errors, 0 on the clean frames of `big`)
    cases = [(["-v"] + mixed, None, 2), (["--format", "json", "--keys", keyfile] + gen, None, 2),
             (["--format", "junit", "-"], long4, 1), (["-v", "-", "--keys", keyfile], long4, 1),
             (["--format", "json", "-"], big, 0)]
    for args, stdin, rc in cases:
        one = run(["--threads", "1"] + args, stdin)
        two = run(["--threads", "2"] + args, stdin)
        what = f"threads 1 vs 2 on {args[:3]}... ({len(args)} args, stdin {stdin is not None})"
        check(one == two, what + f": exit {one[0]} / {two[0]}, stderr {one[2]!r} / {two[2]!r}")
        check(one[0] == rc and len(one[1]) > 1000, what + f": exit {one[0]}, not {rc}, or no report")
        if stdin is not None and "json" in args:
            frames = json.loads(one[1])["frames"]
            check(frames > 500, what + f": {frames} frames")
    bad(["--threads", "3", junk], "threads", "bad thread count")

    # 7. truncation: bytes the capture did not hold are never a violation
    def pcap_records(path):
        """A classic pcap's file header and records (ts, ts2, bytes, wirelen)."""
        data = open(path, "rb").read()
        fmt = "<IIII" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">IIII"
        recs, pos = [], 24
        while pos + 16 <= len(data):
            t1, t2, cap, wire = struct.unpack(fmt, data[pos:pos + 16])
            recs.append((t1, t2, data[pos + 16:pos + 16 + cap], wire))
            pos += 16 + cap
        return data[:24], fmt, recs

    def write_pcap(path, head, fmt, recs):
        with open(path, "wb") as f:
            f.write(head)
            for t1, t2, b, wire in recs:
                f.write(struct.pack(fmt, t1, t2, len(b), wire) + b)

    kinds = {r["id"]: r["kind"] for r in catalogue}

    def fails(path, kind):
        """{(rule, node): failed checks} of the rules of this kind."""
        rc, out, err = run(["--format", "json", path])
        if rc not in (0, 1):
            check(False, f"truncation: {path}: exit {rc} ({err.strip()})")
            return {}
        return {(r["id"], e["node"]): e["fail"] for r in json.loads(out)["rules"]
                if kinds.get(r["id"]) == kind for e in r.get("entities", []) if e["fail"]}

    def no_more(cut, whole, what):
        more = {k: n for k, n in cut.items() if n > whole.get(k, 0)}
        check(not more, f"truncation: {what}: failures the whole frames do not give "
              f"(rule, node: cut / whole): {[(k, n, whole.get(k, 0)) for k, n in sorted(more.items())]}")

    trunc_caps = [os.path.join(tmp, c + ".pcap") for c in sorted(set(by_cap) | set(seen))]
    trunc_caps += samples
    tdir = os.path.join(tmp, "trunc")
    os.mkdir(tdir)
    for path in trunc_caps:
        name = os.path.basename(path)
        head, fmt, recs = pcap_records(path)
        # per-packet: each frame at every snap length, against as many
        # copies of it whole
        cut = [(t1, t2, b[:n], wire) for t1, t2, b, wire in recs for n in range(14, len(b))]
        whole = [(t1, t2, b, wire) for t1, t2, b, wire in recs for n in range(14, len(b))]
        write_pcap(os.path.join(tdir, "cut.pcap"), head, fmt, cut)
        write_pcap(os.path.join(tdir, "whole.pcap"), head, fmt, whole)
        no_more(fails(os.path.join(tdir, "cut.pcap"), "per-packet"),
                fails(os.path.join(tdir, "whole.pcap"), "per-packet"), f"{name}, every snap length")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
