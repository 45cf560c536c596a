/* Decoding one Mobile IPv4 message (the UDP 434 payload): fixed part by
 * type, then its extensions, or the tunnelled packet of RFC 3519 tunnel
 * data. */
#include "mip4_int.h"

static void get_rrq(struct mw_cur *c, struct mw_mip4_rrq *r)
{
	if (__builtin_expect(mw_cur_has(c, 23), 1)) {
		/* the fixed part after the type is readable: one check */
		const uint8_t *b = c->base + c->pos;

		r->flags = b[0];
		r->lifetime = mw_load_be16(b + 1);
		r->hoa = mw_load_be32(b + 3);
		r->ha = mw_load_be32(b + 7);
		r->coa = mw_load_be32(b + 11);
		r->ident = mw_load_be64(b + 15);
		c->pos += 23;
		return;
	}
	r->flags = mw_get_u8(c, "mip4.msg.rrq.flags");
	r->lifetime = mw_get_be16(c, "mip4.msg.rrq.lifetime");
	r->hoa = mw_get_be32(c, "mip4.msg.rrq.hoa");
	r->ha = mw_get_be32(c, "mip4.msg.rrq.ha");
	r->coa = mw_get_be32(c, "mip4.msg.rrq.coa");
	r->ident = mw_get_be64(c, "mip4.msg.rrq.ident");
}

static void get_rrp(struct mw_cur *c, struct mw_mip4_rrp *r)
{
	if (__builtin_expect(mw_cur_has(c, 19), 1)) {
		const uint8_t *b = c->base + c->pos;

		r->code = b[0];
		r->lifetime = mw_load_be16(b + 1);
		r->hoa = mw_load_be32(b + 3);
		r->ha = mw_load_be32(b + 7);
		r->ident = mw_load_be64(b + 11);
		c->pos += 19;
		return;
	}
	r->code = mw_get_u8(c, "mip4.msg.rrp.code");
	r->lifetime = mw_get_be16(c, "mip4.msg.rrp.lifetime");
	r->hoa = mw_get_be32(c, "mip4.msg.rrp.hoa");
	r->ha = mw_get_be32(c, "mip4.msg.rrp.ha");
	r->ident = mw_get_be64(c, "mip4.msg.rrp.ident");
}

static void tunnel_payload(struct mwi_dec *d, struct mw_cur *c, uint8_t nh)
{
	struct mw_cur sub;

	if (d->opts->no_tunnels || mw_cur_left(c) == 0)
		return;
	if (d->depth + 1 >= MW_MAX_TUNNEL_DEPTH) {
		mwi_note(d, MW_E_UNSUPPORTED, c->pos, "mip4.msg.tunnel_data",
			 "tunnel nesting too deep", d->depth);
		return;
	}
	mw_cur_sub(c, mw_cur_left(c), &sub, "mip4.msg.tunnel_data");
	d->depth++;
	mwi_decode_ip_payload(d, &sub, nh, -1);
	d->depth--;
}

/* Registration request / reply whose fixed part is captured: the checks
 * of the general path below folded into one (no error is possible). */
static bool rrq_rrp_fast(struct mwi_dec *d, struct mw_cur *c, int udp_layer)
{
	size_t start = c->pos, left = c->end - start;
	const uint8_t *b = c->base + start;
	const struct mw_reg_entry *row;
	struct mw_mip4 *m;
	bool rrq;
	int mi, li;

	if (!mw_cur_has(c, 24))
		return false;
	rrq = b[0] == MW_MIP4_RRQ;
	if (!rrq && b[0] != MW_MIP4_RRP)
		return false;
	row = mwi_reg_row(&mwi_reg_mip4_msg, b[0]);
	if (!row || row->min_len > 24)
		return false;
	li = mwi_add_layer(d, MW_L_MIP4, start, left);
	mi = mwi_add_msg(d, MW_MSG_MIP4, udp_layer >= 0 ? udp_layer : li,
			 MW_REG_MIP4_MSG, b[0], start, left);
	if (mi < 0)
		return true;
	m = &d->pkt->msgs[mi].u.mip4;
	m->type = b[0];
	m->known = true;
	m->fixed_len = row->min_len;
	c->pos = start + 1;
	if (rrq)
		get_rrq(c, &m->u.rrq);
	else
		get_rrp(c, &m->u.rrp);
	mwi_mip4_walk_exts(d, c, mi, MW_REG_MIP4_EXT);
	d->pkt->msgs[mi].status = (uint8_t)c->diag->status;
	return true;
}

