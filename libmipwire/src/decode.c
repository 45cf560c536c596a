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
	pkt->diag.status = MW_OK;
	pkt->diag.offset = 0;
	pkt->diag.field = NULL;
	pkt->diag.why[0] = '\0';
}

MWI_EXPORT mw_status mw_decode(struct mw_packet *pkt, int linktype,
			       const uint8_t *data, uint32_t caplen,
			       uint32_t wirelen,
			       const struct mw_decode_opts *opts)
{
	struct mwi_dec d = { pkt, opts ? opts : &default_opts, 0 };
	struct mw_cur c;

	reset(pkt, data, caplen, wirelen, linktype);
	mw_cur_init(&c, data, caplen, &pkt->diag);
	mwi_decode_link(&d, &c, linktype);
	return pkt->diag.status;
}

MWI_EXPORT mw_status mw_decode_from(struct mw_packet *pkt,
				    enum mw_layer_kind start,
				    const uint8_t *data, uint32_t caplen,
				    const struct mw_decode_opts *opts)
{
	struct mwi_dec d = { pkt, opts ? opts : &default_opts, 0 };
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

int mwi_add_layer(struct mwi_dec *d, enum mw_layer_kind kind, size_t off,
		  size_t len)
{
	struct mw_packet *p = d->pkt;
	struct mw_layer *l;

	if (p->n_layers >= MW_MAX_LAYERS) {
		mwi_note(d, MW_E_NOSPACE, off, "layers", "layer table full",
			 MW_MAX_LAYERS);
		return -1;
	}
	l = &p->layers[p->n_layers];
	memset(l, 0, sizeof(*l));
	l->kind = (uint8_t)kind;
	l->depth = d->depth;
	l->off = (uint32_t)off;
	l->len = (uint32_t)len;
	return p->n_layers++;
}

int mwi_add_msg(struct mwi_dec *d, enum mw_msg_kind kind, int layer,
		enum mw_reg_id reg, uint8_t code, size_t off, size_t len)
{
	struct mw_packet *p = d->pkt;
	struct mw_msg *m;

	if (p->n_msgs >= MW_MAX_MSGS) {
		mwi_note(d, MW_E_NOSPACE, off, "messages",
			 "message table full", MW_MAX_MSGS);
		return -1;
	}
	m = &p->msgs[p->n_msgs];
	memset(m, 0, sizeof(*m));
	m->kind = (uint8_t)kind;
	m->layer = layer < 0 ? 0xff : (uint8_t)layer;
	m->reg = (uint8_t)reg;
	m->code = code;
	m->off = (uint32_t)off;
	m->len = (uint32_t)len;
	m->elem_first = p->n_elems;
	return p->n_msgs++;
}

int mwi_add_elem(struct mwi_dec *d, int msg, enum mw_reg_id reg, uint8_t type,
		 size_t off, size_t len)
{
	struct mw_packet *p = d->pkt;
	struct mw_elem *e;

	if (p->n_elems >= MW_MAX_ELEMS) {
		mwi_note(d, MW_E_NOSPACE, off, "elements",
			 "element table full", MW_MAX_ELEMS);
		return -1;
	}
	e = &p->elems[p->n_elems];
	memset(e, 0, sizeof(*e));
	e->reg = (uint8_t)reg;
	e->type = type;
	e->msg = msg < 0 ? 0xff : (uint8_t)msg;
	e->off = (uint32_t)off;
	e->len = (uint32_t)len;
	if (msg >= 0 && msg < p->n_msgs)
		p->msgs[msg].elem_count++;
	return p->n_elems++;
}

void mwi_note(struct mwi_dec *d, mw_status st, size_t off, const char *field,
	      const char *why, uint32_t value)
{
	struct mw_packet *p = d->pkt;
	struct mw_note *n;

	if (p->n_notes >= MW_MAX_NOTES)
		return;
	n = &p->notes[p->n_notes++];
	n->status = (uint8_t)st;
	n->offset = (uint32_t)off;
	n->field = field;
	n->why = why;
	n->value = value;
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
