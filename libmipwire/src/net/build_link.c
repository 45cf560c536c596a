/* Builders of link-layer headers. */
#include "net_int.h"

MWI_EXPORT void mw_put_eth(struct mw_wbuf *w, const struct mw_eth_spec *e,
			   uint16_t ethertype)
{
	unsigned n = e->n_vlan > 4 ? 4 : e->n_vlan;

	mw_put_bytes(w, e->dst, 6);
	mw_put_bytes(w, e->src, 6);
	for (unsigned i = 0; i < n; i++) {
		mw_put_be16(w, i == 0 && e->qinq ? MW_ETHERTYPE_QINQ
						 : MW_ETHERTYPE_VLAN);
		mw_put_be16(w, e->vlan_tci[i]);
	}
	mw_put_be16(w, ethertype);
}

MWI_EXPORT void mw_put_null(struct mw_wbuf *w, uint32_t family, bool big_endian)
{
	if (big_endian) {
		mw_put_be32(w, family);
		return;
	}
	for (int i = 0; i < 4; i++)
		mw_put_u8(w, (uint8_t)(family >> (8 * i)));
}

MWI_EXPORT void mw_put_sll(struct mw_wbuf *w, const struct mw_sll *s)
{
	mw_put_be16(w, s->pkttype);
	mw_put_be16(w, s->hatype);
	mw_put_be16(w, s->halen);
	mw_put_bytes(w, s->addr, 8);
	mw_put_be16(w, s->protocol);
}

MWI_EXPORT void mw_put_sll2(struct mw_wbuf *w, const struct mw_sll *s)
{
	mw_put_be16(w, s->protocol);
	mw_put_be16(w, 0);
	mw_put_be32(w, s->ifindex);
	mw_put_be16(w, s->hatype);
	mw_put_u8(w, (uint8_t)s->pkttype);
	mw_put_u8(w, (uint8_t)s->halen);
	mw_put_bytes(w, s->addr, 8);
}
