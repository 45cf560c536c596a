/* Link layers of pcap captures: Ethernet II (+ 802.1Q / 802.1ad tags),
 * Linux cooked v1 / v2, BSD null / OpenBSD loopback, raw IP. */
#include <stdint.h>
#include <string.h>

#include "net_int.h"

#define MAX_VLAN_TAGS 8

static bool is_vlan_tpid(uint16_t t)
{
	/* 0x9100/0x9200: pre-standard QinQ S-tags still seen in captures */
	return t == MW_ETHERTYPE_VLAN || t == MW_ETHERTYPE_QINQ ||
	       t == 0x9100 || t == 0x9200;
}

/* The network layer named by an ethertype. */
static void by_ethertype(struct mwi_dec *d, struct mw_cur *c, uint16_t type)
{
	if (type == MW_ETHERTYPE_IP4)
		mwi_net_ip4(d, c, true);
	else if (type == MW_ETHERTYPE_IP6)
		mwi_net_ip6(d, c, true);
	else
		mwi_net_payload(d, c); /* ARP, LLC, MPLS...: not decoded */
}

static void ethernet(struct mwi_dec *d, struct mw_cur *c)
{
	size_t off = c->pos;
	struct mw_eth e;
	uint16_t type;
	int l, tags = 0;

	if (__builtin_expect(mw_cur_has(c, 14), 1)) {
		const uint8_t *h = c->base + off;

		memcpy(e.dst, h, 6);
		memcpy(e.src, h + 6, 6);
		e.ethertype = mw_load_be16(h + 12);
		c->pos += 14;
	} else {
		mw_get_copy(c, e.dst, 6, "layer.eth.dst");
		mw_get_copy(c, e.src, 6, "layer.eth.src");
		e.ethertype = mw_get_be16(c, "layer.eth.type");
		if (!mw_cur_ok(c))
			return;
	}
	l = mwi_add_layer_nc(d, MW_L_ETH, off, 14);
	if (l < 0)
		return;
	d->pkt->layers[l].u.eth = e;
	type = e.ethertype;
	while (is_vlan_tpid(type)) {
		struct mw_vlan v;

		if (++tags > MAX_VLAN_TAGS) {
			mwi_note(d, MW_E_UNSUPPORTED, c->pos, "layer.vlan",
				 "too many VLAN tags", MAX_VLAN_TAGS);
			mwi_net_payload(d, c);
			return;
		}
		off = c->pos;
		v.tci = mw_get_be16(c, "layer.vlan.tci");
		v.ethertype = mw_get_be16(c, "layer.vlan.type");
		if (!mw_cur_ok(c))
			return;
		l = mwi_add_layer(d, MW_L_VLAN, off, 4);
		if (l < 0)
			return;
		d->pkt->layers[l].u.vlan = v;
		type = v.ethertype;
	}
	if (type <= 1500) { /* IEEE 802.3 length: LLC follows */
		mwi_net_payload(d, c);
		return;
	}
	by_ethertype(d, c, type);
}

static void sll(struct mwi_dec *d, struct mw_cur *c, bool v2)
{
	size_t off = c->pos;
	struct mw_sll s = { 0 };
	int l;

	if (v2) {
		s.protocol = mw_get_be16(c, "layer.sll2.protocol");
		mw_skip(c, 2, "layer.sll2.reserved");
		s.ifindex = mw_get_be32(c, "layer.sll2.ifindex");
		s.hatype = mw_get_be16(c, "layer.sll2.hatype");
		s.pkttype = mw_get_u8(c, "layer.sll2.pkttype");
		s.halen = mw_get_u8(c, "layer.sll2.halen");
		mw_get_copy(c, s.addr, 8, "layer.sll2.addr");
	} else {
		s.pkttype = mw_get_be16(c, "layer.sll.pkttype");
		s.hatype = mw_get_be16(c, "layer.sll.hatype");
		s.halen = mw_get_be16(c, "layer.sll.halen");
		mw_get_copy(c, s.addr, 8, "layer.sll.addr");
		s.protocol = mw_get_be16(c, "layer.sll.protocol");
	}
	if (!mw_cur_ok(c))
		return;
	l = mwi_add_layer(d, v2 ? MW_L_SLL2 : MW_L_SLL, off, v2 ? 20 : 16);
	if (l < 0)
		return;
	d->pkt->layers[l].u.sll = s;
	/* protocol is an ethertype except for the ARPHRD-specific values
	 * below 1536 (802.2 LLC, Novell 802.3, CAN...) */
	by_ethertype(d, c, s.protocol);
}

static void null_loop(struct mwi_dec *d, struct mw_cur *c)
{
	size_t off = c->pos;
	const uint8_t *p = mw_get_bytes(c, 4, "layer.null.family");
	uint32_t fam;
	int l;

	if (!p)
		return;
	/* host order of the capturing machine, unknown here: the family
	 * is small, so whichever end holds the value is the order */
	if (p[0] == 0 && p[1] == 0)
		fam = mw_load_be32(p);
	else
		fam = (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
		      ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
	l = mwi_add_layer(d, MW_L_NULL, off, 4);
	if (l < 0)
		return;
	/* no typed struct: the family goes in sll.protocol / hatype 0 */
	d->pkt->layers[l].u.sll.protocol = (uint16_t)fam;
	if (fam == 2)
		mwi_net_ip4(d, c, true);
	else if (fam == 24 || fam == 28 || fam == 30)
		mwi_net_ip6(d, c, true); /* NetBSD/OpenBSD, FreeBSD, macOS */
	else
		mwi_net_payload(d, c);
}

/* libpcap's SLIP link type: a 16-byte pseudo-header, then the IP packet. */
static void slip(struct mwi_dec *d, struct mw_cur *c)
{
	size_t off = c->pos;

	if (!mw_skip(c, 16, "layer.slip") || mwi_add_layer(d, MW_L_SLIP, off, 16) < 0)
		return;
	mwi_net_ip_any(d, c, true);
}

void mwi_decode_link(struct mwi_dec *d, struct mw_cur *c, int linktype)
{
	/* The frame has no declared length: a header cut short is cut by the
	 * snaplen (TRUNC), never a contradiction (MALFORMED). */
	c->end = SIZE_MAX / 2;
	switch (linktype) {
	case MW_LINK_ETHERNET:
		ethernet(d, c);
		break;
	case MW_LINK_SLIP:
		slip(d, c);
		break;
	case MW_LINK_LINUX_SLL:
		sll(d, c, false);
		break;
	case MW_LINK_LINUX_SLL2:
		sll(d, c, true);
		break;
	case MW_LINK_NULL:
	case MW_LINK_LOOP:
		null_loop(d, c);
		break;
	case MW_LINK_RAW:
		mwi_net_ip_any(d, c, true);
		break;
	case MW_LINK_IPV4:
		mwi_net_ip4(d, c, true);
		break;
	case MW_LINK_IPV6:
		mwi_net_ip6(d, c, true);
		break;
	default:
		mw_cur_fail_at(c, 0, MW_E_UNSUPPORTED, "link",
			       "link type %d is not supported", linktype);
		break;
	}
}

void mwi_net_payload(struct mwi_dec *d, struct mw_cur *c)
{
	size_t n = mw_cur_avail(c);

	if (!mw_cur_ok(c) || mw_cur_left(c) == 0)
		return;
	mwi_add_layer(d, MW_L_PAYLOAD, c->pos, n);
	c->pos += n;
}
