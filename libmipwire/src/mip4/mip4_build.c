/* Builders of Mobile IPv4 messages, extensions and agent advertisements.
 * Everything goes through struct mw_wbuf; authenticators come from
 * mw_mip4_auth_compute() (crypto), checksums from mw_csum_*(). */
#include <string.h>

#include "mip4_int.h"

static bool is_auth(uint8_t type, uint8_t hdr)
{
	return (hdr == MW_HDR_TLV8 && type >= 32 && type <= 34) ||
	       (hdr == MW_HDR_LONG && type == 36);
}

static size_t alg_len(int alg)
{
	switch (alg) {
	case MW_AUTH_HMAC_MD5:
	case MW_AUTH_KEYED_MD5:
	case MW_AUTH_MD5_CHAP:
		return 16;
	case MW_AUTH_HMAC_SHA1:
		return 20;
	default:
		return 0;
	}
}

/* Writes the header; returns the offset of the length field. */
static size_t put_header(struct mw_wbuf *w, uint8_t form, uint8_t type,
			 uint8_t sub, size_t body_len, bool len8)
{
	size_t off;

	mw_put_u8(w, type);
	switch (form) {
	case MW_HDR_PAD1:
		return SIZE_MAX;
	case MW_HDR_LONG:
	case MW_HDR_CVSE:
		mw_put_u8(w, form == MW_HDR_LONG ? sub : 0);
		off = w->len;
		mw_put_be16(w, (uint16_t)body_len);
		return off;
	case MW_HDR_SHORT:
		off = w->len;
		mw_put_u8(w, (uint8_t)(body_len + 1));
		mw_put_u8(w, sub);
		return off;
	default:
		off = w->len;
		mw_put_u8(w, len8 ? (uint8_t)((body_len + 2 + 7) / 8) : (uint8_t)body_len);
		return off;
	}
}

static size_t max_body(uint8_t form)
{
	return form == MW_HDR_LONG || form == MW_HDR_CVSE ? 0xffff
	       : form == MW_HDR_SHORT ? 254 : 255;
}

static mw_status put_ext(struct mw_wbuf *w, size_t msg_start,
			 const struct mw_mip4_ext_spec *e, enum mw_reg_id reg)
{
	const struct mw_reg_entry *row = mw_reg_lookup(reg, e->type);
	uint8_t form = e->hdr ? e->hdr : row ? row->hdr : MW_HDR_TLV8;
	bool len8 = reg == MW_REG_MIP4_ADV_EXT && mwi_mip4_adv_len8(e->type) && !e->hdr;
	size_t len_off, body;

	if (form == MW_HDR_PAD1) {
		mw_put_u8(w, e->type);
		return mw_wbuf_status(w);
	}
	if (reg == MW_REG_MIP4_EXT && is_auth(e->type, form)) {
		size_t alen = e->forced_auth ? e->forced_auth_len
			      : e->alg ? alg_len(e->alg)
			      : e->auth_len ? e->auth_len : 16;
		uint8_t out[20];

		if (e->alg && !e->forced_auth && alen == 0)
			return MW_E_INVAL;
		body = 4 + alen;
		if (body > max_body(form))
			return MW_E_INVAL;
		len_off = put_header(w, form, e->type, e->subtype, body, false);
		mw_put_be32(w, e->spi);
		if (w->overflow)
			return MW_E_NOSPACE;
		if (e->forced_auth) {
			mw_put_bytes(w, e->forced_auth, e->forced_auth_len);
		} else if (e->alg) {
			/* covered: message start through the SPI (RFC 5944 3.5.1) */
			size_t n = mw_mip4_auth_compute((enum mw_auth_alg)e->alg, e->key,
							e->key_len, w->p + msg_start,
							w->len - msg_start, out);
			if (n != alen)
				return MW_E_INVAL;
			mw_put_bytes(w, out, n);
		} else {
			mw_put_zeros(w, alen);
		}
	} else {
		size_t pad = 0;

		body = e->len;
		if (body > max_body(form) || (e->len && !e->data))
			return MW_E_INVAL;
		if (len8) {
			size_t total = (2 + body + 7) / 8 * 8;

			if (total > 255 * 8)
				return MW_E_INVAL;
			pad = total - 2 - body;
		}
		len_off = put_header(w, form, e->type, e->subtype, body, len8);
		mw_put_bytes(w, e->data, e->len);
		mw_put_zeros(w, pad);
	}
	if (e->set_len && len_off != SIZE_MAX) {
		if (form == MW_HDR_LONG || form == MW_HDR_CVSE)
			mw_patch_be16(w, len_off, e->len_field);
		else
			mw_patch_u8(w, len_off, (uint8_t)e->len_field);
	}
	return mw_wbuf_status(w);
}

MWI_EXPORT mw_status mw_mip4_put_ext(struct mw_wbuf *w, size_t msg_start,
				     const struct mw_mip4_ext_spec *e)
{
	if (!w || !e || msg_start > w->len)
		return MW_E_INVAL;
	return put_ext(w, msg_start, e, MW_REG_MIP4_EXT);
}

