#!/usr/bin/python3
"""Scapy oracle for the mip6 tests: prints one line per message,
'<hex of the MH> <field>=<value> ...' with the values Scapy was given
(layout keys of mipwire: mh.<type>.<field>, opt.<key>.<field>, and
'expect=ok|malformed' for the expected decode). Run with Debian's python."""
import sys
from scapy.layers.inet6 import (MIP6MH_BRR, MIP6MH_HoTI, MIP6MH_CoTI, MIP6MH_HoT,
    MIP6MH_CoT, MIP6MH_BU, MIP6MH_BA, MIP6MH_BE, MIP6OptNonceIndices,
    MIP6OptBindingAuthData, MIP6OptBRAdvice, MIP6OptAltCoA, MIP6OptMobNetPrefix)

def out(pkt, fields, status="ok"):
    b = bytes(pkt)
    print(b.hex(), " ".join("%s=%s" % kv for kv in fields.items()), "expect=" + status)

out(MIP6MH_BRR(), {"mh.type": 0})
out(MIP6MH_HoTI(cookie=b"\x01\x02\x03\x04\x05\x06\x07\x08"), {"mh.type": 1})
out(MIP6MH_CoTI(cookie=b"\x11" * 8), {"mh.type": 2})
out(MIP6MH_HoT(index=0x1234, cookie=b"\x22" * 8, token=b"\x33" * 8), {"mh.type": 3, "nonce_index": 0x1234})
out(MIP6MH_CoT(index=0x4321), {"mh.type": 4, "nonce_index": 0x4321})
out(MIP6MH_BU(seq=1000, flags="AK", mhtime=3600), {"mh.type": 5, "seq": 1000, "a": 1, "h": 0, "k": 1, "lifetime": 3600})
out(MIP6MH_BU(seq=7, flags="K", mhtime=60, options=[MIP6OptAltCoA(acoa="2001:db8::7")]),
    {"mh.type": 5, "seq": 7, "k": 1, "lifetime": 60, "opt.alt_coa": 1})
out(MIP6MH_BA(status=133, flags="K", seq=99, mhtime=5), {"mh.type": 6, "status": 133, "k": 1, "seq": 99, "lifetime": 5})
out(MIP6MH_BE(status=2, ha="2001:db8::1"), {"mh.type": 7, "status": 2})
out(MIP6MH_BU(seq=1, options=[MIP6OptNonceIndices(hni=0x0102, coni=0x0304, olen=4),
                              MIP6OptBindingAuthData(olen=12)]),
    {"mh.type": 5, "seq": 1, "opt.nonce_idx": 1, "opt.bad": 1})
out(MIP6MH_BU(seq=2, options=[MIP6OptBRAdvice(rinter=30)]), {"mh.type": 5, "seq": 2, "opt.bra": 1})
out(MIP6MH_BU(seq=3, options=[MIP6OptMobNetPrefix(plen=48, prefix="2001:db8:1::")]), {"mh.type": 5, "seq": 3, "opt.mnp": 1})
# Scapy's default option lengths for Nonce Indices / BAD are wrong (16):
out(MIP6MH_BU(seq=4, options=[MIP6OptNonceIndices()]), {"mh.type": 5}, "malformed")
out(MIP6MH_BU(seq=5, options=[MIP6OptBindingAuthData()]), {"mh.type": 5}, "malformed")
