/* Building the ICMPv6 messages of Mobile IPv6 (144-147) and FMIPv6 (154),
 * and ND options. */
#include <string.h>

#include "mip6_int.h"

/* RFC 1071 sum over the IPv6 pseudo-header (RFC 8200 8.1) and the
 * message; the checksum field of the message must be zero. */
static uint16_t icmp6_csum(const struct mw_in6 *src, const struct mw_in6 *dst,
			   const uint8_t *msg, size_t len)
{
	uint8_t ph[40];
	uint32_t sum = 0;

	memcpy(ph, src->b, 16);
	memcpy(ph + 16, dst->b, 16);
	ph[32] = (uint8_t)(len >> 24);
	ph[33] = (uint8_t)(len >> 16);
	ph[34] = (uint8_t)(len >> 8);
	ph[35] = (uint8_t)len;
	ph[36] = ph[37] = ph[38] = 0;
	ph[39] = 58;
	for (size_t i = 0; i < 40; i += 2)
		sum += (uint32_t)(ph[i] << 8 | ph[i + 1]);
	for (size_t i = 0; i < len; i += 2)
		sum += (uint32_t)(msg[i] << 8 | (i + 1 < len ? msg[i + 1] : 0));
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

MWI_EXPORT mw_status mw_nd_opt_put(struct mw_wbuf *w, uint8_t type,
				   const uint8_t *data, size_t len)
{
	size_t total = (len + 2 + 7) / 8 * 8;

	if (!w || (len && !data) || total / 8 > 255)
		return MW_E_INVAL;
	mw_put_u8(w, type);
	mw_put_u8(w, (uint8_t)(total / 8));
	mw_put_bytes(w, data, len);
	mw_put_zeros(w, total - 2 - len);
	return mw_wbuf_status(w);
}

MWI_EXPORT mw_status mw_icmp6_mip_build(struct mw_wbuf *w,
				       const struct mw_icmp6_mip_build_spec *s)
{
	size_t start;

	if (!w || !s || (s->n_addrs && !s->addrs) ||
	    (s->nd_opts_len && !s->nd_opts))
		return MW_E_INVAL;
	start = w->len;
	mw_put_u8(w, s->type);
	mw_put_u8(w, s->code);
	mw_put_be16(w, 0);
	if (s->type == MW_ICMP6_FMIP) {
		mw_put_u8(w, s->subtype);
		mw_put_u8(w, (uint8_t)s->flags);
		mw_put_be16(w, s->ident);
	} else {
		mw_put_be16(w, s->ident);
		mw_put_be16(w, s->flags);
	}
	for (size_t i = 0; i < s->n_addrs; i++)
		mw_put_bytes(w, s->addrs[i].b, 16);
	mw_put_bytes(w, s->nd_opts, s->nd_opts_len);
	if (w->overflow)
		return MW_E_NOSPACE;
	if (s->set_csum)
		mw_patch_be16(w, start + 2, s->csum);
	else if (s->csum_src && s->csum_dst)
		mw_patch_be16(w, start + 2,
			      icmp6_csum(s->csum_src, s->csum_dst, w->p + start,
					 w->len - start));
	return MW_OK;
}
