#!/usr/bin/python3
"""Integration tests of the mipkit Wireshark plugin: real tshark, the plugin
loaded from a private HOME (as root tshark ignores personal plugins, so it
is run as nobody through setpriv).

    dissector_test.py CASE --plugin SO --shared DIR --project DIR --work DIR

CASE: load | captures | compare | analysis | tunnels | stats | switchback
Each case prints what it checked and exits non-zero on the first failure
list (all failures of the case are printed)."""
import argparse
import atexit
import glob
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_captures  # noqa: E402

FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL:", msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


# ---- tshark with and without the plugin -------------------------------

def searchable(path):
    """Can nobody reach (and read) path? Every parent must be o+x."""
    p = os.path.abspath(path)
    while True:
        if not os.stat(p).st_mode & stat.S_IXOTH:
            return False
        if p == "/":
            return True
        p = os.path.dirname(p)


class Tshark:
    """tshark with a private HOME holding the plugin (and one without).
    Everything tshark reads lives in a world-readable temporary folder, so
    the checkout's location does not matter when tshark runs as nobody;
    libmipwire is found there through LD_LIBRARY_PATH (searched before the
    plugin's build rpath)."""

    def __init__(self, plugin, libmipwire, work):
        self.work = os.path.abspath(work)
        os.makedirs(self.work, exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix="mipkit-dissector-")
        atexit.register(shutil.rmtree, self.tmp, True)
        os.chmod(self.tmp, 0o755)
        self.home_plugin = os.path.join(self.tmp, "home-plugin")
        self.home_plain = os.path.join(self.tmp, "home-plain")
        self.libdir = os.path.join(self.tmp, "lib")
        pdir = os.path.join(self.home_plugin,
                            ".local/lib/wireshark/plugins/4.0/epan")
        os.makedirs(pdir)
        os.makedirs(self.home_plain)
        os.makedirs(self.libdir)
        shutil.copy(plugin, os.path.join(pdir, "mipkit.so"))
        # the soname the plugin needs (libmipwire.so.0 -> real file)
        real = os.path.realpath(libmipwire)
        for name in {os.path.basename(libmipwire), "libmipwire.so.0"}:
            shutil.copy(real, os.path.join(self.libdir, name))
        self.open_up(self.tmp)

    def readable(self, path):
        """A path nobody can read: path itself, or a copy under tmp."""
        if searchable(os.path.dirname(os.path.abspath(path))):
            return path
        dst = os.path.join(self.tmp, "copy", path.strip("/"))
        if os.path.isdir(path):
            shutil.copytree(path, dst, dirs_exist_ok=True)
        else:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy(path, dst)
        self.open_up(self.tmp)
        return dst

    @staticmethod
    def open_up(path):
        for root, dirs, files in os.walk(path):
            os.chmod(root, 0o755)
            for f in files:
                fp = os.path.join(root, f)
                os.chmod(fp, os.stat(fp).st_mode | 0o444)

    def run(self, args, plugin=True, check_rc=True):
        home = self.home_plugin if plugin else self.home_plain
        args = [self.readable(x) if i and args[i - 1] == "-r" else x
                for i, x in enumerate(args)]
        env_cmd = ["env", "HOME=" + home, "LC_ALL=C",
                   "LD_LIBRARY_PATH=" + self.libdir]
        if os.geteuid() == 0:
            cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup",
                   "--clear-groups"] + env_cmd
        else:
            cmd = env_cmd
        cmd += ["tshark"] + args
        r = subprocess.run(cmd, capture_output=True, text=True)
        if check_rc and r.returncode != 0:
            fail("tshark %s exited %d: %s" % (" ".join(args), r.returncode,
                                              r.stderr.strip()[:400]))
        return r

    def fields(self, cap, fields, extra=(), plugin=True):
        """{frame number: {field: [values]}} from -T fields."""
        args = ["-r", self.readable(cap), "-2", "-T", "fields", "-E", "separator=\t",
                "-E", "occurrence=a", "-E", "aggregator=|",
                "-e", "frame.number"]
        for f in fields:
            args += ["-e", f]
        r = self.run(args + list(extra), plugin=plugin)
        out = {}
        for line in r.stdout.splitlines():
            cols = line.split("\t")
            num = int(cols[0])
            out[num] = {f: (cols[i + 1].split("|") if i + 1 < len(cols) and
                            cols[i + 1] else [])
                        for i, f in enumerate(fields)}
        return out


