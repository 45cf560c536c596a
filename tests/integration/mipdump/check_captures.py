"""mipdump on every shared capture: no crash or sanitizer report in any
output mode, valid JSON Lines with one object per frame, fuzz reproducers
reported as truncated / malformed, and the Mobile IP messages tshark sees
in the click / zeek captures found too.

usage: check_captures.py MIPDUMP CAPTURE_DIR TSHARK"""
import sys

from mdcommon import (TSHARK_DECODE_AS, captures, is_fuzz_reproducer,
                      mipdump_json, run, sanitizer_report, short)

MODES = [[], ["-a"], ["-v", "-a"], ["-v", "--offsets"], ["--json"]]
FRAME_KEYS = {"frame", "time", "time_relative", "caplen", "len", "linktype",
              "status", "diag", "layers", "messages", "notes"}
# zeek's single-message captures: MH type by file name
ZEEK_MH = {"mip6_brr": 0, "mip6_hoti": 1, "mip6_coti": 2, "mip6_hot": 3,
           "mip6_cot": 4, "mip6_bu": 5, "mip6_back": 6, "mip6_be": 7,
           "mip6-bad-mh-chksum": 7, "mip6-good-mh-chksum": 7}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def tshark_types(tshark, path):
    """frame -> set of (what, code) tshark decodes."""
    p = run([tshark, "-n", *TSHARK_DECODE_AS, "-r", path, "-T", "fields",
             "-E", "separator=/t", "-e", "frame.number", "-e", "mip.type",
             "-e", "icmp.type", "-e", "icmp.mip.type", "-e", "mip6.mhtype"])
    seen = {}
    for line in p.stdout.splitlines():
        cols = (line.split("\t") + [""] * 5)[:5]
        num, mip, icmp, icmpmip, mh = cols
        s = seen.setdefault(int(num), set())
        for v in mip.split(",") if mip else []:
            s.add(("mip4.msg", int(v)))
        if icmp.split(",")[0] == "9" and icmpmip:
            s.add(("adv", 9))
        if icmp.split(",")[0] == "10":
            s.add(("sol", 10))
        for v in mh.split(",") if mh else []:
            s.add(("mh", int(v)))
    return seen


def ours(frame):
    s = set()
    for m in frame["messages"]:
        if m["reg"] == "mip4.msg":
            s.add(("mip4.msg", m["type"]))
        elif m["reg"] == "mh":
            s.add(("mh", m["type"]))
        elif m["type"] == 9 and m["reg"] != "icmp6":
            s.add(("adv", 9))
        elif m["type"] == 10 and m["reg"] != "icmp6":
            s.add(("sol", 10))
    return s


def main():
    mipdump, capdir, tshark = sys.argv[1:4]
    files = captures(capdir)
    if len(files) < 40:
        fail("expected the 43 shared captures under %s, found %d" % (capdir, len(files)))
    for path in files:
        name = short(path, capdir)
        for mode in MODES:
            p = run([mipdump, *mode, path])
            if p.returncode != 0 or sanitizer_report(p.stderr) or p.stderr:
                fail("%s: mipdump %s exit %d: %s" % (name, " ".join(mode),
                                                     p.returncode, p.stderr.strip()[:400]))
        try:
            frames, p = mipdump_json(mipdump, path)
        except ValueError as e:
            fail("%s: invalid JSON line: %s" % (name, e))
            continue
        n_tshark = len(run([tshark, "-r", path, "-T", "fields", "-e",
                            "frame.number"]).stdout.split())
        if [f["frame"] for f in frames] != list(range(1, n_tshark + 1)):
            fail("%s: %d JSON objects, tshark counts %d frames" % (name, len(frames), n_tshark))
        for f in frames:
            missing = FRAME_KEYS - set(f)
            if missing:
                fail("%s frame %d: members missing: %s" % (name, f["frame"], sorted(missing)))
            if f["status"] != f["diag"]["status"]:
                fail("%s frame %d: status / diag.status differ" % (name, f["frame"]))
        if is_fuzz_reproducer(path):
            for f in frames:
                if f["status"] not in ("truncated", "malformed"):
                    fail("%s frame %d: fuzz reproducer decoded with status %r "
                         "(expected truncated or malformed); layers %s" %
                         (name, f["frame"], f["status"],
                          "/".join(l["kind"] for l in f["layers"])))
            continue
        # tshark's Mobile IP messages must all be found (and no others)
        tt = tshark_types(tshark, path)
        for f in frames:
            want = tt.get(f["frame"], set())
            got = ours(f)
            if want - got:
                fail("%s frame %d: tshark decodes %s, mipdump does not (status %s: %s)" %
                     (name, f["frame"], sorted(want - got), f["status"],
                      f["diag"].get("why", "")))
            if got - want:
                fail("%s frame %d: mipdump decodes %s, tshark does not" %
                     (name, f["frame"], sorted(got - want)))
        base = name.split("/")[-1].rsplit(".", 1)[0]
        if base in ZEEK_MH:
            mh = [m for m in frames[0]["messages"] if m["reg"] == "mh"]
            if not mh or mh[0]["type"] != ZEEK_MH[base]:
                fail("%s: expected MH type %d" % (name, ZEEK_MH[base]))
            elif "bad-mh-chksum" in base and mh[0].get("checksum") != "bad":
                fail("%s: bad MH checksum not flagged (%s)" % (name, mh[0].get("checksum")))
            elif "bad" not in base and mh[0].get("checksum") != "ok":
                fail("%s: MH checksum %s, expected ok" % (name, mh[0].get("checksum")))
    # the click captures carry registrations and advertisements
    kinds = set()
    for path in files:
        if "/click/" in path or short(path, capdir).startswith("click"):
            for f in mipdump_json(mipdump, path)[0]:
                kinds |= ours(f)
    for k in [("mip4.msg", 1), ("mip4.msg", 3), ("adv", 9), ("sol", 10)]:
        if k not in kinds:
            fail("click captures: no %s found" % (k,))
    print("%d captures, %d failures" % (len(files), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