static mw_status put_exts(struct mw_wbuf *w, size_t start,
			  const struct mw_mip4_ext_spec *exts, size_t n,
			  enum mw_reg_id reg)
{
	for (size_t i = 0; i < n; i++) {
		mw_status st = put_ext(w, start, &exts[i], reg);

		if (st != MW_OK)
			return st;
	}
	return mw_wbuf_status(w);
}

MWI_EXPORT mw_status mw_mip4_build(struct mw_wbuf *w, const struct mw_mip4 *m,
				   const struct mw_mip4_ext_spec *exts, size_t n)
{
	size_t start;

	if (!w || !m || (n && !exts))
		return MW_E_INVAL;
	start = w->len;
	mw_put_u8(w, m->type);
	switch (m->type) {
	case MW_MIP4_RRQ:
	case MW_MIP4_REG_RRQ:
	case MW_MIP4_FBU:
		mw_put_u8(w, m->u.rrq.flags);
		mw_put_be16(w, m->u.rrq.lifetime);
		mw_put_be32(w, m->u.rrq.hoa);
		mw_put_be32(w, m->u.rrq.ha);
		mw_put_be32(w, m->u.rrq.coa);
		mw_put_be64(w, m->u.rrq.ident);
		break;
	case MW_MIP4_RRP:
	case MW_MIP4_REG_RRP:
	case MW_MIP4_FBACK:
		mw_put_u8(w, m->u.rrp.code);
		mw_put_be16(w, m->u.rrp.lifetime);
		mw_put_be32(w, m->u.rrp.hoa);
		mw_put_be32(w, m->u.rrp.ha);
		mw_put_be64(w, m->u.rrp.ident);
		break;
	case MW_MIP4_TUNNEL_DATA:
		if (n)
			return MW_E_INVAL;
		mw_put_u8(w, m->u.tun.next_header);
		mw_put_be16(w, m->u.tun.reserved);
		break;
	case MW_MIP4_REVOCATION:
		mw_put_u8(w, 0);
		mw_put_be16(w, m->u.rev.flags);
		mw_put_be32(w, m->u.rev.hoa);
		mw_put_be32(w, m->u.rev.hdaddr);
		mw_put_be32(w, m->u.rev.fdaddr);
		mw_put_be32(w, m->u.rev.rev_id);
		break;
	case MW_MIP4_REVOCATION_ACK:
		mw_put_u8(w, 0);
		mw_put_be16(w, m->u.rev.flags);
		mw_put_be32(w, m->u.rev.hoa);
		mw_put_be32(w, m->u.rev.rev_id);
		break;
	default:
		w->len = start;
		return MW_E_INVAL;
	}
	if (w->overflow)
		return MW_E_NOSPACE;
	return put_exts(w, start, exts, n, MW_REG_MIP4_EXT);
}

MWI_EXPORT mw_status mw_mip4_build_raw(struct mw_wbuf *w, uint8_t type,
				       const uint8_t *rest, size_t rest_len,
				       const struct mw_mip4_ext_spec *exts,
				       size_t n)
{
	size_t start;

	if (!w || (rest_len && !rest) || (n && !exts))
		return MW_E_INVAL;
	start = w->len;
	mw_put_u8(w, type);
	mw_put_bytes(w, rest, rest_len);
	if (w->overflow)
		return MW_E_NOSPACE;
	return put_exts(w, start, exts, n, MW_REG_MIP4_EXT);
}

/* ---- body helpers ---- */

static size_t fits(size_t need, size_t cap)
{
	return need <= cap ? need : 0;
}

MWI_EXPORT size_t mw_mip4_vendor_body(uint8_t *buf, size_t cap, bool nvse,
				      uint32_t vendor_id, uint16_t vendor_sub,
				      const uint8_t *data, size_t len)
{
	struct mw_wbuf w;

	mw_wbuf_init(&w, buf, cap);
	if (nvse)
		mw_put_be16(&w, 0);
	mw_put_be32(&w, vendor_id);
	mw_put_be16(&w, vendor_sub);
	mw_put_bytes(&w, data, len);
	return w.overflow ? 0 : w.len;
}

MWI_EXPORT size_t mw_mip4_revoc_support_body(uint8_t *buf, size_t cap,
					     uint16_t flags, uint32_t ts)
{
	if (!fits(6, cap))
		return 0;
	buf[0] = (uint8_t)(flags >> 8);
	buf[1] = (uint8_t)flags;
	buf[2] = (uint8_t)(ts >> 24);
	buf[3] = (uint8_t)(ts >> 16);
	buf[4] = (uint8_t)(ts >> 8);
	buf[5] = (uint8_t)ts;
	return 6;
}

