/* Agent discovery: ICMP router advertisement (9) / solicitation (10) with
 * Mobile IP extensions (RFC 5944 2.1, 2.2). The cursor starts at the ICMP
 * type byte; other ICMP types add nothing. */
#include "mip4_int.h"

/* Copies what the typed struct keeps of extensions 16, 19 and 24 (the
 * first of each that is well-formed). */
static void fill_adv(struct mwi_dec *d, int mi)
{
	struct mw_msg *msg = &d->pkt->msgs[mi];
	struct mw_mip4_adv *a = &msg->u.adv;
	const uint8_t *f = d->pkt->data;

	for (unsigned i = msg->elem_first; i < (unsigned)msg->elem_first + msg->elem_count; i++) {
		const struct mw_elem *e = &d->pkt->elems[i];

		if (e->status != MW_OK || e->depth != 0)
			continue;
		if (e->type == MW_MIP4A_MAA && !a->has_maa) {
			a->has_maa = true;
			a->seq = mw_load_be16(f + e->off + 2);
			a->reg_lifetime = mw_load_be16(f + e->off + 4);
			a->maa_flags = mw_load_be16(f + e->off + 6);
			a->n_coa = (uint8_t)((e->len - 8) / 4);
			a->coa_off = e->off + 8;
			if ((e->len - 8) % 4)
				mwi_note(d, MW_E_MALFORMED, e->off + 1, "mip4.adv_ext.maa.len",
					 "MAA length is not 6 + 4*N", e->len - 2);
		} else if (e->type == MW_MIP4A_PREFIX_LEN && !a->has_prefix_len) {
			a->has_prefix_len = true;
			a->n_prefix_len = (uint8_t)e->body_len;
			a->prefix_len_off = e->body_off;
		} else if (e->type == MW_MIP4A_CHALLENGE && !a->has_challenge) {
			a->has_challenge = true;
			a->challenge_len = (uint8_t)e->body_len;
			a->challenge_off = e->body_off;
		}
	}
}

void mwi_decode_mip4_icmp(struct mwi_dec *d, struct mw_cur *c, int icmp_layer)
{
	size_t start = c->pos;
	uint8_t type = mw_peek_u8(c, 0, "icmp.type");
	struct mw_mip4_adv *a;
	int mi;

	if (!mw_cur_ok(c) || (type != 9 && type != 10))
		return;
	mi = mwi_add_msg(d, type == 9 ? MW_MSG_MIP4_ADV : MW_MSG_MIP4_SOL,
			 icmp_layer, MW_REG_ICMP4_MIP, type, start, mw_cur_left(c));
	if (mi < 0)
		return;
	a = &d->pkt->msgs[mi].u.adv;
	a->icmp_type = mw_get_u8(c, "icmp.type");
	a->icmp_code = mw_get_u8(c, "icmp.code");
	mw_skip(c, 2, "icmp.checksum");
	if (type == 9) {
		size_t n;

		a->num_addrs = mw_get_u8(c, "icmp.num_addrs");
		a->addr_entry_size = mw_get_u8(c, "icmp.addr_entry_size");
		a->lifetime = mw_get_be16(c, "icmp.lifetime");
		a->addrs_off = (uint32_t)c->pos;
		if (a->num_addrs && a->addr_entry_size < 2)
			mwi_note(d, MW_E_MALFORMED, start + 5, "icmp.addr_entry_size",
				 "address entry size below 2 (RFC 1256)", a->addr_entry_size);
		n = (size_t)a->num_addrs * a->addr_entry_size * 4;
		mw_skip(c, n, "icmp.addrs");
	} else {
		mw_skip(c, 4, "icmp.reserved");
	}
	mwi_mip4_walk_exts(d, c, mi, MW_REG_MIP4_ADV_EXT);
	fill_adv(d, mi);
	d->pkt->msgs[mi].status = (uint8_t)c->diag->status;
}