def all_captures(a, gen_dir):
    caps = []
    for pat in ("*/*.pcap", "*/*.dump", "*/*.pcapng"):
        caps += glob.glob(os.path.join(a.shared, pat))
    for pat in ("*.pcap", "*.pcapng", "**/*.pcap"):
        caps += glob.glob(os.path.join(a.project, pat), recursive=True)
    caps += glob.glob(os.path.join(gen_dir, "*.pcap"))
    return sorted(set(caps))


def generate(a):
    d = os.path.join(a.ts.tmp, "captures")
    os.makedirs(d, exist_ok=True)
    old = sys.argv
    sys.argv = ["gen_captures.py", d]
    try:
        gen_captures.main()
    finally:
        sys.argv = old
    return d


# ---- cases --------------------------------------------------------------

def case_load(ts, a):
    r = ts.run(["-G", "plugins"])
    check(re.search(r"^mipkit\.so\s", r.stdout, re.M),
          "plugin not listed by tshark -G plugins (loaded as nobody from "
          "%s; is libmipwire readable by nobody?)" % ts.home_plugin)
    check("same dissector name" not in r.stderr, r.stderr.strip())
    r = ts.run(["-G", "fields"])
    names = [l.split("\t")[2] for l in r.stdout.splitlines()
             if l.startswith("F\t") and "\tmipkit." in l]
    print("mipkit fields:", len(names))
    check(len(names) > 500, "only %d mipkit fields registered" % len(names))
    for want in ("mipkit.mip4.msg.rrq.lifetime", "mipkit.mip4.msg.rrp.code",
                 "mipkit.mh.bu.seq", "mipkit.mh.opt.alt_coa.addr",
                 "mipkit.mip4.ext.mn_ha_auth.spi", "mipkit.auth.status",
                 "mipkit.mh.csum.status", "mipkit.binding.coa",
                 "mipkit.response_time"):
        check(want in names, "field %s missing" % want)
    bad = [n for n in names if not re.fullmatch(r"mipkit(\.[a-z0-9_\-]+)+",
                                                 n)]
    check(not bad, "odd field names: %s" % bad[:5])
    r = ts.run(["-G", "decodes"])
    for tab, val in (("udp.port", "434"), ("ip.proto", "135"),
                     ("ip.proto", "55"), ("udp.port", "5436")):
        check(re.search(r"^%s\t%s\tmipkit" % (re.escape(tab), val),
                        r.stdout, re.M),
              "%s %s not claimed by mipkit" % (tab, val))
    r = ts.run(["-G", "protocols"])
    check(re.search(r"^.*\tMIPKIT\tmipkit", r.stdout, re.M),
          "protocol mipkit not registered")


SHOULD_FLAG = ("_asan", "oobr")
EXC = "Exception occurred"


