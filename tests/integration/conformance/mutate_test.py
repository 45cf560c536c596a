#!/usr/bin/python3
"""mipconform on damaged captures: nothing crashes, nothing is lost.

mutate_test.py MIPCONFORM GEN_CAPTURES SRCDIR SAMPLES SHARED_CAPTURES

A deterministic set of mutants is made from the generated captures, the
shipped samples and the shared captures:
- bytes changed inside packets (the file stays a valid capture),
- packets cut short (record caplen lowered, the rest dropped),
- a record header damaged (caplen past the snap length or the file),
- the file cut at a random offset.
Each mutant runs with one thread and with two, with keys where the
capture has them. Required: exit 0 or 1 while the file is a valid
capture, 0, 1 or 2 otherwise, 2 only with a "mipconform: FILE: ..."
message; no sanitizer report; the JSON report parses and counts every
frame (`frames`); one thread and two give the same report and status.
"""
import json
import os
import random
import struct
import subprocess
import sys
import tempfile

MIPCONFORM, GEN, SRC, SAMPLES, SHARED = sys.argv[1:6]
SEED = 5944
MUTANTS_PER_FILE = 6
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def records(data):
    """Offsets of a classic pcap's records: (header offset, caplen)."""
    if len(data) < 24 or data[:4] not in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1",
                                          b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        return None, []
    le = data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1")
    fmt = "<I" if le else ">I"
    out, off = [], 24
    while off + 16 <= len(data):
        cap = struct.unpack_from(fmt, data, off + 8)[0]
        if off + 16 + cap > len(data):
            break
        out.append((off, cap))
        off += 16 + cap
    return fmt, out


def flip_bytes(rng, data):
    fmt, recs = records(data)
    b = bytearray(data)
    if not recs:   # pcapng: bytes after the section header block
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(min(len(b), 64), len(b)) if len(b) > 64 else 0
            b[i] ^= 1 << rng.randrange(8)
        return bytes(b), False
    for _ in range(rng.randint(1, 8)):
        off, cap = rng.choice(recs)
        if cap:
            i = off + 16 + rng.randrange(cap)
            b[i] = rng.choice([0, 0xff, b[i] ^ (1 << rng.randrange(8)), rng.randrange(256)])
    return bytes(b), True


def cut_packets(rng, data):
    fmt, recs = records(data)
    if not recs:
        return None, True
    cut = {off: rng.randrange(cap + 1) for off, cap in rng.sample(recs, min(len(recs), 4))}
    out = bytearray(data[:24])
    for off, cap in recs:
        keep = cut.get(off, cap)
        hdr = bytearray(data[off:off + 16])
        struct.pack_into(fmt, hdr, 8, keep)   # caplen; the wire length stays
        out += hdr + data[off + 16:off + 16 + keep]
    return bytes(out), True


def bad_record(rng, data):
    fmt, recs = records(data)
    if not recs:
        return None, False
    off, cap = rng.choice(recs)
    b = bytearray(data)
    struct.pack_into(fmt, b, off + 8, rng.choice([cap + 1, 0x40000, 0xffffffff]))
    return bytes(b), False


def cut_file(rng, data):
    return data[:rng.randrange(len(data))], False


MUTATIONS = [flip_bytes, cut_packets, bad_record, cut_file]


def run(args):
    p = subprocess.run([MIPCONFORM] + args, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def frames_in(path):
    fmt, recs = records(open(path, "rb").read())
    return len(recs) if fmt else None


def try_mutant(path, valid, keys):
    args = ["--format", "json", path] + (["--keys", keys] if keys else [])
    res = [run(["--threads", t] + args) for t in ("1", "2")]
    name = os.path.basename(path)
    for rc, out, err in res:
        check("Sanitizer" not in err and "runtime error" not in err,
              f"{name}: sanitizer report: {err[:400]}")
        allowed = (0, 1) if valid else (0, 1, 2)
        check(rc in allowed, f"{name}: exit {rc} ({err.strip()[:200]})")
        if rc == 2:
            check(err.startswith("mipconform: ") and path in err,
                  f"{name}: exit 2 without a located message: {err[:200]!r}")
            continue
        try:
            doc = json.loads(out)
        except ValueError as e:
            check(False, f"{name}: JSON does not parse: {e}")
            continue
        n = frames_in(path)
        if valid and n is not None:
            check(doc.get("frames") == n, f"{name}: {doc.get('frames')} frames reported, {n} in the file")
    check(res[0] == res[1], f"{name}: one thread and two differ (exit {res[0][0]} / {res[1][0]})")


def corpus(tmp):
    gen_dir = os.path.join(tmp, "gen")
    os.mkdir(gen_dir)
    subprocess.run([GEN, gen_dir, os.path.join(SRC, "expected.txt")], check=True,
                   capture_output=True)
    keys = os.path.join(SRC, "gen.keys")
    gen = sorted(os.listdir(gen_dir))
    # the good captures and every fifth of the others: all message kinds
    picked = [g for g in gen if g.startswith(("good-", "pass-"))] + gen[::5]
    files = [(os.path.join(gen_dir, g), keys) for g in dict.fromkeys(picked)]
    files += [(os.path.join(SAMPLES, s), os.path.join(SAMPLES, "samples.keys"))
              for s in sorted(os.listdir(SAMPLES)) if s.endswith(".pcap")]
    for root, _, names in sorted(os.walk(SHARED)):
        files += [(os.path.join(root, n), None) for n in sorted(names)
                  if n.endswith((".pcap", ".pcapng", ".cap", ".dump"))]
    return files


def main():
    rng = random.Random(SEED)
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path, keys in corpus(tmp):
            data = open(path, "rb").read()
            for k in range(MUTANTS_PER_FILE):
                mutate = MUTATIONS[k % len(MUTATIONS)]
                mutant, valid = mutate(rng, data)
                if mutant is None:
                    continue
                out = os.path.join(tmp, f"{os.path.basename(path)}.{mutate.__name__}.{k}.pcap")
                with open(out, "wb") as f:
                    f.write(mutant)
                try_mutant(out, valid, keys)
                os.unlink(out)
                n += 1
    print(f"{n} mutants, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
