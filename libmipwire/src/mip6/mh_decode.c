/* The Mobility Header (RFC 6275 6.1, 9.2): common header checks, the
 * typed fixed part of BRR..BE (and PBU/PBA/FBU/FBack), the per-type
 * minimum length, the MH checksum, then the option walk. Types without a
 * typed struct are read through their MW_REG_MH_TYPE layout. */
#include <string.h>

#include "mip6_int.h"

/* 1 / 0 / -1 as struct mw_mh csum_ok. Only an MH reached through IPv6
 * is checked: over UDP (RFC 5844 IPv4 transport) there is no IPv6
 * pseudo-header to compute it with. */
static int8_t check_csum(struct mwi_dec *d, int carrier, int msg,
			 size_t start, uint32_t msg_len, uint16_t csum)
{
	const struct mw_packet *p = d->pkt;
	struct mw_in6 src, dst;
	uint8_t k;

	if (d->opts->no_checksums || carrier < 0 || carrier >= p->n_layers)
		return -1;
	k = p->layers[carrier].kind;
	if (k != MW_L_IP6 && k != MW_L_IP6_DST && k != MW_L_IP6_RH &&
	    k != MW_L_IP6_HBH && k != MW_L_IP6_FRAG && k != MW_L_AH)
		return -1;
	if (start + msg_len > p->caplen)
		return -1;
	/* the carrier is the IPv6 header whose chain recorded the addresses
	 * (what mw_mh_pseudo_addrs() would find walking the layers) */
	if (d->ps_ip == carrier + 1 && p->msgs[msg].layer == carrier)
		return mw_mh_checksum(d->ps_src, d->ps_dst, p->data + start,
				      msg_len) == csum;
	if (!mw_mh_pseudo_addrs(p, msg, &src, &dst))
		return -1;
	return mw_mh_checksum(&src, &dst, p->data + start, msg_len) == csum;
}

