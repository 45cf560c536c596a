/* Internet checksums (RFC 1071) and the upper-layer pseudo-headers of
 * IPv4 (RFC 768) and IPv6 (RFC 8200 8.1), including the Mobile IPv6 rules
 * (RFC 6275 6.1.1, 9.3.1, 11.3.1): the Home Address option's address is the
 * source and, while a type 2 routing header still has a segment left, its
 * address is the final destination. */
#include <string.h>

#include "net_int.h"

/* Chunks added one after another must have even lengths, except the last.
 * The value returned is a partial sum: only its mw_csum_fold() is the
 * RFC 1071 sum (0 stays 0: all-zero data adds nothing). */
MWI_EXPORT uint32_t mw_csum_add(uint32_t sum, const uint8_t *data, size_t len)
{
	uint64_t s = (uint64_t)sum + mwi_csum16(data, len);

	s = (s & 0xffffffffu) + (s >> 32);
	return (uint32_t)s;
}

MWI_EXPORT uint16_t mw_csum_fold(uint32_t sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* The pseudo-header as whole 16-bit words: an exact (unfolded) sum. */
uint32_t mwi_pseudo_sum(const struct mwi_pseudo *ps, uint8_t proto,
			uint32_t len)
{
	if (ps->version == 4)
		return (ps->src4 >> 16) + (ps->src4 & 0xffff) +
		       (ps->dst4 >> 16) + (ps->dst4 & 0xffff) + proto +
		       (len & 0xffff);
	return mwi_csum16(ps->src6.b, 16) + mwi_csum16(ps->dst6.b, 16) +
	       (len >> 16) + (len & 0xffff) + proto;
}

MWI_EXPORT uint16_t mw_mh_checksum(const struct mw_in6 *src,
				   const struct mw_in6 *dst,
				   const uint8_t *mh, size_t len)
{
	uint32_t s = mwi_csum16(src->b, 16) + mwi_csum16(dst->b, 16) +
		     (uint32_t)((len >> 16) & 0xffff) + (uint32_t)(len & 0xffff) +
		     135;

	/* the checksum field (bytes 4-5) counts as zero: take the sum of
	 * everything and subtract it (one's complement: add its complement) */
	if (len >= 6)
		s = mw_csum_add(s + (0xffffu - mw_load_be16(mh + 4)), mh, len);
	else
		s = mw_csum_add(s, mh, len < 4 ? len : 4);
	return (uint16_t)~mw_csum_fold(s);
}

bool mwi_net_pseudo(const struct mw_packet *pkt, int ip_layer,
		    struct mwi_pseudo *ps)
{
	const struct mw_layer *l;

	if (ip_layer < 0 || ip_layer >= pkt->n_layers)
		return false;
	l = &pkt->layers[ip_layer];
	if (l->kind == MW_L_IP4) {
		ps->version = 4;
		ps->src4 = l->u.ip4.src;
		ps->dst4 = l->u.ip4.dst;
		return true;
	}
	if (l->kind != MW_L_IP6)
		return false;
	ps->version = 6;
	ps->src6 = l->u.ip6.src;
	ps->dst6 = l->u.ip6.dst;
	for (int i = ip_layer + 1; i < pkt->n_layers; i++) {
		const struct mw_layer *e = &pkt->layers[i];

		if (e->depth != l->depth)
			break;
		if (e->kind == MW_L_IP6_DST) {
			if (e->u.ext.hao.present)
				ps->src6 = e->u.ext.hao.hoa;
		} else if (e->kind == MW_L_IP6_RH) {
			/* RFC 8200 8.1: the final destination. On the wire a
			 * type 2 header with a segment left names it. */
			if (e->u.ext.rh_type == MW_RH_TYPE2 && e->u.ext.hdr_len == 2 &&
			    e->u.ext.segleft > 0)
				ps->dst6 = e->u.ext.rh2_addr;
		} else if (e->kind != MW_L_IP6_HBH && e->kind != MW_L_IP6_FRAG &&
			   e->kind != MW_L_AH) {
			break;
		}
	}
	return true;
}

int mwi_l4_verify(const struct mw_packet *pkt, int ip_layer, uint8_t proto,
		  size_t off, size_t len)
{
	struct mwi_pseudo ps;
	uint32_t s;

	if (off + len > pkt->caplen || !mwi_net_pseudo(pkt, ip_layer, &ps))
		return -1;
	s = mwi_pseudo_sum(&ps, proto, (uint32_t)len);
	s = mw_csum_add(s, pkt->data + off, len);
	return mw_csum_fold(s) == 0xffff;
}

int mwi_l4_verify_dec(const struct mwi_dec *d, int ip_layer, uint8_t proto,
		      size_t off, size_t len)
{
	const struct mw_packet *pkt = d->pkt;
	uint64_t s;

	if (off + len > pkt->caplen || ip_layer < 0 || ip_layer >= pkt->n_layers)
		return -1;
	if (d->ps_ip == ip_layer + 1) {
		/* as mwi_pseudo_sum() of the addresses mwi_net_pseudo() finds */
		s = (uint64_t)mwi_csum16(d->ps_src->b, 16) +
		    mwi_csum16(d->ps_dst->b, 16) + (len >> 16) + (len & 0xffff) +
		    proto;
	} else if (pkt->layers[ip_layer].kind == MW_L_IP4) {
		uint32_t a = pkt->layers[ip_layer].u.ip4.src;
		uint32_t b = pkt->layers[ip_layer].u.ip4.dst;

		s = (a >> 16) + (a & 0xffff) + (b >> 16) + (b & 0xffff) + proto +
		    (len & 0xffff);
	} else {
		return mwi_l4_verify(pkt, ip_layer, proto, off, len);
	}
	s = (uint32_t)s; /* the pseudo sums above fit in 32 bits */
	return mw_csum_fold(mw_csum_add((uint32_t)s, pkt->data + off, len)) == 0xffff;
}

MWI_EXPORT bool mw_mh_pseudo_addrs(const struct mw_packet *pkt, int msg,
				   struct mw_in6 *src, struct mw_in6 *dst)
{
	struct mwi_pseudo ps;
	int l;

	if (msg < 0 || msg >= pkt->n_msgs)
		return false;
	l = pkt->msgs[msg].layer;
	if (l == 0xff)
		return false;
	/* walk back from an extension header / MH layer to its IPv6 header */
	while (l >= 0 && pkt->layers[l].kind != MW_L_IP6) {
		uint8_t k = pkt->layers[l].kind;

		if (k != MW_L_IP6_HBH && k != MW_L_IP6_DST && k != MW_L_IP6_RH &&
		    k != MW_L_IP6_FRAG && k != MW_L_AH && k != MW_L_MH)
			return false; /* e.g. MH over UDP (RFC 5844): no MH checksum */
		l--;
	}
	if (!mwi_net_pseudo(pkt, l, &ps) || ps.version != 6)
		return false;
	*src = ps.src6;
	*dst = ps.dst6;
	return true;
}