def case_captures(ts, a):
    gen = generate(a)
    ts.open_up(ts.tmp)
    caps = all_captures(a, gen)
    check(len(caps) >= 40, "only %d captures found" % len(caps))
    for cap in caps:
        name = os.path.relpath(cap, a.shared) if cap.startswith(
            a.shared) else os.path.basename(cap)
        r = ts.run(["-r", cap, "-V"], check_rc=False)
        err = r.stderr
        check("Dissector bug" not in r.stdout + err,
              "%s: dissector bug: %s" % (name, err[:300]))
        check(not re.search(r"(WARNING|CRITICAL|ERROR)", err),
              "%s: tshark stderr: %s" % (name, err.strip()[:300]))
        check("Malformed Packet: MIPKIT" not in r.stdout,
              "%s: exception inside the mipkit dissector" % name)
        mine = ts.fields(cap, ["_ws.expert.message", "mipkit",
                               "mipkit.malformed", "mipkit.truncated",
                               "mipkit.elem.malformed"])
        base = ts.fields(cap, ["_ws.expert.message"], plugin=False)
        fuzz = any(s in name for s in SHOULD_FLAG)
        for num, fv in mine.items():
            bexp = " ".join(base.get(num, {}).get("_ws.expert.message", []))
            # an exception ("Malformed Packet") only where Wireshark's own
            # dissectors throw too
            if (EXC in " ".join(fv["_ws.expert.message"]) and
                    EXC not in bexp):
                fail("%s frame %d: exception with the plugin only" %
                     (name, num))
            # valid captures: the plugin calls nothing malformed that
            # Wireshark's built-ins take as well-formed
            if (not fuzz and fv["mipkit.malformed"] and
                    "alformed" not in bexp):
                fail("%s frame %d: mipkit says malformed: %s" %
                     (name, num, fv["_ws.expert.message"]))
        if any(s in name for s in SHOULD_FLAG):
            flagged = [n for n, fv in mine.items()
                       if fv["mipkit.malformed"] or fv["mipkit.truncated"]
                       or fv["mipkit.elem.malformed"]]
            check(flagged, "%s: fuzz capture without a mipkit malformed/"
                  "truncated expert item" % name)
        print("ok %-52s frames=%d mipkit=%d" % (
            name, len(mine), sum(1 for f in mine.values() if f["mipkit"])))


# Built-in fields whose value differs from the plugin's on the same bytes,
# with the reason (documented in docs/dissector.md).
KNOWN_DIFF = {
    # RFC 5213 8.8: 48.16 fixed-point seconds. The built-in shows it as a
    # date; libmipwire's layout gives the raw 64-bit value.
    "mip6.timestamp_tmp": "Timestamp option: date vs raw 64-bit value",
}
BUILTIN_PREFIX = ("mip.", "mip6.", "icmp.mip.")
BITS = re.compile(r"^([01.]{4}(?: [01.]{4})*) = ")


def pdml_fields(xml_text, prefixes):
    """[{(pos, size, bits): [(name, show)]}] per packet."""
    out = []
    for pkt in ET.fromstring(xml_text).iter("packet"):
        d = {}
        for f in pkt.iter("field"):
            name = f.get("name", "")
            if not name.startswith(prefixes) or f.get("size") in (None, "0"):
                continue
            if f.get("generated") == "1" or f.get("hide") == "yes":
                continue
            m = BITS.match(f.get("showname", ""))
            key = (f.get("pos"), f.get("size"), m.group(1) if m else "")
            d.setdefault(key, []).append((name, f.get("show", "")))
        out.append(d)
    return out


HEXBYTES = re.compile(r"^[0-9a-f]{2}(:[0-9a-f]{2})+$")


def norm(v):
    """Representation-free value: byte strings and integers both as int
    (the built-in shows cookies / keygen tokens as 64-bit integers, the
    plugin as bytes, or the other way round)."""
    v = v.strip()
    if v in ("True", "False"):
        return str(int(v == "True"))
    if HEXBYTES.match(v):
        return str(int(v.replace(":", ""), 16))
    try:
        return str(int(v, 0))
    except ValueError:
        return v


