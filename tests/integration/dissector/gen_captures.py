#!/usr/bin/python3
"""Captures made for the dissector tests, built with Scapy (an encoder
independent of libmipwire), plus the keys file they are verified with.

    gen_captures.py OUTDIR

Every frame's purpose is listed in EXPECT (imported by dissector_test.py),
so the assertions and the bytes stay side by side."""
import hmac
import struct
import sys

from scapy.all import (IP, UDP, ICMP, GRE, Ether, Raw, IPv6, IPv6ExtHdrDestOpt,
                       IPv6ExtHdrRouting, HAO, ICMPv6EchoRequest, wrpcap)
from scapy.layers.mobileip import *  # noqa: F401,F403 (keeps scapy quiet)
from scapy.layers.inet6 import (MIP6MH_BU, MIP6MH_BA, MIP6MH_HoTI, MIP6MH_HoT,
                                MIP6MH_CoT,
                                ICMPv6HAADRequest, ICMPv6HAADReply)

KEY = bytes.fromhex("00112233445566778899aabbccddeeff")
SPI = 256
MN, HA, FA = "10.1.0.10", "10.1.0.1", "192.0.2.1"
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"

KEYS_FILE = f"""# keys for the dissector tests (test data, not a secret)
[mn-ha test]
kind = mn-ha
spi = {SPI}
algorithm = hmac-md5
key = hex:{KEY.hex()}
"""


def rrq(ident, lifetime=600, coa=FA, flags=0x00, hoa=MN, ha=HA):
    return struct.pack("!BBH4s4s4sQ", 1, flags, lifetime, ip4(hoa), ip4(ha),
                       ip4(coa), ident)


def rrp(ident, code=0, lifetime=600, hoa=MN, ha=HA):
    return struct.pack("!BBH4s4sQ", 3, code, lifetime, ip4(hoa), ip4(ha),
                       ident)


def ip4(a):
    return bytes(int(x) for x in a.split("."))


def mn_ha_auth(msg, spi=SPI, key=KEY, corrupt=False):
    """RFC 5944 3.5.1 default: HMAC-MD5 over the message through the SPI."""
    head = msg + struct.pack("!BBI", 32, 4 + 16, spi)
    auth = hmac.new(key, head, "md5").digest()
    if corrupt:
        auth = bytes([auth[0] ^ 0xff]) + auth[1:]
    return head + auth


def udp4(src, dst, payload, sport=434, dport=434, t=0.0):
    p = (Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst) /
         UDP(sport=sport, dport=dport) / Raw(payload))
    p.time = t
    return p


# frame -> what the test asserts (see dissector_test.py: analysis)
EXPECT_MIP4 = {
    1: "RRQ ident 1, good MN-HA auth",
    2: "RRP to 1 (response time 0.25 s), good auth, binding active",
    3: "RRQ ident 2, bad authenticator",
    4: "RRQ ident 3, unknown SPI 999",
    5: "RRQ ident 4 (never answered)",
    6: "RRQ ident 4 again: retransmission of 5",
    7: "RRP ident 77: no request",
    8: "RRQ ident 1 again after it was answered: replay of 1",
    9: "RRQ ident 5 deregistration (lifetime 0)",
    10: "RRP to 9, lifetime 0: binding deregistered",
}


def mip4_capture():
    t0 = 1000.0
    return [
        udp4(MN, HA, mn_ha_auth(rrq(1)), sport=1434, t=t0),
        udp4(HA, MN, mn_ha_auth(rrp(1)), dport=1434, t=t0 + 0.25),
        udp4(MN, HA, mn_ha_auth(rrq(2), corrupt=True), sport=1434, t=t0 + 1),
        udp4(MN, HA, mn_ha_auth(rrq(3), spi=999), sport=1434, t=t0 + 2),
        udp4(MN, HA, mn_ha_auth(rrq(4)), sport=1434, t=t0 + 3),
        udp4(MN, HA, mn_ha_auth(rrq(4)), sport=1434, t=t0 + 4),
        udp4(HA, MN, mn_ha_auth(rrp(77)), dport=1434, t=t0 + 5),
        udp4(MN, HA, mn_ha_auth(rrq(1)), sport=1434, t=t0 + 6),
        udp4(MN, HA, mn_ha_auth(rrq(5, lifetime=0)), sport=1434, t=t0 + 7),
        udp4(HA, MN, mn_ha_auth(rrp(5, lifetime=0)), dport=1434,
             t=t0 + 7.5),
    ]


HOA6, COA6, HA6, CN6 = "2001:db8:1::10", "2001:db8:2::10", "2001:db8:1::1", \
    "2001:db8:3::1"

