/* The decode entry points and the packet tables every module appends to. */
#include <string.h>

#include "internal.h"

static const struct mw_decode_opts default_opts = {
	.mip4_ports = { MW_MIP4_PORT, 0 },
	.pmip6_udp_port = MW_PMIP6_UDP_PORT,
};

static void reset(struct mw_packet *pkt, const uint8_t *data, uint32_t caplen,
		  uint32_t wirelen, int linktype)
{
	pkt->data = data;
	pkt->caplen = caplen;
	pkt->wirelen = wirelen;
	pkt->linktype = linktype;
	pkt->n_layers = pkt->n_msgs = pkt->n_notes = 0;
	pkt->n_elems = 0;
	pkt->kinds = 0;
	pkt->diag.status = MW_OK;
	pkt->diag.offset = 0;
	pkt->diag.field = NULL;
	pkt->diag.why[0] = '\0';
}

/* The general path, out of line: the fast path's callers need no frame
 * for its state. */
__attribute__((noinline)) mw_status
mwi_decode_general(struct mw_packet *pkt, const struct mw_decode_opts *o)
{
	struct mwi_dec d = { .pkt = pkt, .opts = o };
	struct mw_cur c;

	mw_cur_init(&c, pkt->data, pkt->caplen, &pkt->diag);
	mwi_decode_link(&d, &c, pkt->linktype);
	return pkt->diag.status;
}

MWI_EXPORT mw_status mw_decode(struct mw_packet *pkt, int linktype,
			       const uint8_t *data, uint32_t caplen,
			       uint32_t wirelen,
			       const struct mw_decode_opts *opts)
{
	const struct mw_decode_opts *o = opts ? opts : &default_opts;

	reset(pkt, data, caplen, wirelen, linktype);
	/* The plain frames end to end; the fast path hands anything else to
	 * the general path */
	if (__builtin_expect(o->no_fastpath, 0))
		return mwi_decode_general(pkt, o);
	return mwi_fastpath(pkt, linktype, o);
}

MWI_EXPORT mw_status mw_decode_from(struct mw_packet *pkt,
				    enum mw_layer_kind start,
				    const uint8_t *data, uint32_t caplen,
				    const struct mw_decode_opts *opts)
{
	struct mwi_dec d = { .pkt = pkt, .opts = opts ? opts : &default_opts };
	struct mw_cur c;

	reset(pkt, data, caplen, caplen, -1);
	mw_cur_init(&c, data, caplen, &pkt->diag);
	switch (start) {
	case MW_L_IP4:
	case MW_L_IP6:
		mwi_decode_ip(&d, &c);
		break;
	case MW_L_MIP4:
		mwi_decode_mip4_msg(&d, &c, -1);
		break;
	case MW_L_MH:
		mwi_decode_mh(&d, &c, -1);
		break;
	case MW_L_ICMP4:
		mwi_decode_ip_payload(&d, &c, 1, -1);
		break;
	case MW_L_ICMP6:
		mwi_decode_ip_payload(&d, &c, 58, -1);
		break;
	case MW_L_MINENC:
		mwi_decode_ip_payload(&d, &c, 55, -1);
		break;
	default:
		return MW_E_INVAL;
	}
	return pkt->diag.status;
}

int mwi_table_full(struct mwi_dec *d, int which, size_t off)
{
	static const char *const field[] = { "layers", "messages", "elements" };
	static const char *const why[] = { "layer table full",
					   "message table full",
					   "element table full" };
	static const uint32_t max[] = { MW_MAX_LAYERS, MW_MAX_MSGS, MW_MAX_ELEMS };

	mwi_note(d, MW_E_NOSPACE, off, field[which], why[which], max[which]);
	return -1;
}

MWI_EXPORT int mw_find_layer(const struct mw_packet *pkt,
			     enum mw_layer_kind kind, int before)
{
	int i = before >= pkt->n_layers ? pkt->n_layers - 1 : before;

	for (; i >= 0; i--)
		if (pkt->layers[i].kind == kind)
			return i;
	return -1;
}

MWI_EXPORT const struct mw_reg_entry *mw_msg_row(const struct mw_msg *m)
{
	return mw_reg_lookup((enum mw_reg_id)m->reg, m->code);
}

MWI_EXPORT const struct mw_reg_entry *mw_elem_row(const struct mw_elem *e)
{
	return mw_reg_lookup((enum mw_reg_id)e->reg, e->type);
}
