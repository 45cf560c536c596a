"""tshark oracle: decode every shared capture with tshark -T json -x and
with mipdump --json --offsets, and compare every field both decode at the
same frame offset, through the name table below. Differences that are
Wireshark 4.0's bugs (../shared/reference/wireshark-4.0.md,
docs/tshark-differences.md) are listed in KNOWN with a reason; any other
difference fails.

usage: tshark_oracle.py MIPDUMP CAPTURE_DIR TSHARK"""
import fnmatch
import glob
import os
import ipaddress
import sys

from mdcommon import captures, mipdump_json, our_fields, short, tshark_frames

# ---- how values compare ----------------------------------------------------


def c_int(tv, ov):
    return int(tv, 0), int(ov)


def c_raw(tv, ov, raw):
    """tshark's display differs (dates, colon hex): compare the raw bytes."""
    if isinstance(ov, str):
        return raw.lower(), ov.lower().replace(":", "")
    return int(raw, 16), int(ov)


def c_ip(tv, ov):
    return ipaddress.ip_address(tv), ipaddress.ip_address(ov)


def c_div4(tv, ov):  # tshark shows the IPv4 header length in bytes
    return int(tv, 0), int(ov) * 4


INT, RAW, IP, DIV4 = c_int, c_raw, c_ip, c_div4

