"""Helpers shared by mipdump's integration tests (run by /usr/bin/python3)."""
import glob
import json
import os
import subprocess

SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                   "runtime error:", "Segmentation fault")

# tshark defaults for Mobile IP, whatever plugin may be installed globally
TSHARK_DECODE_AS = ["-d", "udp.port==434,mip", "-d", "ip.proto==135,mipv6",
                    "-d", "ip.proto==62,mipv6",
                    "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"]


def captures(capdir):
    files = []
    for pat in ("*/*.pcap", "*/*.dump", "*/*.pcapng"):
        files += glob.glob(os.path.join(capdir, pat))
    return sorted(files)


def short(path, capdir):
    return os.path.relpath(path, capdir)


def is_fuzz_reproducer(path):
    b = os.path.basename(path)
    return "_asan" in b or "oobr" in b or b.startswith("cve")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace", **kw)


def sanitizer_report(stderr):
    return any(m in stderr for m in SANITIZER_MARKS)


def mipdump_json(mipdump, path, extra=()):
    """Run mipdump --json --offsets; return (frames, CompletedProcess)."""
    p = run([mipdump, "--json", "--offsets", *extra, path])
    frames = []
    for line in p.stdout.splitlines():
        frames.append(json.loads(line))
    return frames, p


def iter_nodes(frame):
    """Yield (prefix, node) for every layer, message and element, where
    prefix + '.' + field key is the field's full name."""
    def elems(node):
        for e in node.get("elements", []):
            yield "%s.%s" % (e["reg"], e["key"]), e
            yield from elems(e)
    for l in frame["layers"]:
        yield "layer.%s" % l["kind"], l
        yield from elems(l)
    for m in frame["messages"]:
        yield "%s.%s" % (m["reg"], m["key"]), m
        yield from elems(m)


ADDR_STEP = {4: 4, 16: 16}


def our_fields(frame):
    """List of (full name, offset, value) with list values expanded to one
    entry per address (consecutive offsets)."""
    out = []
    for prefix, node in iter_nodes(frame):
        offs = node.get("offsets", {})
        for key, val in node.get("fields", {}).items():
            if key not in offs:
                continue
            off, ln = offs[key]
            name = "%s.%s" % (prefix, key)
            if isinstance(val, list):
                step = 16 if val and ":" in str(val[0]) else 4
                for i, v in enumerate(val):
                    out.append((name, off + i * step, v))
            else:
                out.append((name, off, val))
    return out


def tshark_frames(tshark, path):
    """tshark -T json -x, keeping duplicate keys. Returns a list (per frame)
    of lists of (field name, pos, len, bitmask, raw hex, shown value)."""
    p = run([tshark, "-n", *TSHARK_DECODE_AS, "-r", path, "-T", "json", "-x"])
    if p.returncode != 0:
        raise RuntimeError("tshark failed on %s: %s" % (path, p.stderr))
    pkts = json.loads(p.stdout or "[]", object_pairs_hook=lambda pairs: pairs)
    frames = []
    for pkt in pkts:
        src = dict(pkt)["_source"]
        layers = dict(src)["layers"]
        fields = []
        walk_pairs(layers, fields)
        frames.append((fields, problems(layers)))
    return frames


PI_ERROR = 8388608  # Wireshark expert severity "error"


def problems(pairs, found=None):
    """Wireshark's verdicts on a frame: 'short' (ran past the captured
    bytes), 'malformed', and error-severity expert messages."""
    found = set() if found is None else found
    if isinstance(pairs, list):
        for x in pairs:
            if isinstance(x, tuple) and len(x) == 2:
                k, v = x
                if k == "_ws.short":
                    found.add("short")
                elif k == "_ws.malformed":
                    found.add("malformed")
                elif k == "_ws.expert" and isinstance(v, list):
                    keys = [kk for kk, _ in v if isinstance(kk, str)]
                    sev = [vv for kk, vv in v if kk == "_ws.expert.severity"]
                    # checksum verdicts are compared on their own
                    if str(PI_ERROR) in sev and not any("checksum" in kk for kk in keys):
                        found.add("error")
                problems(v, found)
            else:
                problems(x, found)
    return found


def walk_pairs(pairs, out):
    if not isinstance(pairs, list):
        return
    # a list of pairs (object) or a list of values (array)
    if pairs and all(isinstance(x, tuple) and len(x) == 2 for x in pairs):
        for i, (k, v) in enumerate(pairs):
            if k.endswith("_raw") and isinstance(v, list) and v:
                base = k[:-4]
                shown = None
                for k2, v2 in pairs[i + 1:]:
                    if k2 == base:
                        shown = v2
                        break
                if isinstance(v[0], list):   # repeated field: lists of both
                    raws = v
                    shows = shown if isinstance(shown, list) else [shown] * len(v)
                else:
                    raws, shows = [v], [shown]
                for r, sh in zip(raws, shows):
                    if len(r) >= 5 and (isinstance(sh, str) or sh is None):
                        out.append((base, int(r[1]), int(r[2]), int(r[3]), r[0], sh))
            elif k.endswith(".checksum.status") and isinstance(v, str):
                # no _raw of its own: give it the checksum field's offset
                base = k[:-len(".status")]
                pos = [int(r[1]) for k2, r in pairs[:i]
                       if k2 == base + "_raw" and isinstance(r, list) and len(r) >= 5
                       and not isinstance(r[0], list)]
                if pos:
                    out.append((k, pos[-1], 0, 0, "", v))
            elif isinstance(v, list):
                walk_pairs(v, out)
    else:
        for x in pairs:
            walk_pairs(x, out)