def case_compare(ts, a):
    gen = generate(a)
    ts.open_up(ts.tmp)
    total = same = 0
    uncovered = {}
    for cap in all_captures(a, gen):
        b = ts.run(["-r", cap, "-T", "pdml"], plugin=False, check_rc=False)
        p = ts.run(["-r", cap, "-T", "pdml"], check_rc=False)
        try:
            bf = pdml_fields(b.stdout, BUILTIN_PREFIX)
            pf = pdml_fields(p.stdout, ("mipkit.",))
        except ET.ParseError as e:
            fail("%s: PDML not parsable: %s" % (cap, e))
            continue
        for i, (bd, pd) in enumerate(zip(bf, pf)):
            for key, bl in bd.items():
                if key not in pd:
                    for bname, _ in bl:
                        uncovered[bname] = uncovered.get(bname, 0) + 1
                    continue
                for bname, bshow in bl:
                    total += 1
                    pvals = [norm(s) for _, s in pd[key]]
                    if norm(bshow) in pvals:
                        same += 1
                    elif bname not in KNOWN_DIFF:
                        fail("%s frame %d: %s=%r but %s" % (
                            os.path.basename(cap), i + 1, bname, bshow,
                            pd[key]))
    print("compared %d built-in field values at the plugin's byte ranges: "
          "%d equal" % (total, same))
    print("built-in fields with no plugin field on the same bytes/bits "
          "(other split of the bytes, or not in a layout):")
    for n, c in sorted(uncovered.items(), key=lambda x: -x[1])[:40]:
        print("  %5d %s" % (c, n))
    check(total > 100, "too few comparable fields (%d)" % total)


def first(fv, f):
    return fv[f][0] if fv.get(f) else ""


def case_analysis(ts, a):
    gen = generate(a)
    ts.open_up(ts.tmp)
    keys = ["-o", "mipkit.keys_file:" + os.path.join(gen,
                                                      "dissector-keys.ini")]
    f = ts.fields(os.path.join(gen, "dissector-mip4.pcap"), [
        "mipkit.auth.status", "mipkit.response_in", "mipkit.response_to",
        "mipkit.response_time", "mipkit.retransmission_of",
        "mipkit.replay_of", "mipkit.binding.state", "mipkit.binding.coa",
        "mipkit.auth.bad", "mipkit.auth.unknown_key",
        "mipkit.match.no_response", "mipkit.match.no_request",
        "mipkit.match.retransmission", "mipkit.match.replay",
        "mipkit.binding.deregistered"], keys)
    want = {  # frame: {field: value}
        1: {"mipkit.auth.status": "1", "mipkit.response_in": "2"},
        2: {"mipkit.auth.status": "1", "mipkit.response_to": "1",
            "mipkit.response_time": "0.250000000",
            "mipkit.binding.state": "1", "mipkit.binding.coa": "192.0.2.1"},
        3: {"mipkit.auth.status": "2", "mipkit.auth.bad": "*",
            "mipkit.match.no_response": "*"},
        4: {"mipkit.auth.status": "3", "mipkit.auth.unknown_key": "*"},
        5: {"mipkit.match.no_response": "*"},
        6: {"mipkit.retransmission_of": "5",
            "mipkit.match.retransmission": "*"},
        7: {"mipkit.match.no_request": "*"},
        8: {"mipkit.replay_of": "1", "mipkit.match.replay": "*"},
        9: {"mipkit.response_in": "10"},
        10: {"mipkit.response_to": "9", "mipkit.binding.state": "3",
             "mipkit.binding.deregistered": "*"},
    }
    expect_frames(f, want, "dissector-mip4.pcap", gen_captures.EXPECT_MIP4)
    # without the keys file: nothing is verified, nothing is "bad"
    f = ts.fields(os.path.join(gen, "dissector-mip4.pcap"),
                  ["mipkit.auth.status", "mipkit.auth.bad"])
    check(all(first(v, "mipkit.auth.status") in ("0", "") and
              not v["mipkit.auth.bad"] for v in f.values()),
          "authenticators judged without a keys file")

    f = ts.fields(os.path.join(gen, "dissector-mip6.pcap"), [
        "mipkit.mh.csum.status", "mipkit.mh.csum.bad", "mipkit.response_in",
        "mipkit.response_to", "mipkit.response_time",
        "mipkit.binding.state", "mipkit.binding.coa",
        "mipkit.match.no_response", "mipkit.binding.expired",
        "mipkit.binding.registered", "mipkit.auth.status",
        "mipkit.auth.bad", "mipkit.rule.mip6-mh-checksum"])
    want = {
        1: {"mipkit.mh.csum.status": "1", "mipkit.response_in": "2"},
        2: {"mipkit.mh.csum.status": "1", "mipkit.response_to": "1",
            "mipkit.response_time": "0.500000000",
            "mipkit.binding.state": "1",
            "mipkit.binding.coa": gen_captures.COA6,
            "mipkit.binding.registered": "*"},
        3: {"mipkit.mh.csum.status": "0", "mipkit.mh.csum.bad": "*",
            "mipkit.rule.mip6-mh-checksum": "*"},
        4: {"mipkit.mh.csum.status": "1", "mipkit.match.no_response": "*"},
        5: {"mipkit.response_in": "6"},
        6: {"mipkit.response_to": "5", "mipkit.response_time": "0.100000000"},
        7: {"mipkit.binding.state": "1",
            "mipkit.binding.coa": gen_captures.COA6},
        8: {"mipkit.response_in": "9"},
        9: {"mipkit.response_to": "8", "mipkit.response_time": "0.200000000"},
        10: {"mipkit.binding.state": "2", "mipkit.binding.expired": "*"},
        13: {"mipkit.auth.status": "1", "mipkit.mh.csum.status": "1"},
        14: {"mipkit.auth.status": "2", "mipkit.auth.bad": "*",
             "mipkit.mh.csum.status": "1"},
    }
    expect_frames(f, want, "dissector-mip6.pcap", gen_captures.EXPECT_MIP6)
    # Zeek's pair: the bad one is flagged, the good one is not
    for name, st in (("mip6-good-mh-chksum.pcap", "1"),
                     ("mip6-bad-mh-chksum.pcap", "0")):
        f = ts.fields(os.path.join(a.shared, "zeek", name),
                      ["mipkit.mh.csum.status", "mipkit.mh.csum.bad"])
        v = f.get(1, {})
        check(first(v, "mipkit.mh.csum.status") == st,
              "%s: checksum status %r, want %s" % (name, v, st))
        check(bool(v.get("mipkit.mh.csum.bad")) == (st == "0"),
              "%s: bad-checksum expert item %r" % (name, v))