# tshark field -> (our full names, glob patterns allowed; comparison;
# offset delta ours - tshark)
MAP = {
    # IPv4 / UDP / ICMP
    "ip.version": (["layer.ip4.version"], INT),
    "ip.hdr_len": (["layer.ip4.ihl"], DIV4),
    "ip.dsfield.dscp": (["layer.ip4.dscp"], INT),
    "ip.dsfield.ecn": (["layer.ip4.ecn"], INT),
    "ip.len": (["layer.ip4.total_len"], INT),
    "ip.id": (["layer.ip4.id"], INT),
    "ip.flags.df": (["layer.ip4.df"], INT),
    "ip.flags.mf": (["layer.ip4.mf"], INT),
    "ip.frag_offset": (["layer.ip4.frag_off"], INT),
    "ip.ttl": (["layer.ip4.ttl"], INT),
    "ip.proto": (["layer.ip4.proto"], INT),
    "ip.checksum": (["layer.ip4.csum"], INT),
    "ip.src": (["layer.ip4.src"], IP),
    "ip.dst": (["layer.ip4.dst"], IP),
    "udp.srcport": (["layer.udp.sport"], INT),
    "udp.dstport": (["layer.udp.dport"], INT),
    "udp.length": (["layer.udp.len"], INT),
    "udp.checksum": (["layer.udp.csum"], INT),
    "icmp.type": (["layer.icmp4.type"], INT),
    "icmp.code": (["layer.icmp4.code"], INT),
    "icmp.checksum": (["layer.icmp4.csum"], INT),
    # agent advertisement extensions
    "icmp.mip.type": (["mip4.adv_ext.*.type"], INT),
    "icmp.mip.length": (["mip4.adv_ext.*.len"], INT),
    "icmp.mip.seq": (["mip4.adv_ext.maa.seq"], INT),
    "icmp.mip.life": (["mip4.adv_ext.maa.reg_lifetime"], INT),
    "icmp.mip.flags": (["mip4.adv_ext.maa.flags"], INT),
    "icmp.mip.r": (["mip4.adv_ext.maa.r"], INT),
    "icmp.mip.b": (["mip4.adv_ext.maa.b"], INT),
    "icmp.mip.h": (["mip4.adv_ext.maa.h"], INT),
    "icmp.mip.f": (["mip4.adv_ext.maa.f"], INT),
    "icmp.mip.m": (["mip4.adv_ext.maa.m"], INT),
    "icmp.mip.g": (["mip4.adv_ext.maa.g"], INT),
    "icmp.mip.v": (["mip4.adv_ext.maa.rsv_r"], INT),  # RFC 2002 'V', now reserved r
    "icmp.mip.rt": (["mip4.adv_ext.maa.t"], INT),
    "icmp.mip.u": (["mip4.adv_ext.maa.u"], INT),
    "icmp.mip.x": (["mip4.adv_ext.maa.x"], INT),
    "icmp.mip.reserved": (["mip4.adv_ext.maa.reserved"], INT),
    "icmp.mip.coa": (["mip4.adv_ext.maa.coa"], IP),
    "icmp.mip.challenge": (["mip4.adv_ext.challenge.challenge"], RAW),
    # MIPv4 messages and extensions
    "mip.type": (["mip4.msg.*.type"], INT),
    "mip.flags": (["mip4.msg.*.flags"], INT),
    "mip.s": (["mip4.msg.rrq.s"], INT),
    "mip.b": (["mip4.msg.rrq.b"], INT),
    "mip.d": (["mip4.msg.rrq.d"], INT),
    "mip.m": (["mip4.msg.rrq.m"], INT),
    "mip.g": (["mip4.msg.rrq.g"], INT),
    "mip.v": (["mip4.msg.rrq.r"], INT),   # RFC 2002 'V', now reserved r
    "mip.t": (["mip4.msg.rrq.t"], INT),
    "mip.x": (["mip4.msg.rrq.x"], INT),
    "mip.code": (["mip4.msg.rrp.code", "mip4.msg.reg_rrp.code"], INT),
    "mip.life": (["mip4.msg.*.lifetime"], INT),
    "mip.homeaddr": (["mip4.msg.*.hoa"], IP),
    "mip.haaddr": (["mip4.msg.*.ha"], IP),
    "mip.coa": (["mip4.msg.*.coa"], IP),
    "mip.ident": (["mip4.msg.*.ident"], RAW),
    "mip.nexthdr": (["mip4.msg.tunnel_data.next_header"], INT),
    "mip.ext.type": (["mip4.ext.*.type"], INT),
    "mip.ext.len": (["mip4.ext.*.len"], INT),
    "mip.ext.stype": (["mip4.ext.*.subtype"], INT),
    "mip.ext.auth.spi": (["mip4.ext.*.spi"], INT),
    "mip.ext.auth.auth": (["mip4.ext.*.auth"], RAW),
    "mip.nai": (["mip4.ext.mn_nai.nai"], None),
    # IPv6 and its extension headers
    "ipv6.version": (["layer.ip6.version"], INT),
    "ipv6.tclass": (["layer.ip6.tclass"], INT),
    "ipv6.flow": (["layer.ip6.flow"], INT, -1),
    "ipv6.plen": (["layer.ip6.plen"], INT),
    "ipv6.nxt": (["layer.ip6.next"], INT),
    "ipv6.hlim": (["layer.ip6.hlim"], INT),
    "ipv6.src": (["layer.ip6.src"], IP),
    "ipv6.dst": (["layer.ip6.dst"], IP),
    "ipv6.hopopts.nxt": (["layer.ip6_hbh.next"], INT),
    "ipv6.hopopts.len": (["layer.ip6_hbh.len"], INT),
    "ipv6.dstopts.nxt": (["layer.ip6_dst.next"], INT),
    "ipv6.dstopts.len": (["layer.ip6_dst.len"], INT),
    "ipv6.opt.type": (["dstopt.*.type"], INT),
    "ipv6.opt.length": (["dstopt.*.len"], INT),
    "ipv6.opt.mipv6.home_address": (["dstopt.hao.addr"], IP),
    "ipv6.routing.nxt": (["layer.ip6_rh.next"], INT),
    "ipv6.routing.len": (["layer.ip6_rh.len"], INT),
    "ipv6.routing.type": (["layer.ip6_rh.type"], INT),
    "ipv6.routing.segleft": (["layer.ip6_rh.segleft"], INT),
    "ipv6.routing.mipv6.reserved": (["layer.ip6_rh.reserved"], RAW),
    "ipv6.routing.mipv6.home_address": (["layer.ip6_rh.home_addr"], IP),
    # ICMPv6 (Mobile IPv6 messages, RA, ND options)
    "icmpv6.type": (["layer.icmp6.type", "icmp6.*.type"], INT),
    "icmpv6.code": (["layer.icmp6.code", "icmp6.*.code"], INT),
    "icmpv6.checksum": (["layer.icmp6.csum", "icmp6.*.checksum"], INT),
    "icmpv6.mip6.identifier": (["icmp6.*.ident"], INT),
    "icmpv6.mip6.flag.m": (["icmp6.mpa.m"], INT),
    "icmpv6.mip6.flag.o": (["icmp6.mpa.o"], INT),
    "icmpv6.mip6.home_agent_address": (["icmp6.haad_rep.ha_addrs"], IP),
    "icmpv6.nd.ra.cur_hop_limit": (["icmp6.ra.hop_limit"], INT),
    "icmpv6.nd.ra.flag.m": (["icmp6.ra.m"], INT),
    "icmpv6.nd.ra.flag.o": (["icmp6.ra.o"], INT),
    "icmpv6.nd.ra.flag.h": (["icmp6.ra.h"], INT),
    "icmpv6.nd.ra.flag.prf": (["icmp6.ra.prf"], INT),
    "icmpv6.nd.ra.router_lifetime": (["icmp6.ra.lifetime"], INT),
    "icmpv6.nd.ra.reachable_time": (["icmp6.ra.reachable"], INT),
    "icmpv6.nd.ra.retrans_timer": (["icmp6.ra.retrans"], INT),
    "icmpv6.opt.prefix.length": (["nd.opt.prefix_info.prefix_len"], INT),
    "icmpv6.opt.prefix.flag.l": (["nd.opt.prefix_info.l"], INT),
    "icmpv6.opt.prefix.flag.a": (["nd.opt.prefix_info.a"], INT),
    "icmpv6.opt.prefix.flag.r": (["nd.opt.prefix_info.r"], INT),
    "icmpv6.opt.prefix.valid_lifetime": (["nd.opt.prefix_info.valid"], INT),
    "icmpv6.opt.prefix.preferred_lifetime": (["nd.opt.prefix_info.preferred"], INT),
    "icmpv6.opt.prefix": (["nd.opt.prefix_info.prefix"], IP),
    "icmpv6.opt.mtu": (["nd.opt.mtu.mtu"], INT),
    "icmpv6.opt.advertisement_interval": (["nd.opt.adv_interval.interval"], INT),
    "icmpv6.opt.home_agent_preference": (["nd.opt.ha_info.preference"], INT),
    "icmpv6.opt.home_agent_lifetime": (["nd.opt.ha_info.lifetime"], INT),
    # Mobility Header
    "mip6.proto": (["mh.*.payload_proto"], INT),
    "mip6.hlen": (["mh.*.hdr_len"], INT),
    "mip6.mhtype": (["mh.*.type"], INT),
    "mip6.reserved": (["mh.*.reserved"], INT),
    "mip6.csum": (["mh.*.checksum"], INT),
    "mip6.hoti.cookie": (["mh.hoti.cookie"], RAW),
    "mip6.coti.cookie": (["mh.coti.cookie"], RAW),
    "mip6.hot.nindex": (["mh.hot.nonce_index"], INT),
    "mip6.hot.cookie": (["mh.hot.cookie"], RAW),
    "mip6.hot.token": (["mh.hot.keygen"], RAW),
    "mip6.cot.nindex": (["mh.cot.nonce_index"], INT),
    "mip6.cot.cookie": (["mh.cot.cookie"], RAW),
    "mip6.cot.token": (["mh.cot.keygen"], RAW),
    "mip6.bu.seqnr": (["mh.bu.seq", "mh.fbu.seq"], INT),
    "mip6.bu.a_flag": (["mh.bu.a", "mh.fbu.a"], INT),
    "mip6.bu.h_flag": (["mh.bu.h", "mh.fbu.h"], INT),
    "mip6.bu.l_flag": (["mh.bu.l", "mh.fbu.l"], INT),
    "mip6.bu.k_flag": (["mh.bu.k", "mh.fbu.k"], INT),
    "mip6.bu.m_flag": (["mh.bu.m"], INT),
    "mip6.nemo.bu.r_flag": (["mh.bu.r"], INT),
    "mip6.bu.p_flag": (["mh.bu.p"], INT),
    "mip6.bu.f_flag": (["mh.bu.f"], INT),
    "mip6.bu.t_flag": (["mh.bu.t"], INT),
    "mip6.bu.b_flag": (["mh.bu.b"], INT),
    "mip6.bu.lifetime": (["mh.bu.lifetime", "mh.fbu.lifetime"], INT),
    "mip6.ba.status": (["mh.ba.status", "mh.fback.status"], INT),
    "mip6.ba.k_flag": (["mh.ba.k", "mh.fback.k"], INT),
    "mip6.nemo.ba.r_flag": (["mh.ba.r"], INT),
    "mip6.ba.p_flag": (["mh.ba.p"], INT),
    "mip6.ba.t_flag": (["mh.ba.t"], INT),
    "mip6.ba.b_flag": (["mh.ba.b"], INT),
    "mip6.ba.seqnr": (["mh.ba.seq", "mh.fback.seq"], INT),
    "mip6.ba.lifetime": (["mh.ba.lifetime", "mh.fback.lifetime"], INT),
    "mip6.be.status": (["mh.be.status"], INT),
    "mip6.be.haddr": (["mh.be.hoa"], IP),
    "mip6.bra.interval": (["mh.opt.bra.interval"], INT),
    "mip6.acoa.acoa": (["mh.opt.alt_coa.addr"], IP),
    "mip6.ni.hni": (["mh.opt.nonce_idx.home_nonce_index"], INT),
    "mip6.ni.cni": (["mh.opt.nonce_idx.coa_nonce_index"], INT),
    "mip6.bad.auth": (["mh.opt.bad.authenticator"], RAW),
}