EXPECT_MIP6 = {
    1: "BU seq 10 (HAO), good checksum",
    2: "BA seq 10 (RH2), response time 0.5 s, binding active CoA",
    3: "BU seq 11 with a bad MH checksum",
    4: "BU seq 12 never answered",
    5: "HoTI cookie c1",
    6: "HoT cookie c1: response to 5",
    7: "data packet with HAO while the binding is active",
    8: "DHAAD request id 7",
    9: "DHAAD reply id 7: response to 8",
    10: "data packet with HAO after the binding expired",
    11: "HoT to the home address, nonce index 3 (keygen token kept)",
    12: "CoT to the care-of address, nonce index 4",
    13: "correspondent BU with a Binding Authorization Data that verifies "
        "with the tokens of 11 and 12",
    14: "the same BU with a corrupted authenticator",
}

HKT, CKT = bytes.fromhex("1122334455667788"), bytes.fromhex("99aabbccddeeff00")


def in6(a):
    import ipaddress
    return ipaddress.IPv6Address(a).packed


def mh_csum(src, dst, mh):
    ph = in6(src) + in6(dst) + struct.pack("!IxxxB", len(mh), 135)
    b = ph + mh
    c = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while c >> 16:
        c = (c & 0xffff) + (c >> 16)
    return (~c & 0xffff) or 0xffff


def cn_bu(seq, corrupt=False):
    """RFC 6275 6.1.7 / 6.2.7 / 5.2.6: BU to a CN with Nonce Indices and
    Binding Authorization Data; Kbm = SHA1(home keygen | care-of keygen),
    authenticator = First(96, HMAC_SHA1(Kbm, CoA | CN | MH data))."""
    import hashlib
    head = struct.pack("!BBBBHHHH", 59, 3, 5, 0, 0, seq, 0x8000, 10)
    opts = struct.pack("!BBHH", 4, 4, 3, 4) + struct.pack("!BB", 5, 12)
    kbm = hashlib.sha1(HKT + CKT).digest()
    data = head + opts
    auth = hmac.new(kbm, in6(COA6) + in6(CN6) + data, "sha1").digest()[:12]
    if corrupt:
        auth = bytes([auth[0] ^ 1]) + auth[1:]
    mh = data + auth
    mh = mh[:4] + struct.pack("!H", mh_csum(HOA6, CN6, mh)) + mh[6:]
    return mh


def e6(p, t):
    p = Ether(src=MAC_A, dst=MAC_B) / p
    p.time = t
    return p


def mip6_capture():
    t0 = 2000.0
    hao = IPv6ExtHdrDestOpt(options=[HAO(hoa=HOA6)])
    rh2 = IPv6ExtHdrRouting(type=2, segleft=1, addresses=[HOA6])
    cookie = b"\x01\x02\x03\x04\x05\x06\x07\x08"
    return [
        e6(IPv6(src=COA6, dst=HA6) / hao / MIP6MH_BU(seq=10,
           mhtime=100), t0),
        e6(IPv6(src=HA6, dst=COA6) / rh2 / MIP6MH_BA(seq=10, status=0,
           mhtime=100), t0 + 0.5),
        e6(IPv6(src=COA6, dst=HA6) / hao / MIP6MH_BU(seq=11,
           mhtime=100, cksum=0x1234), t0 + 1),
        e6(IPv6(src=COA6, dst=HA6) / hao / MIP6MH_BU(seq=12,
           mhtime=100), t0 + 2),
        e6(IPv6(src=HOA6, dst=CN6) / MIP6MH_HoTI(cookie=cookie), t0 + 3),
        e6(IPv6(src=CN6, dst=HOA6) / MIP6MH_HoT(cookie=cookie, index=3,
           token=b"\xaa" * 8), t0 + 3.1),
        e6(IPv6(src=COA6, dst=CN6) / hao / ICMPv6EchoRequest(), t0 + 10),
        e6(IPv6(src=COA6, dst="2001:db8:1::fdff:ffff:ffff:fffe") /
           ICMPv6HAADRequest(id=7, R=0), t0 + 11),
        e6(IPv6(src=HA6, dst=COA6) / ICMPv6HAADReply(id=7, R=0,
           addresses=[HA6]), t0 + 11.2),
        e6(IPv6(src=COA6, dst=CN6) / hao / ICMPv6EchoRequest(), t0 + 500),
        e6(IPv6(src=CN6, dst=HOA6) / MIP6MH_HoT(cookie=cookie, index=3,
           token=HKT), t0 + 600),
        e6(IPv6(src=CN6, dst=COA6) / MIP6MH_CoT(cookie=cookie, index=4,
           token=CKT), t0 + 600.1),
        e6(IPv6(src=COA6, dst=CN6, nh=60) /
           IPv6ExtHdrDestOpt(nh=135, options=[HAO(hoa=HOA6)]) /
           Raw(cn_bu(20)), t0 + 600.2),
        e6(IPv6(src=COA6, dst=CN6, nh=60) /
           IPv6ExtHdrDestOpt(nh=135, options=[HAO(hoa=HOA6)]) /
           Raw(cn_bu(21, corrupt=True)), t0 + 600.3),
    ]