MWI_EXPORT size_t mw_mip4_nemo_body(uint8_t *buf, size_t cap, uint8_t subtype,
				    uint8_t code, uint8_t prefix_len,
				    uint32_t prefix)
{
	struct mw_wbuf w;

	mw_wbuf_init(&w, buf, cap);
	if (subtype == 0) {
		mw_put_u8(&w, prefix_len);
	} else {
		mw_put_u8(&w, code);
		mw_put_u8(&w, prefix_len);
		mw_put_u8(&w, 0);
	}
	mw_put_be32(&w, prefix);
	return w.overflow ? 0 : w.len;
}

MWI_EXPORT size_t mw_mip4_udptun_req_body(uint8_t *buf, size_t cap,
					  uint8_t flags, uint8_t encap)
{
	if (!fits(5, cap))
		return 0;
	buf[0] = 0;
	buf[1] = flags;
	buf[2] = encap;
	buf[3] = buf[4] = 0;
	return 5;
}

MWI_EXPORT size_t mw_mip4_udptun_reply_body(uint8_t *buf, size_t cap,
					    uint8_t code, bool f,
					    uint16_t keepalive)
{
	if (!fits(5, cap))
		return 0;
	buf[0] = code;
	buf[1] = f ? 0x80 : 0;
	buf[2] = 0;
	buf[3] = (uint8_t)(keepalive >> 8);
	buf[4] = (uint8_t)keepalive;
	return 5;
}

static void spec_init(struct mw_mip4_ext_spec *s, uint8_t type)
{
	memset(s, 0, sizeof(*s));
	s->type = type;
}

MWI_EXPORT void mw_mip4_spec_nai(struct mw_mip4_ext_spec *s, const char *nai)
{
	spec_init(s, MW_MIP4X_MN_NAI);
	s->data = (const uint8_t *)nai;
	s->len = nai ? strlen(nai) : 0;
}

MWI_EXPORT void mw_mip4_spec_challenge(struct mw_mip4_ext_spec *s,
				       const uint8_t *ch, size_t len)
{
	spec_init(s, MW_MIP4X_MN_FA_CHALLENGE);
	s->data = ch;
	s->len = len;
}

MWI_EXPORT void mw_mip4_spec_auth(struct mw_mip4_ext_spec *s, uint8_t type,
				  uint32_t spi, int alg, const uint8_t *key,
				  size_t key_len)
{
	spec_init(s, type);
	s->spi = spi;
	s->alg = alg;
	s->key = key;
	s->key_len = key_len;
}

/* ---- agent advertisement / solicitation ---- */

static void put_tlv(struct mw_wbuf *w, uint8_t type, size_t len)
{
	mw_put_u8(w, type);
	mw_put_u8(w, (uint8_t)len);
}

MWI_EXPORT mw_status mw_mip4_adv_build(struct mw_wbuf *w,
				       const struct mw_mip4_adv_spec *a,
				       const struct mw_mip4_ext_spec *exts,
				       size_t n)
{
	size_t start, csum_off;
	mw_status st;

	if (!w || !a || (n && !exts) || (a->num_addrs && !a->router_addrs) ||
	    (a->n_coa && !a->coas) || (a->n_prefix_len && !a->prefix_lens) ||
	    (a->challenge_len && !a->challenge) || a->n_coa > 62)
		return MW_E_INVAL;
	start = w->len;
	mw_put_u8(w, a->solicitation ? 10 : 9);
	mw_put_u8(w, a->code);
	csum_off = mw_put_reserve(w, 2);
	if (a->solicitation) {
		mw_put_be32(w, 0);
	} else {
		mw_put_u8(w, a->num_addrs);
		mw_put_u8(w, 2);
		mw_put_be16(w, a->lifetime);
		for (unsigned i = 0; i < a->num_addrs; i++) {
			mw_put_be32(w, a->router_addrs[i]);
			mw_put_be32(w, a->preferences ? (uint32_t)a->preferences[i] : 0);
		}
	}
	if (a->has_maa) {
		size_t len = 6 + 4u * a->n_coa;

		put_tlv(w, MW_MIP4A_MAA, a->set_maa_len ? a->maa_len : len);
		mw_put_be16(w, a->seq);
		mw_put_be16(w, a->reg_lifetime);
		mw_put_be16(w, a->maa_flags);
		for (unsigned i = 0; i < a->n_coa; i++)
			mw_put_be32(w, a->coas[i]);
	}
	if (a->n_prefix_len) {
		put_tlv(w, MW_MIP4A_PREFIX_LEN, a->n_prefix_len);
		mw_put_bytes(w, a->prefix_lens, a->n_prefix_len);
	}
	if (a->challenge_len) {
		put_tlv(w, MW_MIP4A_CHALLENGE, a->challenge_len);
		mw_put_bytes(w, a->challenge, a->challenge_len);
	}
	st = put_exts(w, start, exts, n, MW_REG_MIP4_ADV_EXT);
	if (st != MW_OK)
		return st;
	if (!a->no_checksum) {
		uint16_t cs = (uint16_t)~mw_csum_fold(mw_csum_add(0, w->p + start, w->len - start));

		mw_patch_be16(w, csum_off, cs);
	}
	return mw_wbuf_status(w);
}