void mwi_decode_mip4_msg(struct mwi_dec *d, struct mw_cur *c, int udp_layer)
{
	size_t start = c->pos;
	uint8_t type;
	const struct mw_reg_entry *row;
	struct mw_mip4 *m;
	int mi, li;

	if (rrq_rrp_fast(d, c, udp_layer))
		return;
	type = mw_peek_u8(c, 0, "mip4.msg.type");
	if (!mw_cur_ok(c))
		return;
	row = mwi_reg_row(&mwi_reg_mip4_msg, type);
	li = mwi_add_layer(d, MW_L_MIP4, start, mw_cur_left(c));
	mi = mwi_add_msg(d, MW_MSG_MIP4, udp_layer >= 0 ? udp_layer : li,
			 MW_REG_MIP4_MSG, type, start, mw_cur_left(c));
	if (mi < 0)
		return;
	m = &d->pkt->msgs[mi].u.mip4;
	m->type = type;
	m->known = row != NULL;
	m->fixed_len = row ? row->min_len : 1;
	if (!row) {
		mwi_note(d, MW_E_UNKNOWN, start, "mip4.msg.type",
			 "unknown Mobile IP message type", type);
		mw_skip(c, mw_cur_left(c), "mip4.msg");
		goto out;
	}
	if (!mw_cur_need(c, row->min_len, "mip4.msg"))
		goto out;
	mw_skip(c, 1, "mip4.msg.type");
	switch (type) {
	case MW_MIP4_RRQ:
	case MW_MIP4_REG_RRQ:
	case MW_MIP4_FBU:
		get_rrq(c, &m->u.rrq);
		break;
	case MW_MIP4_RRP:
	case MW_MIP4_REG_RRP:
	case MW_MIP4_FBACK:
		get_rrp(c, &m->u.rrp);
		break;
	case MW_MIP4_TUNNEL_DATA:
		m->u.tun.next_header = mw_get_u8(c, "mip4.msg.tunnel_data.next_header");
		m->u.tun.reserved = mw_get_be16(c, "mip4.msg.tunnel_data.reserved");
		tunnel_payload(d, c, m->u.tun.next_header);
		goto out;
	case MW_MIP4_REVOCATION:
		mw_skip(c, 1, "mip4.msg.revocation.reserved");
		m->u.rev.flags = mw_get_be16(c, "mip4.msg.revocation.flags");
		m->u.rev.hoa = mw_get_be32(c, "mip4.msg.revocation.hoa");
		m->u.rev.hdaddr = mw_get_be32(c, "mip4.msg.revocation.hdaddr");
		m->u.rev.fdaddr = mw_get_be32(c, "mip4.msg.revocation.fdaddr");
		m->u.rev.rev_id = mw_get_be32(c, "mip4.msg.revocation.rev_id");
		break;
	case MW_MIP4_REVOCATION_ACK:
		mw_skip(c, 1, "mip4.msg.revocation_ack.reserved");
		m->u.rev.flags = mw_get_be16(c, "mip4.msg.revocation_ack.flags");
		m->u.rev.hoa = mw_get_be32(c, "mip4.msg.revocation_ack.hoa");
		m->u.rev.rev_id = mw_get_be32(c, "mip4.msg.revocation_ack.rev_id");
		break;
	case MW_MIP4_EXPERIMENTAL:
		/* RFC 4064 gives no format: the rest is opaque data. */
		mw_skip(c, mw_cur_left(c), "mip4.msg.experimental.data");
		goto out;
	default:
		/* decoded through the layout only */
		mw_skip(c, row->min_len - 1u, "mip4.msg");
		break;
	}
	mwi_mip4_walk_exts(d, c, mi, MW_REG_MIP4_EXT);
out:
	d->pkt->msgs[mi].status = (uint8_t)c->diag->status;
}
