/* Builders of upper-layer and tunnel headers: UDP, ICMP, ICMPv6, GRE,
 * minimal encapsulation, the RFC 5845 UDP TLV header; upper-layer
 * checksums over the pseudo-header of a struct mw_ipctx. */
#include "net_int.h"

static void to_pseudo(const struct mw_ipctx *ip, struct mwi_pseudo *ps)
{
	ps->version = ip->version;
	ps->src4 = ip->src4;
	ps->dst4 = ip->dst4;
	ps->src6 = ip->src6;
	ps->dst6 = ip->dst6;
}

MWI_EXPORT uint16_t mw_l4_csum(const struct mw_ipctx *ip, uint8_t proto,
			       const uint8_t *data, size_t len)
{
	struct mwi_pseudo ps;
	uint32_t s;

	to_pseudo(ip, &ps);
	s = mwi_pseudo_sum(&ps, proto, (uint32_t)len);
	s = mw_csum_add(s, data, len);
	return (uint16_t)~mw_csum_fold(s);
}

MWI_EXPORT void mw_l4_csum_patch(struct mw_wbuf *w, const struct mw_ipctx *ip,
				 uint8_t proto, size_t l4_off, size_t csum_off,
				 int csum)
{
	if (w->overflow || csum_off + 2 > w->len || l4_off > csum_off)
		return;
	if (csum != MW_CSUM_COMPUTE) {
		mw_patch_be16(w, csum_off, (uint16_t)csum);
		return;
	}
	mw_patch_be16(w, csum_off, 0);
	mw_patch_be16(w, csum_off,
		      mw_l4_csum(ip, proto, w->p + l4_off, w->len - l4_off));
}

MWI_EXPORT size_t mw_udp_begin(struct mw_wbuf *w, uint16_t sport,
			       uint16_t dport)
{
	size_t off = w->len;

	mw_put_be16(w, sport);
	mw_put_be16(w, dport);
	mw_put_be32(w, 0); /* length, checksum: end */
	return off;
}

MWI_EXPORT void mw_udp_end(struct mw_wbuf *w, size_t udp_off,
			   const struct mw_ipctx *ip, int csum)
{
	uint16_t v;

	if (w->overflow)
		return;
	mw_patch_be16(w, udp_off + 4, (uint16_t)(w->len - udp_off));
	if (csum != MW_CSUM_COMPUTE) {
		mw_patch_be16(w, udp_off + 6, (uint16_t)csum);
		return;
	}
	mw_patch_be16(w, udp_off + 6, 0);
	v = mw_l4_csum(ip, MW_IPPROTO_UDP, w->p + udp_off, w->len - udp_off);
	mw_patch_be16(w, udp_off + 6, v ? v : 0xffff); /* RFC 768 */
}

MWI_EXPORT size_t mw_udp_tlv_begin(struct mw_wbuf *w, uint8_t next_header)
{
	size_t off = w->len;

	mw_put_u8(w, 0);
	mw_put_u8(w, next_header);
	mw_put_be16(w, 0);
	return off;
}

MWI_EXPORT void mw_udp_tlv_end(struct mw_wbuf *w, size_t tlv_off)
{
	if (!w->overflow)
		mw_patch_be16(w, tlv_off + 2, (uint16_t)(w->len - tlv_off - 4));
}

static size_t icmp_begin(struct mw_wbuf *w, uint8_t type, uint8_t code)
{
	size_t off = w->len;

	mw_put_u8(w, type);
	mw_put_u8(w, code);
	mw_put_be16(w, 0);
	return off;
}

MWI_EXPORT size_t mw_icmp4_begin(struct mw_wbuf *w, uint8_t type, uint8_t code)
{
	return icmp_begin(w, type, code);
}

MWI_EXPORT size_t mw_icmp6_begin(struct mw_wbuf *w, uint8_t type, uint8_t code)
{
	return icmp_begin(w, type, code);
}

MWI_EXPORT void mw_icmp4_end(struct mw_wbuf *w, size_t icmp_off, int csum)
{
	if (w->overflow)
		return;
	if (csum != MW_CSUM_COMPUTE) {
		mw_patch_be16(w, icmp_off + 2, (uint16_t)csum);
		return;
	}
	mw_patch_be16(w, icmp_off + 2, 0);
	mw_patch_be16(w, icmp_off + 2, (uint16_t)~mw_csum_fold(
		mw_csum_add(0, w->p + icmp_off, w->len - icmp_off)));
}

MWI_EXPORT void mw_icmp6_end(struct mw_wbuf *w, size_t icmp_off,
			     const struct mw_ipctx *ip, int csum)
{
	mw_l4_csum_patch(w, ip, MW_IPPROTO_ICMPV6, icmp_off, icmp_off + 2, csum);
}

MWI_EXPORT size_t mw_gre_begin(struct mw_wbuf *w, const struct mw_gre_spec *g)
{
	size_t off = w->len;
	uint16_t fv = (uint16_t)(g->version & 7);

	if (g->has_csum)
		fv |= 0x8000;
	if (g->has_key)
		fv |= 0x2000;
	if (g->has_seq)
		fv |= 0x1000;
	mw_put_be16(w, fv);
	mw_put_be16(w, g->proto);
	if (g->has_csum)
		mw_put_be32(w, 0); /* checksum + Reserved1 */
	if (g->has_key)
		mw_put_be32(w, g->key);
	if (g->has_seq)
		mw_put_be32(w, g->seq);
	return off;
}

MWI_EXPORT void mw_gre_end(struct mw_wbuf *w, size_t gre_off,
			   const struct mw_gre_spec *g)
{
	if (w->overflow || !g->has_csum)
		return;
	if (g->force_csum) {
		mw_patch_be16(w, gre_off + 4, g->csum);
		return;
	}
	mw_patch_be16(w, gre_off + 4, (uint16_t)~mw_csum_fold(
		mw_csum_add(0, w->p + gre_off, w->len - gre_off)));
}

MWI_EXPORT void mw_put_minenc(struct mw_wbuf *w, const struct mw_minenc_spec *m)
{
	size_t off = w->len;
	size_t len = m->with_src ? 12 : 8;

	mw_put_u8(w, m->proto);
	mw_put_u8(w, m->with_src ? 0x80 : 0);
	mw_put_be16(w, 0);
	mw_put_be32(w, m->dst);
	if (m->with_src)
		mw_put_be32(w, m->src);
	if (w->overflow)
		return;
	mw_patch_be16(w, off + 2, m->force_csum ? m->csum
		      : (uint16_t)~mw_csum_fold(mw_csum_add(0, w->p + off, len)));
}