# Differences explained by Wireshark 4.0's own bugs (B1..B6 of
# ../shared/reference/wireshark-4.0.md; docs/tshark-differences.md). Each
# entry: (id, reason, predicate(ctx)). ctx: capture, frame, field (tshark
# field name, or "<status>" for an error-verdict difference), ours (the
# mipdump frame object), tprob (tshark's verdicts).


def _msgs(ctx, reg):
    return [m for m in ctx["ours"]["messages"] if m["reg"] == reg]


def _elems(node):
    for e in node.get("elements", []):
        yield e
        yield from _elems(e)


def b1_nemo(ctx):
    return ctx["field"].startswith("mip6.nemo.")


def b2_mip4_type(ctx):
    return any(m["type"] not in (1, 3, 4, 7, 15) for m in _msgs(ctx, "mip4.msg")) \
        and (ctx["field"].startswith("mip.ext") or ctx["field"] == "<status>")


def b3_udptun_next(ctx):
    return any(m["key"] == "tunnel_data" and m["fields"].get("next_header") != 4
               for m in _msgs(ctx, "mip4.msg"))


def b4_short_adv_ext(ctx):
    return ctx["field"] == "<status>" and "malformed" in ctx["tprob"] and any(
        e["reg"] == "mip4.adv_ext" and e["key"] == "unknown" and e["length"] < 6
        for m in ctx["ours"]["messages"] for e in _elems(m))