def expect_frames(got, want, cap, why):
    for num, fields in want.items():
        v = got.get(num)
        if not check(v is not None, "%s: frame %d missing" % (cap, num)):
            continue
        for fld, val in fields.items():
            have = v.get(fld, [])
            ok = bool(have) if val == "*" else val in have
            check(ok, "%s frame %d (%s): %s = %r, want %r" % (
                cap, num, why.get(num, ""), fld, have, val))
    print("ok %s: %d frames checked" % (cap, len(want)))


def case_tunnels(ts, a):
    gen = generate(a)
    ts.open_up(ts.tmp)
    cap = os.path.join(gen, "dissector-tunnel.pcap")
    f = ts.fields(cap, ["frame.protocols", "mipkit.minenc.rebuilt",
                        "mipkit.mip4.msg.rrq.ident", "icmp.type",
                        "mipkit.minenc.csum.bad", "gre.proto"])
    p = {n: first(v, "frame.protocols") for n, v in f.items()}
    print(p)
    check(re.search(r"ip:mipkit:ip:udp:mipkit$", p.get(1, "")),
          "minimal encapsulation of UDP 434 not handed on: %s" % p.get(1))
    check(f[1]["mipkit.mip4.msg.rrq.ident"], "inner RRQ not decoded")
    check(re.search(r"ip:mipkit:ip:icmp", p.get(2, "")),
          "minimal encapsulation of ICMP not handed on: %s" % p.get(2))
    check(not any(v["mipkit.minenc.csum.bad"] for v in f.values()),
          "good forwarding header checksums flagged")
    check(re.search(r"udp:mipkit:ip:icmp", p.get(3, "")),
          "RFC 3519 next header 4 not handed on: %s" % p.get(3))
    check(re.search(r"udp:mipkit:gre:ip:icmp", p.get(4, "")),
          "RFC 3519 next header 47 (GRE) not handed on: %s" % p.get(4))
    # Zeek's IP-in-IP stays with Wireshark (and nothing breaks)
    r = ts.run(["-r", os.path.join(a.shared, "zeek", "4in4.pcap")])
    check(r.returncode == 0, "4in4.pcap")