void mwi_decode_mh(struct mwi_dec *d, struct mw_cur *c, int carrier_layer)
{
	struct mw_packet *p = d->pkt;
	size_t start = c->pos, left, avail, win;
	uint8_t head[32];
	const uint8_t *hb;
	const struct mw_reg_entry *row;
	struct mw_mh *mh;
	struct mw_msg *m;
	struct mw_cur sub;
	int msg, lay;
	uint32_t msg_len;

	/* The type byte decides the message; without it there is nothing. */
	if (!mw_cur_need(c, 3, "mh.type"))
		return;
	lay = mwi_add_layer(d, MW_L_MH, start, 0);
	msg = mwi_add_msg(d, MW_MSG_MH, carrier_layer >= 0 ? carrier_layer : lay,
			  MW_REG_MH_TYPE, c->base[start + 2], start, 0);
	if (msg < 0)
		return;
	m = &p->msgs[msg];
	mh = &m->u.mh;
	mh->csum_ok = -1;
	if (__builtin_expect(mw_cur_has(c, 6), 1)) {
		const uint8_t *h = c->base + start;

		mh->payload_proto = h[0];
		mh->hdr_len = h[1];
		mh->type = h[2];
		mh->reserved = h[3];
		mh->csum = mw_load_be16(h + 4);
		c->pos += 6;
		mh->msg_len = msg_len = (mh->hdr_len + 1u) * 8u;
		m->len = msg_len;
		if (lay >= 0)
			p->layers[lay].len = msg_len;
		row = mwi_reg_row(&mwi_reg_mh_type, mh->type);
		mh->known = row != NULL;
		mh->min_len = row ? row->min_len : 6;
	} else {
		mh->payload_proto = mw_get_u8(c, "mh.payload_proto");
		mh->hdr_len = mw_get_u8(c, "mh.hdr_len");
		mh->type = mw_get_u8(c, "mh.type");
		mh->msg_len = msg_len = (mh->hdr_len + 1u) * 8u;
		m->len = msg_len;
		if (lay >= 0)
			p->layers[lay].len = msg_len;
		mh->reserved = mw_get_u8(c, "mh.reserved");
		mh->csum = mw_get_be16(c, "mh.checksum");
		row = mwi_reg_row(&mwi_reg_mh_type, mh->type);
		mh->known = row != NULL;
		mh->min_len = row ? row->min_len : 6;
		if (!mw_cur_ok(c)) {
			m->status = p->diag.status;
			return;
		}
	}
	if (mh->payload_proto != MW_IPPROTO_NONE)
		mwi_note(d, MW_E_MALFORMED, start, "mh.payload_proto",
			 "payload proto should be 59 (no next header)",
			 mh->payload_proto);
	if (mh->reserved)
		mwi_note(d, MW_E_MALFORMED, start + 3, "mh.reserved",
			 "reserved byte not zero", mh->reserved);

	/* The window the message may use: its declared length, cut to the
	 * enclosing payload; the typed fields come from what is captured. */
	left = mw_cur_left(c) + 6;
	win = msg_len < left ? msg_len : left;
	avail = start + win <= p->caplen ? win : p->caplen - start;
	if (__builtin_expect(avail >= sizeof(head), 1) ||
	    (avail >= 12 && (mh->type == MW_MH_BU || mh->type == MW_MH_BA ||
			     mh->type == MW_MH_FBU || mh->type == MW_MH_FBACK))) {
		/* typed fields straight from the frame: 32 bytes captured, or
		 * the 12 a BU / BA layout reads (mwi_mh_fill_typed reads no further) */
		hb = p->data + start;
	} else {
		memset(head, 0, sizeof(head));
		memcpy(head, p->data + start, avail);
		hb = head;
	}
	mwi_mh_fill_typed(mh, hb);
	mh->fixed_len = mwi_mh_fixed_len_row(row, mh->type, hb, avail, msg_len);
	if (mh->fixed_len > msg_len)
		mh->fixed_len = msg_len;
	mh->opt_off = (uint32_t)(start + mh->fixed_len);

	if (msg_len > left) {
		mw_cur_fail_at(c, start + 1, MW_E_MALFORMED, "mh.hdr_len",
			       "header length %u (%u bytes) runs past the end of the payload (%zu bytes)",
			       mh->hdr_len, msg_len, left);
		m->status = MW_E_MALFORMED;
		return;
	}
	mw_cur_sub(c, msg_len - 6, &sub, "mh.hdr_len");
	if (!row) {
		m->status = MW_E_UNKNOWN;
		mwi_note(d, MW_E_UNKNOWN, start + 2, "mh.type",
			 "unknown MH type (RFC 6275 9.2: Binding Error status 2)",
			 mh->type);
		mh->fixed_len = 6;
		mh->opt_off = (uint32_t)start + 6;
		if (!mw_skip(&sub, msg_len - 6, "mh.data"))
			m->status = p->diag.status;
		return;
	}
	if (msg_len < row->min_len ||
	    (mh->type == MW_MH_HAS && avail > 6 && 8u + 16u * hb[6] > msg_len)) {
		m->status = MW_E_MALFORMED;
		mwi_note(d, MW_E_MALFORMED, start + 1, "mh.hdr_len",
			 "message shorter than the minimum length of its type",
			 msg_len);
		mh->fixed_len = msg_len;
		mh->opt_off = (uint32_t)(start + msg_len);
	}
	mh->csum_ok = check_csum(d, carrier_layer, msg, start, msg_len, mh->csum);

	/* Fixed part (must be captured), then the options. */
	if (!mw_skip(&sub, mh->fixed_len - 6, "mh.fixed")) {
		m->status = p->diag.status;
		return;
	}
	mh->opt_len = msg_len - mh->fixed_len;
	mwi_mh_walk_opts(d, msg, start, start + mh->fixed_len, start + msg_len);
}