def b5_mh_length(ctx):
    d = ctx["ours"]["diag"]
    return ctx["field"] == "<status>" and not ctx["tprob"] and \
        d.get("status") == "malformed" and (d.get("field") or "").startswith("mh")


def b6_mh_checksum(ctx):
    return ctx["field"] == "<mh checksum>"


def w1_ip_len_vs_wire(ctx):
    d = ctx["ours"]["diag"]
    return ctx["field"] == "<status>" and not ctx["tprob"] and \
        d.get("status") == "malformed" and \
        d.get("field") in ("layer.ip6.plen", "layer.ip4.total_len") and \
        "on the wire" in (d.get("why") or "")


KNOWN = [
    ("B1", "NEMO label / R flag state sticks after the first R-flagged BU/BA", b1_nemo),
    ("B2", "MIPv4 message types other than 1/3/4/7/15 are parsed as extensions",
     b2_mip4_type),
    ("B3", "RFC 3519 tunnel data: Next Header ignored, payload always read as IPv4",
     b3_udptun_next),
    ("B4", "agent advertisement: a short unknown extension throws (length - 4)",
     b4_short_adv_ext),
    ("B5", "the MH header length is not validated against the type's minimum",
     b5_mh_length),
    ("B6", "the MH checksum is never verified (no verdict to compare)", b6_mh_checksum),
    ("W1", "an IP length beyond the bytes on the wire is not flagged (tcpdump: "
     "'header+payload length > length (invalid)')", w1_ip_len_vs_wire),
]


def known(ctx):
    for bug, why, pred in KNOWN:
        if pred(ctx):
            return "%s: %s" % (bug, why)
    return None


# checksum verdicts: tshark's <proto>.checksum.status (1 good, 0 bad, 2 not
# verified) against the layer's "checksum" of the layer whose checksum
# field is at that offset
CSUM = {"ip.checksum.status": ("ip4", 10), "udp.checksum.status": ("udp", 6),
        "icmp.checksum.status": ("icmp4", 2), "icmpv6.checksum.status": ("icmp6", 2)}