def case_bugs(ts, a):
    """Where the built-ins are wrong (wireshark-4.0.md B2, B4), the plugin
    is right."""
    gen = generate(a)
    ts.open_up(ts.tmp)
    cap = os.path.join(gen, "dissector-bugs.pcap")
    f = ts.fields(cap, ["mipkit.mip4.adv_ext.code", "mipkit.malformed",
                        "mipkit.elem.malformed", "_ws.expert.message",
                        "mipkit.mip4.msg.reg_rrq.ident",
                        "mipkit.mip4.msg.reg_rrq.gfa", "mipkit.response_to",
                        "mipkit.response_in"])
    v = f.get(1, {})
    check("99" in v.get("mipkit.mip4.adv_ext.code", []),
          "short unknown advertisement extension not shown: %s" % v)
    check(not v.get("mipkit.malformed") and not v.get(
        "mipkit.elem.malformed"), "short unknown extension called "
          "malformed: %s" % v)
    v = f.get(2, {})
    check(v.get("mipkit.mip4.msg.reg_rrq.gfa") == [gen_captures.HA],
          "regional registration request not decoded: %s" % v)
    check(v.get("mipkit.response_in") == ["3"], "reg RRQ not matched: %s"
          % v)
    check(f.get(3, {}).get("mipkit.response_to") == ["2"],
          "reg RRP not matched: %s" % f.get(3))
    check(not any(EXC in " ".join(x["_ws.expert.message"])
                  for n, x in f.items() if n > 1),
          "exception on the regional registration messages")
    b = ts.fields(cap, ["_ws.expert.message"], plugin=False)
    print("built-in on the same frames (bugs expected):",
          {n: x["_ws.expert.message"][:1] for n, x in b.items()})
    print("ok", cap, gen_captures.EXPECT_BUGS)


def case_stats(ts, a):
    gen = generate(a)
    ts.open_up(ts.tmp)
    cap = os.path.join(gen, "dissector-mip4.pcap")
    r = ts.run(["-r", cap, "-q", "-z", "mipkit,stat"])
    out = r.stdout
    print(out)
    rows = {}
    for line in out.splitlines():
        m = re.match(r"^(mip4\.msg \d+ \D+?)\s+(\d+)\s+(\d+)\s+(\d+)"
                     r"(?:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+))?\s*$", line)
        if m:
            rows[m.group(1)] = m.groups()[1:]
    # count, matched, unanswered: idents 2, 3, 4 (frame 6 retransmits 5:
    # one exchange) and the replay of 1 got no reply; 1 and 5 did
    rrq = rows.get("mip4.msg 1 Registration Request", ("",) * 3)
    check(rrq[:3] == ("7", "0", "4"), "RRQ count / matched / unanswered: %s" % rows)
    rrp = rows.get("mip4.msg 3 Registration Reply")
    check(rrp is not None and rrp[:3] == ("3", "2", "0"),
          "RRP count / matched / unanswered: %s" % (rrp,))
    if rrp and rrp[3]:
        check((rrp[3], rrp[4], rrp[5]) == ("250.000", "375.000", "500.000"),
              "RRP response times min/avg/max: %s" % (rrp[3:],))
    else:
        fail("no response times in the RRP row")
    check(re.search(r"^\s+registration accepted\s+3\s*$", out, re.M),
          "reply code 0 count missing")
    # a filter argument is honoured
    r = ts.run(["-r", cap, "-q", "-z", "mipkit,stat,mipkit.mip4.msg.rrp.code"
                "==0"])
    check("mip4.msg 1 Registration Request" not in r.stdout,
          "stat filter ignored")


