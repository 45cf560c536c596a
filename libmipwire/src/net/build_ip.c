/* Builders of IPv4 and IPv6 headers (with the Mobile IPv6 extension
 * headers: type 2 routing header, Home Address option). */
#include <string.h>

#include "net_int.h"

MWI_EXPORT bool mw_ip4_begin(struct mw_wbuf *w, const struct mw_ip4_spec *s,
			     uint8_t proto, struct mw_ipctx *ip)
{
	size_t padded = (s->opts_len + 3) & ~(size_t)3;
	uint8_t ihl = s->force_ihl ? s->ihl : (uint8_t)(5 + padded / 4);

	memset(ip, 0, sizeof(*ip));
	if (s->opts_len > 40 || (s->opts_len && !s->opts))
		return false;
	ip->version = 4;
	ip->off = w->len;
	ip->src4 = s->src;
	ip->dst4 = s->dst;
	mw_put_u8(w, (uint8_t)(0x40 | (ihl & 0x0f)));
	mw_put_u8(w, s->tos);
	mw_put_be16(w, 0); /* total length: end */
	mw_put_be16(w, s->id);
	mw_put_be16(w, s->frag);
	mw_put_u8(w, s->ttl ? s->ttl : 64);
	mw_put_u8(w, proto);
	mw_put_be16(w, 0); /* checksum: end */
	mw_put_be32(w, s->src);
	mw_put_be32(w, s->dst);
	if (s->opts_len)
		mw_put_bytes(w, s->opts, s->opts_len);
	mw_put_zeros(w, padded - s->opts_len); /* EOL */
	ip->upper_off = w->len;
	return !w->overflow;
}

MWI_EXPORT void mw_ip4_end(struct mw_wbuf *w, const struct mw_ipctx *ip,
			   const struct mw_ip4_spec *s)
{
	size_t hlen = ip->upper_off - ip->off;

	if (w->overflow)
		return;
	mw_patch_be16(w, ip->off + 2, s->force_total_len ? s->total_len
					: (uint16_t)(w->len - ip->off));
	if (s->force_csum) {
		mw_patch_be16(w, ip->off + 10, s->csum);
		return;
	}
	mw_patch_be16(w, ip->off + 10, 0);
	mw_patch_be16(w, ip->off + 10,
		      (uint16_t)~mw_csum_fold(mw_csum_add(0, w->p + ip->off, hlen)));
}

/* Pad an options header that started at `hdr` to 8n bytes (Pad1 / PadN)
 * and set its Hdr Ext Len. */
static void pad_opts(struct mw_wbuf *w, size_t hdr)
{
	size_t n = (8 - (w->len - hdr) % 8) % 8;

	if (n == 1) {
		mw_put_u8(w, 0);
	} else if (n > 1) {
		mw_put_u8(w, 1);
		mw_put_u8(w, (uint8_t)(n - 2));
		mw_put_zeros(w, n - 2);
	}
	mw_patch_u8(w, hdr + 1, (uint8_t)((w->len - hdr) / 8 - 1));
}

MWI_EXPORT bool mw_ip6_begin(struct mw_wbuf *w, const struct mw_ip6_spec *s,
			     uint8_t proto, struct mw_ipctx *ip)
{
	/* RFC 8200 4.1 order; RFC 6275 6.3: HAO after the routing header */
	uint8_t chain[5];
	int n = 0;
	size_t h;

	memset(ip, 0, sizeof(*ip));
	if ((s->hbh_opts_len && !s->hbh_opts) ||
	    (s->dst_opts_len && !s->dst_opts) ||
	    s->hbh_opts_len > 2000 || s->dst_opts_len > 2000)
		return false;
	if (s->hbh_opts)
		chain[n++] = MW_IPPROTO_HOPOPTS;
	if (s->rh2)
		chain[n++] = MW_IPPROTO_ROUTING;
	if (s->hao || s->dst_opts)
		chain[n++] = MW_IPPROTO_DSTOPTS;
	if (s->frag)
		chain[n++] = MW_IPPROTO_FRAGMENT;
	chain[n] = proto;

	ip->version = 6;
	ip->off = w->len;
	ip->src6 = s->hao ? *s->hao : s->src;
	ip->dst6 = s->rh2 ? *s->rh2 : s->dst;
	mw_put_be32(w, (6u << 28) | ((uint32_t)s->tclass << 20) |
			       (s->flow & 0xfffff));
	mw_put_be16(w, 0); /* payload length: end */
	mw_put_u8(w, chain[0]);
	mw_put_u8(w, s->hlim ? s->hlim : 64);
	mw_put_bytes(w, s->src.b, 16);
	mw_put_bytes(w, s->dst.b, 16);
	for (int i = 0; i < n; i++) {
		h = w->len;
		switch (chain[i]) {
		case MW_IPPROTO_HOPOPTS:
			mw_put_u8(w, chain[i + 1]);
			mw_put_u8(w, 0);
			mw_put_bytes(w, s->hbh_opts, s->hbh_opts_len);
			pad_opts(w, h);
			break;
		case MW_IPPROTO_ROUTING: /* RFC 6275 6.4.1 */
			mw_put_u8(w, chain[i + 1]);
			mw_put_u8(w, 2);
			mw_put_u8(w, 2);
			mw_put_u8(w, 1);
			mw_put_be32(w, 0);
			mw_put_bytes(w, s->rh2->b, 16);
			break;
		case MW_IPPROTO_DSTOPTS:
			mw_put_u8(w, chain[i + 1]);
			mw_put_u8(w, 0);
			if (s->hao) { /* PadN(2) puts the option at 8n+6 */
				mw_put_u8(w, 1);
				mw_put_u8(w, 2);
				mw_put_be16(w, 0);
				mw_put_u8(w, 201);
				mw_put_u8(w, 16);
				mw_put_bytes(w, s->hao->b, 16);
			}
			if (s->dst_opts_len)
				mw_put_bytes(w, s->dst_opts, s->dst_opts_len);
			pad_opts(w, h);
			break;
		case MW_IPPROTO_FRAGMENT:
			mw_put_u8(w, chain[i + 1]);
			mw_put_u8(w, 0);
			mw_put_be16(w, (uint16_t)((s->frag_off << 3) |
						  (s->frag_more ? 1 : 0)));
			mw_put_be32(w, s->frag_id);
			break;
		}
	}
	ip->upper_off = w->len;
	return !w->overflow;
}

MWI_EXPORT void mw_ip6_end(struct mw_wbuf *w, const struct mw_ipctx *ip,
			   const struct mw_ip6_spec *s)
{
	mw_patch_be16(w, ip->off + 4, s->force_plen ? s->plen
				: (uint16_t)(w->len - ip->off - 40));
}