def check_checksums(name, fr, tf, of, tprob, fails, knowns):
    layers = {(l["kind"], l["offset"]): l for l in of["layers"]}
    n = 0
    for tname, pos, ln, mask, raw, shown in tf:
        if tname not in CSUM or shown not in ("0", "1"):
            continue
        kind, coff = CSUM[tname]
        l = layers.get((kind, pos - coff))
        if l is None or l.get("checksum") in (None, "unchecked"):
            continue
        n += 1
        want = "ok" if shown == "1" else "bad"
        if l["checksum"] != want:
            fails.append("%s frame %d: tshark %s=%s, mipdump %s checksum %s" %
                         (name, fr, tname, shown, kind, l["checksum"]))
    for m in of["messages"]:
        if m["reg"] == "mh" and m.get("checksum") == "bad":
            ctx = {"capture": name, "frame": fr, "field": "<mh checksum>",
                   "ours": of, "tprob": tprob}
            knowns.append("%s frame %d: mipdump finds a bad MH checksum, tshark "
                          "does not check  [known: %s]" % (name, fr, known(ctx)))
    return n


def main():
    mipdump, capdir, tshark = sys.argv[1:4]
    # further folders (the project's own captures/) are read flat
    extra = [(p, os.path.dirname(os.path.dirname(p)))
             for d in sys.argv[4:] for p in sorted(glob.glob(os.path.join(d, "*.pcap")))]
    fails, knowns, compared = [], [], 0
    tshark_names = set()
    for path, base in [(p, capdir) for p in captures(capdir)] + extra:
        name = short(path, base)
        ours_frames, p = mipdump_json(mipdump, path)
        if p.returncode != 0:
            fails.append("%s: mipdump exit %d: %s" % (name, p.returncode, p.stderr[:200]))
            continue
        theirs = tshark_frames(tshark, path)
        for idx, (tf, tprob) in enumerate(theirs):
            fr = idx + 1
            if idx >= len(ours_frames):
                fails.append("%s frame %d: missing from mipdump" % (name, fr))
                continue
            # verdicts: a frame is bad for both or for neither
            of = ours_frames[idx]
            obad = of["status"] in ("truncated", "malformed")
            if obad != bool(tprob):
                msg = "%s frame %d: tshark %s, mipdump %s%s" % (
                    name, fr, ",".join(sorted(tprob)) or "no error",
                    of["status"], (" (%s: %s)" % (of["diag"].get("field"),
                                                  of["diag"].get("why"))) if obad else "")
                why = known({"capture": name, "frame": fr, "field": "<status>",
                             "ours": of, "tprob": tprob})
                (knowns if why else fails).append(msg + ("  [known: %s]" % why if why else ""))
            compared += check_checksums(name, fr, tf, of, tprob, fails, knowns)
            by_off = {}
            for full, off, val in our_fields(ours_frames[idx]):
                by_off.setdefault(off, []).append((full, val))
            for tname, pos, ln, mask, raw, shown in tf:
                tshark_names.add(tname)
                spec = MAP.get(tname)
                if spec is None or shown is None:
                    continue
                pats, conv = spec[0], spec[1]
                delta = spec[2] if len(spec) > 2 else 0
                cands = [(full, val) for full, val in by_off.get(pos + delta, [])
                         if any(fnmatch.fnmatch(full, pt) for pt in pats)]
                if not cands:
                    continue  # not decoded by both
                full, val = cands[0]
                try:
                    if conv is RAW:
                        a, b = conv(shown, val, raw)
                    elif conv is None:
                        a, b = shown, val
                    else:
                        a, b = conv(shown, val)
                except (ValueError, TypeError) as e:
                    a, b = shown, "%r (%s)" % (val, e)
                compared += 1
                if a == b:
                    continue
                msg = "%s frame %d offset %d: tshark %s=%s, mipdump %s=%s" % (
                    name, fr, pos, tname, shown, full, val)
                why = known({"capture": name, "frame": fr, "field": tname,
                             "ours": of, "tprob": tprob})
                if why:
                    knowns.append(msg + "  [known: " + why + "]")
                else:
                    fails.append(msg)
    for k in knowns:
        print("KNOWN " + k)
    for f in fails:
        print("FAIL " + f)
    print("%d field values compared, %d known tshark differences, %d failures" %
          (compared, len(knowns), len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