def case_switchback(ts, a):
    cap = os.path.join(a.shared, "click", "mva_click-reference_solution_"
                       "foreign.pcap")
    f = ts.fields(cap, ["frame.protocols"], ["-Y", "udp.port == 434"])
    check(f and all("mipkit" in first(v, "frame.protocols")
                    for v in f.values()), "UDP 434 not decoded by mipkit")
    f = ts.fields(cap, ["frame.protocols"], ["-Y", "udp.port == 434", "-d",
                                             "udp.port==434,mip"])
    check(f and all(first(v, "frame.protocols").endswith(":mip")
                    for v in f.values()),
          "-d udp.port==434,mip does not bring the built-in back")
    cap = os.path.join(a.shared, "zeek", "mip6_bu.pcap")
    f = ts.fields(cap, ["frame.protocols"], ["-d", "ip.proto==135,mipv6"])
    check(first(f.get(1, {}), "frame.protocols").endswith(":mipv6"),
          "-d ip.proto==135,mipv6 does not bring the built-in back: %s" % f)


def case_samples(ts, a):
    """The shipped sample: every MN-HA, MN-FA and FA-HA authenticator in
    captures/mip4-registration.pcap verifies with captures/samples.keys
    (the same file mipconform reads), and all three kinds occur."""
    cap = os.path.join(a.project, "mip4-registration.pcap")
    keys = ["-o", "mipkit.keys_file:" + ts.readable(
        os.path.join(a.project, "samples.keys"))]
    f = ts.fields(cap, ["mipkit.auth.status", "mipkit.auth.sa",
                        "mipkit.mip4.ext.mn_ha_auth.spi",
                        "mipkit.mip4.ext.mn_fa_auth.spi",
                        "mipkit.mip4.ext.fa_ha_auth.spi"], keys)
    statuses = [s for v in f.values() for s in v["mipkit.auth.status"]]
    check(len(statuses) >= 20, "only %d authenticators judged" % len(statuses))
    check(all(s == "1" for s in statuses),
          "not every sample authenticator is good: %s" % statuses)
    for kind in ("mn_ha", "mn_fa", "fa_ha"):
        check(any(v["mipkit.mip4.ext.%s_auth.spi" % kind] for v in f.values()),
              "no %s authentication extension seen" % kind)
    # a key file with the wrong MN-FA key: those become bad, the rest stay good
    bad = os.path.join(ts.tmp, "wrong.keys")
    with open(os.path.join(a.project, "samples.keys")) as src:
        text = src.read().replace("text:mn-fa-secret", "text:not-the-key")
    with open(bad, "w") as out:
        out.write(text)
    ts.open_up(ts.tmp)
    f = ts.fields(cap, ["mipkit.auth.status", "mipkit.auth.bad",
                        "mipkit.mip4.ext.mn_fa_auth.spi"],
                  ["-o", "mipkit.keys_file:" + bad])
    for num, v in f.items():
        if v["mipkit.mip4.ext.mn_fa_auth.spi"]:
            check("2" in v["mipkit.auth.status"] and v["mipkit.auth.bad"],
                  "frame %d: a wrong MN-FA key is not reported bad" % num)


CASES = {
    "samples": case_samples,
    "load": case_load, "captures": case_captures, "compare": case_compare,
    "analysis": case_analysis, "tunnels": case_tunnels, "stats": case_stats,
    "switchback": case_switchback, "bugs": case_bugs,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("case", choices=sorted(CASES))
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--libmipwire", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--project", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    a.shared = os.path.abspath(a.shared)
    a.project = os.path.abspath(a.project)
    a.work = os.path.abspath(os.path.join(a.work, a.case))
    ts = Tshark(a.plugin, a.libmipwire, a.work)
    a.ts = ts
    a.shared = ts.readable(a.shared)
    if os.path.isdir(a.project):
        a.project = ts.readable(a.project)
    CASES[a.case](ts, a)
    if FAILS:
        print("%d failure(s)" % len(FAILS))
        return 1
    print("PASS", a.case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