def minenc_header(proto, dst, src=None):
    """RFC 2004 forwarding header, checksum over the header."""
    s = 0x80 if src else 0
    h = struct.pack("!BBH4s", proto, s, 0, ip4(dst)) + (ip4(src) if src
                                                        else b"")
    c = sum(struct.unpack("!%dH" % (len(h) // 2), h))
    while c >> 16:
        c = (c & 0xffff) + (c >> 16)
    return h[:2] + struct.pack("!H", ~c & 0xffff) + h[4:]


EXPECT_TUNNEL = {
    1: "minimal encapsulation (S=1) of UDP 434 RRQ ident 9",
    2: "minimal encapsulation (S=0) of ICMP echo",
    3: "RFC 3519 tunnel data, next header 4 (IPv4 / ICMP echo)",
    4: "RFC 3519 tunnel data, next header 47 (GRE / IPv4 / ICMP echo)",
}


def tunnel_capture():
    t0 = 3000.0
    inner_udp = bytes(UDP(sport=1434, dport=434) / Raw(rrq(9)))
    # the UDP checksum of the inner datagram is over the original header:
    # leave it 0 (not computed) so the rebuilt header needs no help
    inner_udp = inner_udp[:6] + b"\x00\x00" + inner_udp[8:]
    p1 = (Ether(src=MAC_A, dst=MAC_B) / IP(src=HA, dst=FA, proto=55) /
          Raw(minenc_header(17, MN, "198.51.100.7") + inner_udp))
    echo = bytes(ICMP(type=8, id=1, seq=1) / Raw(b"ping"))
    p2 = (Ether(src=MAC_A, dst=MAC_B) / IP(src=HA, dst=FA, proto=55) /
          Raw(minenc_header(1, MN) + echo))
    inner_ip = bytes(IP(src="198.51.100.7", dst=MN) / ICMP(type=8, id=2,
                                                         seq=1))
    p3 = udp4(FA, HA, struct.pack("!BBH", 4, 4, 0) + inner_ip, sport=434)
    gre = bytes(GRE(proto=0x0800) / IP(src="198.51.100.7", dst=MN) /
                ICMP(type=8, id=3, seq=1))
    p4 = udp4(FA, HA, struct.pack("!BBH", 4, 47, 0) + gre, sport=434)
    out = []
    for i, p in enumerate((p1, p2, p3, p4)):
        p.time = t0 + i
        out.append(p)
    return out


EXPECT_BUGS = {
    1: "agent advertisement with a short unknown extension (type 99, "
       "length 2; cf. wireshark-4.0.md B4)",
    2: "MIPv4 Regional Registration Request (type 18), ident 42: built-in "
       "bug B2 reads it as extensions",
    3: "Regional Registration Reply (type 19) ident 42: response to 2",
}


def icmp_csum(b):
    if len(b) % 2:
        b += b"\0"
    c = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while c >> 16:
        c = (c & 0xffff) + (c >> 16)
    return ~c & 0xffff


def bugs_capture():
    t0 = 4000.0
    # RFC 5944 2.1: router advertisement (1 address) + MAA (16) + ext 99
    adv = struct.pack("!BBHBBH4sI", 9, 0, 0, 1, 2, 60, ip4(FA), 0)
    adv += struct.pack("!BBHHH4s", 16, 10, 7, 600, 0x9000, ip4(FA))
    adv += bytes([99, 2, 0xab, 0xcd])
    adv = adv[:2] + struct.pack("!H", icmp_csum(adv)) + adv[4:]
    p1 = (Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff") /
          IP(src=FA, dst="255.255.255.255", ttl=1, proto=1) / Raw(adv))
    reg_rrq = struct.pack("!BBH4s4s4sQ", 18, 0, 300, ip4(MN), ip4(HA),
                          ip4(FA), 42)
    reg_rrp = struct.pack("!BBH4s4sQ", 19, 0, 300, ip4(MN), ip4(HA), 42)
    p2 = udp4(FA, HA, reg_rrq, sport=1435)
    p3 = udp4(HA, FA, reg_rrp, dport=1435)
    out = []
    for i, p in enumerate((p1, p2, p3)):
        p.time = t0 + i * 0.5
        out.append(p)
    return out


def main():
    out = sys.argv[1]
    wrpcap(f"{out}/dissector-mip4.pcap", mip4_capture())
    wrpcap(f"{out}/dissector-mip6.pcap", mip6_capture())
    wrpcap(f"{out}/dissector-tunnel.pcap", tunnel_capture())
    wrpcap(f"{out}/dissector-bugs.pcap", bugs_capture())
    with open(f"{out}/dissector-keys.ini", "w") as f:
        f.write(KEYS_FILE)


if __name__ == "__main__":
    main()
