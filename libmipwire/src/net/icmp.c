/* ICMP (RFC 792) and ICMPv6 (RFC 4443) headers with their checksums, handed
 * on to the Mobile IP decoders (agent advertisement / solicitation, DHAAD,
 * mobile prefix, FMIPv6); TCP ports are recorded only. */
#include "net_int.h"

static int icmp_header(struct mwi_dec *d, struct mw_cur *c,
		       enum mw_layer_kind kind, struct mw_icmp *ic)
{
	const char *f = kind == MW_L_ICMP4 ? "layer.icmp4.type" : "layer.icmp6.type";

	ic->type = mw_get_u8(c, f);
	ic->code = mw_get_u8(c, f);
	ic->csum = mw_get_be16(c, f);
	ic->csum_ok = -1;
	if (!mw_cur_ok(c))
		return -1;
	return mwi_add_layer(d, kind, c->pos - 4, 4);
}

void mwi_net_icmp4(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	struct mw_cur msg = *c;
	size_t off = c->pos, len = mw_cur_left(c);
	struct mw_icmp ic;
	int l;

	(void)ip_layer;
	l = icmp_header(d, c, MW_L_ICMP4, &ic);
	if (l < 0)
		return;
	if (!d->opts->no_checksums && mw_cur_avail(&msg) == len)
		ic.csum_ok = mw_csum_fold(mw_csum_add(0, c->base + off, len)) ==
			     0xffff;
	d->pkt->layers[l].u.icmp = ic;
	if (ic.type == 9 || ic.type == 10)
		mwi_decode_mip4_icmp(d, &msg, l);
	c->pos = c->end;
}

void mwi_net_icmp6(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	struct mw_cur msg = *c;
	size_t off = c->pos, len = mw_cur_left(c);
	struct mw_icmp ic;
	int l;

	l = icmp_header(d, c, MW_L_ICMP6, &ic);
	if (l < 0)
		return;
	if (!d->opts->no_checksums)
		ic.csum_ok = (int8_t)mwi_l4_verify_dec(d, ip_layer,
						   MW_IPPROTO_ICMPV6, off, len);
	d->pkt->layers[l].u.icmp = ic;
	mwi_decode_icmp6_mip(d, &msg, l);
	c->pos = c->end;
}

void mwi_net_tcp(struct mwi_dec *d, struct mw_cur *c)
{
	size_t off = c->pos;
	struct mw_tcp t;
	int l;

	t.sport = mw_get_be16(c, "layer.tcp.sport");
	t.dport = mw_get_be16(c, "layer.tcp.dport");
	if (!mw_cur_ok(c))
		return;
	l = mwi_add_layer(d, MW_L_TCP, off, mw_cur_avail(c) + 4 < 20 ?
					   mw_cur_avail(c) + 4 : 20);
	if (l >= 0)
		d->pkt->layers[l].u.tcp = t;
	c->pos = c->end > c->caplen ? c->caplen : c->end;
}
