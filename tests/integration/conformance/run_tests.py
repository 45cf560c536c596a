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
7. Several files: one trace while each starts where the one before ended
   (the same findings as the whole for a capture cut in two), else each a
   trace of its own with a note (the same file twice); no negative
   interval when time goes back inside a file.
8. Keys that match no authenticator (a mistyped SPI): the keyed rules are
   NOT-APPLICABLE with the count and the SPIs seen as their reason (text,
   JSON, JUnit), a warning on standard error, with one thread and two; a
   judged rule keeps its verdict, the warning counts the authenticators
   left out; bad keys files (unknown key, group twice) exit 2.
9. Output: a report not written is exit 2; -o never overwrites a capture
   (nor an old report when no capture could be read); hostile file names
   give well-formed JUnit and valid JSON; files not read to the end are in
   the JSON errors / files and JUnit error test cases; no Mobile IP at all
   warns; attached short option values, empty / mixed-case selections;
   the JSON truncated listing's cap.
10. Truncation is never a violation: every generated capture and shipped
   sample, its frames cut short by every snap length from 14 to the
   longest (record caplen lowered, bytes dropped, wire length kept), gives
   a per-packet rule no more failures on a node than the whole frames
   give; cut by sampled snap lengths (all frames alike, and each frame
   its own), a stateful rule no more failures on a node than the whole
   capture gives.
