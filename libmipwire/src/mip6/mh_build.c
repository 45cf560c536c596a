/* Building Mobility Headers: common header, the fixed part (typed union or
 * caller bytes), options with optional Pad1/PadN alignment, header length,
 * checksum, and the Binding Authorization Data authenticator. */
#include <string.h>

#include "mip6_int.h"

MWI_EXPORT void mw_mh_init(struct mw_mh *mh, uint8_t type)
{
	memset(mh, 0, sizeof(*mh));
	mh->payload_proto = MW_IPPROTO_NONE;
	mh->type = type;
}

/* n bytes of padding: Pad1 for one byte, else one PadN. */
static void put_pad(struct mw_wbuf *w, size_t n)
{
	if (n == 0)
		return;
	if (n == 1) {
		mw_put_u8(w, MW_MHO_PAD1);
		return;
	}
	mw_put_u8(w, MW_MHO_PADN);
	mw_put_u8(w, (uint8_t)(n - 2));
	mw_put_zeros(w, n - 2);
}

static void put_fixed(struct mw_wbuf *w, const struct mw_mh *mh)
{
	const struct mw_reg_entry *r = mw_reg_lookup(MW_REG_MH_TYPE, mh->type);

	switch (mh->type) {
	case MW_MH_BRR:
		mw_put_zeros(w, 2);
		break;
	case MW_MH_HOTI:
	case MW_MH_COTI:
		mw_put_zeros(w, 2);
		mw_put_bytes(w, mh->u.init.cookie, 8);
		break;
	case MW_MH_HOT:
	case MW_MH_COT:
		mw_put_be16(w, mh->u.test.nonce_index);
		mw_put_bytes(w, mh->u.test.cookie, 8);
		mw_put_bytes(w, mh->u.test.keygen, 8);
		break;
	case MW_MH_BU:
	case MW_MH_FBU:
		mw_put_be16(w, mh->u.bu.seq);
		mw_put_be16(w, mh->u.bu.flags);
		mw_put_be16(w, mh->u.bu.lifetime);
		break;
	case MW_MH_BA:
	case MW_MH_FBACK:
		mw_put_u8(w, mh->u.ba.status);
		mw_put_u8(w, mh->u.ba.flags);
		mw_put_be16(w, mh->u.ba.seq);
		mw_put_be16(w, mh->u.ba.lifetime);
		break;
	case MW_MH_BE:
		mw_put_u8(w, mh->u.be.status);
		mw_put_u8(w, 0);
		mw_put_bytes(w, mh->u.be.hoa.b, 16);
		break;
	default:
		mw_put_zeros(w, r && r->min_len > 6 ? r->min_len - 6u : 2u);
		break;
	}
}

MWI_EXPORT mw_status mw_mh_opt_put(struct mw_wbuf *w,
				   const struct mw_mh_opt_spec *o)
{
	if (!w || !o || o->len > 255 || (o->len && !o->data && o->type))
		return MW_E_INVAL;
	mw_put_u8(w, o->type);
	if (o->type != MW_MHO_PAD1) {
		mw_put_u8(w, o->set_len ? o->len_field : (uint8_t)o->len);
		mw_put_bytes(w, o->data, o->len);
	}
	return mw_wbuf_status(w);
}

MWI_EXPORT mw_status mw_mh_subopt_put(struct mw_wbuf *w, uint8_t type,
				      const uint8_t *data, size_t len)
{
	if (!w || len > 255 || (len && !data))
		return MW_E_INVAL;
	mw_put_u8(w, type);
	mw_put_u8(w, (uint8_t)len);
	mw_put_bytes(w, data, len);
	return mw_wbuf_status(w);
}

MWI_EXPORT mw_status mw_mh_build(struct mw_wbuf *w,
				 const struct mw_mh_build_spec *s)
{
	size_t start, total;
	mw_status st;

	if (!w || !s || !s->mh || (s->n_opts && !s->opts) ||
	    (s->fixed_len && !s->fixed))
		return MW_E_INVAL;
	start = w->len;
	mw_put_u8(w, s->mh->payload_proto);
	mw_put_u8(w, 0);
	mw_put_u8(w, s->mh->type);
	mw_put_u8(w, s->mh->reserved);
	mw_put_be16(w, 0);
	if (s->fixed)
		mw_put_bytes(w, s->fixed, s->fixed_len);
	else
		put_fixed(w, s->mh);
	for (size_t i = 0; i < s->n_opts; i++) {
		const struct mw_reg_entry *r =
			mw_reg_lookup(MW_REG_MH_OPT, s->opts[i].type);

		if (s->align && r && r->align_n) {
			size_t pos = (w->len - start) % r->align_n;

			put_pad(w, (r->align_k + r->align_n - pos) % r->align_n);
		}
		st = mw_mh_opt_put(w, &s->opts[i]);
		if (st != MW_OK)
			return st;
	}
	if (s->align || s->pad_to_8)
		put_pad(w, (8 - (w->len - start) % 8) % 8);
	if (w->overflow)
		return MW_E_NOSPACE;
	total = w->len - start;
	if (!s->set_hdr_len && (total % 8 || total > 2048))
		return MW_E_INVAL;
	mw_patch_u8(w, start + 1,
		    s->set_hdr_len ? s->hdr_len : (uint8_t)(total / 8 - 1));
	if (s->set_csum)
		mw_patch_be16(w, start + 4, s->csum);
	else if (s->csum_src && s->csum_dst)
		mw_patch_be16(w, start + 4,
			      mw_mh_checksum(s->csum_src, s->csum_dst,
					     w->p + start, total));
	return MW_OK;
}

/* Find the BAD option's authenticator (12 bytes) in a built MH. */
static size_t find_bad(const uint8_t *mh, size_t len)
{
	size_t pos;

	if (len < 8)
		return 0;
	pos = mwi_mh_fixed_len(mh[2], mh, len, (uint32_t)len);
	while (pos < len) {
		if (mh[pos] == MW_MHO_PAD1) {
			pos++;
			continue;
		}
		if (pos + 2 > len || pos + 2u + mh[pos + 1] > len)
			return 0;
		if (mh[pos] == MW_MHO_BAD && mh[pos + 1] >= 12)
			return pos + 2;
		pos += 2u + mh[pos + 1];
	}
	return 0;
}

MWI_EXPORT mw_status mw_mh_bad_fill(uint8_t *mh, size_t len,
				    const uint8_t kbm[20],
				    const struct mw_in6 *coa,
				    const struct mw_in6 *cn,
				    const struct mw_in6 *csum_src,
				    const struct mw_in6 *csum_dst)
{
	uint8_t data[2048], auth[12];
	size_t at;

	if (!mh || !kbm || !coa || !cn || len > sizeof(data))
		return MW_E_INVAL;
	at = find_bad(mh, len);
	if (!at)
		return MW_E_INVAL;
	/* MH data without the authenticator, checksum as zero (6.2.7). */
	memcpy(data, mh, at);
	memcpy(data + at, mh + at + 12, len - at - 12);
	data[4] = data[5] = 0;
	mw_rr_bad_auth(kbm, coa, cn, data, len - 12, auth);
	memcpy(mh + at, auth, 12);
	if (csum_src && csum_dst) {
		uint16_t cs;

		mh[4] = mh[5] = 0;
		cs = mw_mh_checksum(csum_src, csum_dst, mh, len);
		mh[4] = (uint8_t)(cs >> 8);
		mh[5] = (uint8_t)cs;
	}
	return MW_OK;
}