"""
import json
import os
import re
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
    check(err.count("cut.pcap") == 1 and "record after frame" in err,
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
    # "an agent MUST NOT set R unless F" (RFC 5944 2.1.1): a home agent too
    rc, out, _ = run(["--role", "HA", "--list-rules"])
    check(rc == 0 and "MIP4-ADV-R-F" in out and "MIP4-ADV-B-F" in out, "R/F and B/F rules bind home agents")
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

    # 7. several files: one trace while each starts where the one before
    # ended (rotated captures), else each file a trace of its own
    def records(data):
        """A classic little-endian pcap's records: [(time, bytes)]."""
        out, pos = [], 24
        while pos + 16 <= len(data):
            sec, frac, incl = struct.unpack("<III", data[pos:pos + 12])
            out.append((sec + frac / 1e6, data[pos:pos + 16 + incl]))
            pos += 16 + incl
        return out

    def findings(args, counts):
        """Rule -> node -> verdict, its findings (where in time and what,
        not the file and frame) and, if counts, its pass / fail counts;
        and stderr."""
        rc, out, err = run(["--format", "json"] + args)
        check(rc in (0, 1), f"{args}: exit {rc} ({err.strip()})")
        got = {}
        for r in json.loads(out)["rules"]:
            for e in r["entities"]:
                fs = {(f["time"], f["offset"], f["len"], f["detail"]) for f in e["findings"]}
                got.setdefault(r["id"], {})[e["node"]] = (
                    e["verdict"], fs, (e["pass"], e["fail"]) if counts else None)
        return got, err

    note = "before the previous file ends: checked as a separate trace"
    twice = [["--keys", keyfile, os.path.join(tmp, "MIP4-RRQ-RATE.pcap")],
             ["--keys", keyfile, os.path.join(tmp, "good-mip6.pcap")],
             [os.path.join(SAMPLES, "pmip6.pcap")]]
    # good-mip4 cut where time goes on (its frames are not all in time order)
    recs = records(good4)
    k = next(i for i in range(len(recs) // 2, len(recs)) if recs[i][0] >= recs[i - 1][0])
    halves = []
    for i, part in enumerate((recs[:k], recs[k:])):
        halves.append(os.path.join(tmp, f"half{i}.pcap"))
        with open(halves[-1], "wb") as f:
            f.write(good4[:24] + b"".join(r for _, r in part))
    for j in ("1", "2"):
        for args in twice:
            one, err1 = findings(["-j", j] + args, False)
            two, err2 = findings(["-j", j] + args + args[-1:], False)
            check(one == two and not err1 and err2.count(note) == 1 and
                  os.path.basename(args[-1]) + " starts " in err2,
                  f"-j {j}: {args[-1]} twice: not the findings of once, or no note: {err2!r}")
        whole, err1 = findings(["-j", j, "--keys", keyfile, os.path.join(tmp, "good-mip4.pcap")], True)
        split, err2 = findings(["-j", j, "--keys", keyfile] + halves, True)
        check(whole == split and not err1 and not err2,
              f"-j {j}: good-mip4 cut in two in time order: not the findings of the whole: {err2!r}")
        # time going back inside a file: no interval judged across it
        _, out, _ = run(["-j", j, "-v", "-"], long4)
        check(not re.search(r"-[0-9.]+ s\b", out),
              f"-j {j}: a file whose time goes back: a negative interval in a finding")

    # 8. keys that match no authenticator: say so, do not pass silently
    nomatch = os.path.join(tmp, "nomatch.keys")
    with open(nomatch, "w") as f:
        f.write("[x]\nkind = mn-ha\nspi = 9999\nkey = text:zzz\n")
    reg_cap = os.path.join(SAMPLES, "mip4-registration.pcap")
    want = {
        AUTH[0]: "12 authenticator(s) but no security association matched (SPI 256 from "
                 "198.51.100.10, SPI 256 from 203.0.113.1, SPI 256 from 198.51.100.1)",
        AUTH[1]: "3 authenticator(s) but no security association matched "
                 "(SPI 257 from 198.51.100.10)",
        AUTH[2]: "4 authenticator(s) but no security association matched "
                 "(SPI 258 from 203.0.113.1, SPI 258 from 198.51.100.1)",
    }
    warn = ("mipconform: warning: 19 authenticator(s) not verified: no security "
            f"association of {nomatch} matched (")
    for threads in ("1", "2"):
        rc, out, err = run(["-j", threads, "-v", "--keys", nomatch, reg_cap])
        for rid, why in want.items():
            check(f"NOT-APPLICABLE {rid}: {why}\n" in out,
                  f"no SA matched, -j {threads}: text reason of {rid}: "
                  f"{[l for l in out.splitlines() if rid in l]}")
        check(rc == 0 and err.startswith(warn) and err.count("\n") == 1,
              f"no SA matched, -j {threads}: exit {rc}, stderr {err!r}")
        rc, out, err = run(["-j", threads, "--format", "json", "--keys", nomatch, reg_cap])
        got = {x["id"]: x for x in json.loads(out)["rules"]}
        for rid, why in want.items():
            check(got[rid]["verdict"] == "NOT-APPLICABLE" and got[rid].get("reason") == why,
                  f"no SA matched, -j {threads}: JSON {rid} {got[rid].get('reason')!r}")
        rc, out, err = run(["-j", threads, "--format", "junit", "--keys", nomatch, reg_cap])
        skipped = [t.find("skipped").get("message") for t in ET.fromstring(out).iter("testcase")
                   if t.get("classname") == AUTH[2]]
        check(skipped == ["NOT-APPLICABLE: " + want[AUTH[2]]],
              f"no SA matched, -j {threads}: JUnit {skipped}")
    # the MN-HA SA only: MN-HA is judged (PASS), the MN-FA / FA-HA
    # authenticators are not, and the warning counts them
    partial = os.path.join(tmp, "partial.keys")
    with open(partial, "w") as f:
        f.write("[ha]\nkind = mn-ha\nspi = 256\nhome-address = 198.51.100.10\n"
                "key = text:mn-ha-secret-01\n")
    for threads in ("1", "2"):
        rc, out, err = run(["-j", threads, "-v", "--keys", partial, reg_cap])
        check(f"PASS {AUTH[0]} (3 node(s))" in out and
              f"NOT-APPLICABLE {AUTH[1]}: 3 authenticator(s)" in out,
              f"partial keys, -j {threads}: {[l for l in out.splitlines() if 'AUTH-' in l]}")
        check(rc == 0 and "warning: 7 authenticator(s) not verified" in err and
              err.count("\n") == 1, f"partial keys, -j {threads}: exit {rc}, {err!r}")
    # the samples' own keys cover every authenticator: no warning
    rc, out, err = run(["-j", "2", "--keys", os.path.join(SAMPLES, "samples.keys"), reg_cap])
    check(rc == 0 and err == "", f"samples.keys: exit {rc}, stderr {err!r}")
    # keys files with mistakes that used to pass silently: exit 2, a message
    for text, msg in (("[x]\nkind = mn-ha\nhome_address = 198.51.100.10\nkey = text:k\n",
                       "[x] unknown key 'home_address' (valid keys: kind, spi, algorithm, "
                       "home-address, peer, nai, key, key-file)"),
                      ("[x]\nkind = mn-ha\nkey = text:k\n[x]\nspi = 1\n",
                       "[x] is given twice (lines 1 and 4)")):
        with open(nomatch, "w") as f:
            f.write(text)
        rc, out, err = run(["--keys", nomatch, reg_cap])
        check(rc == 2 and f"mipconform: bad keys file: {nomatch}: {msg}" in err,
              f"bad keys file: exit {rc}, {err!r}")
    # 9. Output: write errors, -o safety, hostile file names, input errors
    # in every format, argument traps, the truncated listing's cap
    def run_raw(args, stdout=subprocess.PIPE):
        p = subprocess.run([MIPCONFORM] + args, stdout=stdout, stderr=subprocess.PIPE)
        return p.returncode, p.stdout, p.stderr.decode(errors="replace")

    g4 = os.path.join(tmp, "good-mip4.pcap")
    ttl = os.path.join(tmp, "MIP4-ADV-TTL.pcap")   # has FAIL examples
    # 9a. a report not written (full disk) is exit 2 and a message
    if os.path.exists("/dev/full"):
        rc, _, err = run_raw(["-o", "/dev/full", g4])
        check(rc == 2 and "/dev/full" in err, f"-o /dev/full: exit {rc}, {err.strip()!r}")
        for fmt in ("text", "json", "junit"):
            with open("/dev/full", "w") as full:
                rc, _, err = run_raw(["-f", fmt, g4], stdout=full)
            check(rc == 2 and "standard output" in err,
                  f"{fmt} to a full stdout: exit {rc}, {err.strip()!r}")
        with open("/dev/full", "w") as full:
            rc, _, err = run_raw(["--list-rules"], stdout=full)
        check(rc == 2 and "cannot write" in err, f"--list-rules to a full stdout: exit {rc}")
    # 9b. -o never destroys a capture, nor an old report for nothing
    victim = os.path.join(tmp, "victim.pcap")
    with open(victim, "wb") as f:
        f.write(good4)
    rc, _, err = run_raw(["-o", victim, g4, victim])
    check(rc == 2 and "refusing" in err and open(victim, "rb").read() == good4,
          f"-o an input: exit {rc}, {err.strip()!r}")
    old = os.path.join(tmp, "old-report.txt")
    with open(old, "w") as f:
        f.write("old\n")
    rc, _, err = run_raw(["-o", old, os.path.join(tmp, "nope.pcap")])
    check(rc == 2 and open(old).read() == "old\n", f"-o with no input read: exit {rc}, file rewritten")
    rc, _, err = run_raw(["-o", os.path.join(tmp, "no-dir", "r.txt"), g4])
    check(rc == 2 and "directory does not exist" in err, f"-o in a missing directory: exit {rc}, {err.strip()!r}")
    rc, _, _ = run_raw(["-o", old, g4])
    check(rc == 0 and open(old).read().startswith("mipconform "), f"-o: exit {rc}")
    # 9c. any file name: JUnit is well-formed XML, JSON valid UTF-8 JSON
    hostile = os.path.join(tmp.encode(), b'a&b<c>"q\'\x01\x1f\xff\xfe\xc3.pcap')
    with open(hostile, "wb") as f:
        f.write(open(ttl, "rb").read())
    missing = os.path.join(tmp.encode(), b'gone&<\xff>.pcap')
    for fmt in ("json", "junit"):
        p = subprocess.run([MIPCONFORM.encode(), b"-f", fmt.encode(), hostile, missing],
                           capture_output=True)
        try:
            if fmt == "json":
                d = json.loads(p.stdout.decode("utf-8"))
                ok = (len(d["files"]) == 1 and d["files"][0]["file"].startswith(tmp + '/a&b<c>"q\'\x01\x1f')
                      and len(d["errors"]) == 1)
            else:
                root = ET.fromstring(p.stdout)
                cases = root.iter("testcase")
                ok = any('a&b<c>"q' in (f.text or "") for c in cases for f in c.iter("failure"))
            check(ok and p.returncode == 2, f"hostile name, {fmt}: content (exit {p.returncode})")
        except (ValueError, ET.ParseError) as e:
            check(False, f"hostile name, {fmt}: does not parse: {e}")
    # 9d. a file not read to its end is in every report, not only the exit status
    nope = os.path.join(tmp, "nope.pcap")
    rc, out, _ = run_raw(["-f", "junit", nope])
    root = ET.fromstring(out)
    errs = [c for c in root.iter("testcase") if c.find("error") is not None]
    check(rc == 2 and len(errs) == 1 and errs[0].get("name") == nope and
          errs[0].get("classname") == "mipconform.input" and root.get("errors") == "1",
          f"junit: missing file as an error test case (exit {rc})")
    def fields(doc, *path):
        """doc[path...], or None where a field is missing / of another shape."""
        try:
            for k in path:
                doc = doc[k]
            return doc
        except (KeyError, IndexError, TypeError):
            return None

    rc, out, _ = run_raw(["-f", "json", g4, cut, nope])
    d = json.loads(out)
    files = [(fields(f, "file"), fields(f, "read_to_end")) for f in d["files"]]
    errors = [fields(e, "file") for e in fields(d, "errors") or []]
    check(files == [(g4, True), (cut, False)] and errors == [cut, nope] and
          "No such file" in (fields(d, "errors", 1, "message") or "") and
          "truncated capture file" in (fields(d, "errors", 0, "message") or ""),
          f"json: files / errors {files} {errors}, the reasons {fields(d, 'errors')}")
    for j in ("1", "2"):
        check(run_raw(["-j", j, "-f", "json", g4, cut, nope])[1] == out, f"json errors: -j {j} differs")
    rc, out, _ = run_raw([cut, nope])
    check(rc == 2 and b"not read to the end" in out and out.count(b"cut.pcap") >= 1 and b"nope.pcap" in out,
          "text: the input failures listed")
    # no Mobile IP at all: a warning, exit 0
    empty = os.path.join(tmp, "empty.pcap")
    with open(empty, "wb") as f:
        f.write(good4[:24])
    other = os.path.join(tmp, "other.pcap")   # one Ethernet frame, ARP
    with open(other, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        f.write(struct.pack("<IIII", 1, 0, 42, 42) + b"\xff" * 6 + b"\x02" * 6 + b"\x08\x06" + bytes(28))
    for cap in (empty, other):
        rc, _, err = run_raw([cap])
        check(rc == 0 and "no Mobile IP messages found" in err and err.count("\n") == 1,
              f"{cap}: exit {rc}, warning {err!r}")
    check("no Mobile IP" not in run_raw([g4])[2], "warning on Mobile IP traffic")
    # 9e. argument traps
    check(run_raw(["-j2", "-fjson", g4])[:2] == run_raw(["-j", "2", "-f", "json", g4])[:2],
          "attached short option values (-j2 -fjson)")
    check(run_raw(["-vfjson", "-o", os.path.join(tmp, "-fx.json"), g4])[0] == 0 and
          os.path.exists(os.path.join(tmp, "-fx.json")), "a cluster ending in -f; a value like an option")
    check((run_raw(["-rmip4-adv-ttl", "--list-rules"])[1] + b"\n").splitlines()[0].startswith(b"MIP4-ADV-TTL"),
          "-r case-insensitive, attached")
    for args in (["-r", ""], ["--role", ""], ["-s", ""], ["-r", "MIP4-ADV-TTL,"],
                 ["--list-rules", "-f", "junit"]):
        rc, _, err = run_raw(args + ["--list-rules"] if "--list-rules" not in args else args)
        check(rc == 2 and "mipconform:" in err, f"{args}: exit {rc}")
    check(b"docs/keys.md" in run_raw(["--help"])[1], "--help points to docs/keys.md")
    # 9f. the truncated listing says it is capped
    head = good4[:16] + struct.pack("<I", 30) + good4[20:24]   # snaplen 30: every frame cut
    sh = os.path.join(tmp, "snap30.pcap")
    pos, recs = 24, []
    while pos + 16 <= len(good4):
        ts1, ts2, incl, orig = struct.unpack("<IIII", good4[pos:pos + 16])
        keep = min(incl, 30)
        recs.append(struct.pack("<IIII", ts1, ts2, keep, orig) + good4[pos + 16:pos + 16 + keep])
        pos += 16 + incl
    with open(sh, "wb") as f:
        f.write(head + b"".join(recs))
    d = json.loads(run_raw(["-f", "json", sh])[1])
    check(d["truncated_frames"] > 20 and d.get("truncated_listed") == len(d["truncated"]) == 20,
          f"truncated: {d['truncated_frames']} frames, {d.get('truncated_listed')} listed")

    # 10. truncation: bytes the capture did not hold are never a violation
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
        # stateful: all frames cut alike, then each frame its own way
        whole = fails(path, "stateful")
        top = max(len(b) for _, _, b, _ in recs)
        snaps = [("snap", n) for n in range(14, top, max(1, (top - 14) // 6))]
        snaps += [("mixed", k) for k in range(3)]
        for how, n in snaps:
            cut = [(t1, t2, b[:n if how == "snap" else 14 + (i * 37 + n * 11) % max(1, len(b) - 14)],
                    wire) for i, (t1, t2, b, wire) in enumerate(recs)]
            write_pcap(os.path.join(tdir, "cut.pcap"), head, fmt, cut)
            no_more(fails(os.path.join(tdir, "cut.pcap"), "stateful"), whole,
                    f"{name}, {how} {n}")

    # the no-Mobile-IP warning when the frames were cut short
    short = os.path.join(tmp, "short.pcap")   # good-mip4, every frame cut to 34 bytes
    head4, fmt4, recs4 = pcap_records(g4)
    write_pcap(short, head4, fmt4, [(t1, t2, b[:34], wire) for t1, t2, b, wire in recs4])
    rc, _, err = run_raw([short])
    check(rc == 0 and f"no whole Mobile IP message found ({len(recs4)} frame(s), {len(recs4)} cut short)" in err,
          f"all Mobile IP cut short: exit {rc}, warning {err!r}")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
