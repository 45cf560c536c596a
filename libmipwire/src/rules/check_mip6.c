/* Per-packet rules of Mobile IPv6 (RFC 6275 6, 9, 11), NEMO (RFC 3963)
 * and Proxy Mobile IPv6 (RFC 5213): the Mobility Header, its options, the
 * Home Address option, the type 2 routing header and the ICMPv6 messages. */
#include <string.h>

#include "../internal.h"
#include "rules_int.h"

enum { OPT_PAD1 = 0, OPT_PADN = 1, OPT_BRA = 2, OPT_ALTCOA = 3, OPT_NI = 4,
       OPT_BAD = 5, OPT_MNP = 6, OPT_MNID = 8, OPT_HNP = 22, OPT_HI = 23,
       OPT_ATT = 24 };

/* Extension headers of the IPv6 packet that carries layer `upto`: the
 * layers after the nearest IPv6 header at the same depth. */
struct chain {
	int ip6;          /* IPv6 layer index, -1 */
	int dst_hao;      /* destination options layer with a HAO, -1 */
	int rh2;          /* routing header type 2 layer, -1 */
};

static void chain_of(const struct mw_packet *p, int upto, struct chain *ch)
{
	ch->ip6 = mwi_find_layer(p, MW_L_IP6, upto);
	ch->dst_hao = ch->rh2 = -1;
	if (ch->ip6 < 0)
		return;
	uint8_t depth = p->layers[ch->ip6].depth;
	for (int i = ch->ip6 + 1; i < p->n_layers; i++) {
		const struct mw_layer *l = &p->layers[i];
		if (l->depth != depth)
			break;
		if (l->kind == MW_L_IP6_DST && l->u.ext.hao.present && ch->dst_hao < 0)
			ch->dst_hao = i;
		if (l->kind == MW_L_IP6_RH && l->u.ext.rh_type == MW_RH_TYPE2 && ch->rh2 < 0)
			ch->rh2 = i;
		if (l->kind == MW_L_IP4 || l->kind == MW_L_IP6)
			break;
	}
}

static int find_opt(const struct mw_packet *p, const struct mw_msg *m,
		    uint8_t type, int *count)
{
	int first = -1, n = 0;
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->depth || e->reg != MW_REG_MH_OPT || e->type != type)
			continue;
		if (first < 0)
			first = i;
		n++;
	}
	if (count)
		*count = n;
	return first;
}

/* The options of one message some rule looks for: one walk over them
 * (depth-0 Mobility Header options; `last`: any depth-0 element). */
struct opt_view {
	int last;                       /* -1: none */
	int altcoa, ni, bad, bra;       /* the first of the type, -1 */
	int n_ni, n_bad;
};

static void opt_view(const struct mw_packet *p, const struct mw_msg *m,
		     struct opt_view *v)
{
	*v = (struct opt_view){ .last = -1, .altcoa = -1, .ni = -1, .bad = -1,
				.bra = -1 };
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->depth)
			continue;
		v->last = i;
		if (e->reg != MW_REG_MH_OPT)
			continue;
		switch (e->type) {
		case OPT_ALTCOA:
			if (v->altcoa < 0)
				v->altcoa = i;
			break;
		case OPT_NI:
			if (v->ni < 0)
				v->ni = i;
			v->n_ni++;
			break;
		case OPT_BAD:
			if (v->bad < 0)
				v->bad = i;
			v->n_bad++;
			break;
		case OPT_BRA:
			if (v->bra < 0)
				v->bra = i;
			break;
		default:
			break;
		}
	}
}

static bool msg_complete(const struct mw_packet *p, const struct mw_msg *m)
{
	return m->status != MW_E_TRUNC && mwi_have(p, m->off, m->len);
}

static void check_options(struct mwi_chk *c, int mi, const struct mw_msg *m,
			  const struct opt_view *v)
{
	const struct mw_packet *p = c->pkt;
	uint8_t t = m->u.mh.type;
	int last = v->last;
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++) {
		const struct mw_elem *e = &p->elems[i];
		uint32_t rel = e->off - m->off;
		if (e->depth || e->reg != MW_REG_MH_OPT)
			continue;
		switch (e->type) {
		case OPT_BRA:
			MWI_CHECK(c, rel % 2 == 0, MWI_R_MIP6_OPT_ALIGN, mi, i, e->off,
				  e->len, "Binding Refresh Advice at offset %u, expected 2n", rel);
			MWI_CHECK(c, e->len == 4, MWI_R_MIP6_OPT_LEN, mi, i, e->off,
				  e->len, "Binding Refresh Advice Length %u, expected 2", e->len - 2);
			MWI_CHECK(c, t == MW_MH_BA, MWI_R_MIP6_OPT_CONTEXT, mi, i,
				  e->off, e->len, "Binding Refresh Advice in MH type %u", t);
			break;
		case OPT_ALTCOA:
			MWI_CHECK(c, rel % 8 == 6, MWI_R_MIP6_OPT_ALIGN, mi, i, e->off,
				  e->len, "Alternate Care-of Address at offset %u, expected 8n+6", rel);
			MWI_CHECK(c, e->len == 18, MWI_R_MIP6_OPT_LEN, mi, i, e->off,
				  e->len, "Alternate Care-of Address Length %u, expected 16", e->len - 2);
			MWI_CHECK(c, t == MW_MH_BU, MWI_R_MIP6_OPT_CONTEXT, mi, i,
				  e->off, e->len, "Alternate Care-of Address in MH type %u", t);
			break;
		case OPT_NI:
			MWI_CHECK(c, rel % 2 == 0, MWI_R_MIP6_OPT_ALIGN, mi, i, e->off,
				  e->len, "Nonce Indices at offset %u, expected 2n", rel);
			MWI_CHECK(c, e->len == 6, MWI_R_MIP6_OPT_LEN, mi, i, e->off,
				  e->len, "Nonce Indices Length %u, expected 4", e->len - 2);
			MWI_CHECK(c, t == MW_MH_BU, MWI_R_MIP6_OPT_CONTEXT, mi, i,
				  e->off, e->len, "Nonce Indices in MH type %u", t);
			break;
		case OPT_BAD:
			MWI_CHECK(c, e->len >= 3, MWI_R_MIP6_OPT_LEN, mi, i, e->off,
				  e->len, "Binding Authorization Data is empty");
			MWI_CHECK(c, t == MW_MH_BU || t == MW_MH_BA,
				  MWI_R_MIP6_OPT_CONTEXT, mi, i, e->off, e->len,
				  "Binding Authorization Data in MH type %u", t);
			if (msg_complete(p, m))
				MWI_CHECK(c, i == last && e->off + e->len == m->off + m->u.mh.msg_len,
					  MWI_R_MIP6_OPT_BAD_LAST, mi, i, e->off, e->len,
					  "Binding Authorization Data is %s",
					  i == last ? "followed by trailing padding" : "not the last option");
			break;
		case OPT_MNP:
			MWI_CHECK(c, t == MW_MH_BU, MWI_R_MIP6_OPT_CONTEXT, mi, i,
				  e->off, e->len, "Mobile Network Prefix in MH type %u", t);
			MWI_CHECK(c, e->len == 20, MWI_R_NEMO_MNP_LEN, mi, i, e->off,
				  e->len, "Length %u, expected 18", e->len - 2);
			MWI_CHECK(c, rel % 8 == 4, MWI_R_NEMO_MNP_ALIGN, mi, i, e->off,
				  e->len, "at offset %u, expected 8n+4", rel);
			if (mwi_have(p, e->off + 2, 2)) {
				uint8_t res = p->data[e->off + 2], pl = p->data[e->off + 3];
				MWI_CHECK(c, res == 0, MWI_R_NEMO_MNP_RESERVED, mi, i,
					  e->off + 2, 1, "Reserved %u", res);
				MWI_CHECK(c, pl >= 1 && pl <= 128, MWI_R_NEMO_MNP_PREFIXLEN,
					  mi, i, e->off + 3, 1, "Prefix Length %u", pl);
			}
			break;
		case OPT_PADN:
			if (mwi_have(p, e->off, e->len)) {
				bool zero = true;
				for (uint32_t k = 2; k < e->len; k++)
					zero &= p->data[e->off + k] == 0;
				MWI_CHECK(c, zero, MWI_R_MIP6_OPT_PADN_ZERO, mi, i,
					  e->off, e->len, "PadN data is not zero");
			}
			break;
		default:
			break;
		}
	}
}

static void check_bu(struct mwi_chk *c, int mi, const struct mw_msg *m,
		     const struct chain *ch, const struct opt_view *v)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mh_bu *bu = &m->u.mh.u.bu;
	uint16_t f = bu->flags;
	bool home = f & MW_BU_H, proxy = f & MW_BU_P;
	bool complete = msg_complete(p, m);
	int nni = v->n_ni, nbad = v->n_bad;
	int altcoa = v->altcoa, ni = v->ni;
	uint32_t fo = m->off + 8;

	if (f & MW_BU_K)
		MWI_CHECK(c, home, MWI_R_MIP6_BU_K_HOME, mi, -1, fo, 2,
			  "K set in a Binding Update without H");
	if (f & MW_BU_R)
		MWI_CHECK(c, home, MWI_R_NEMO_BU_R_H, mi, -1, fo, 2,
			  "Mobile Router flag set without H");

	/* care-of address: Alternate CoA option, else the IPv6 source (unless
	 * the capture cut the options: one may be missing) */
	const struct mw_in6 *coa = NULL;
	uint32_t coa_off = 0;
	if (altcoa >= 0 && p->elems[altcoa].len == 18 &&
	    mwi_have(p, p->elems[altcoa].off + 2, 16)) {
		coa = (const struct mw_in6 *)(p->data + p->elems[altcoa].off + 2);
		coa_off = p->elems[altcoa].off + 2;
	} else if (ch->ip6 >= 0 && altcoa < 0 && m->status != MW_E_TRUNC) {
		coa = &p->layers[ch->ip6].u.ip6.src;
		coa_off = p->layers[ch->ip6].off + 8;
	}
	if (coa)
		MWI_CHECK(c, mwi_in6_unicast_routable(coa), MWI_R_MIP6_BU_COA_UNICAST,
			  mi, altcoa, coa_off, 16,
			  "care-of address is not unicast routable");

	if (home) {
		if (complete)
			MWI_CHECK(c, nni == 0, MWI_R_MIP6_BU_HOME_NO_NONCE, mi, ni,
				  ni >= 0 ? p->elems[ni].off : m->off, ni >= 0 ? p->elems[ni].len : m->len,
				  "home registration carries a Nonce Indices option");
		if (!proxy && bu->lifetime != 0) {
			MWI_CHECK(c, f & MW_BU_A, MWI_R_MIP6_BU_HOME_A, mi, -1, fo, 2,
				  "home registration with A clear");
			MWI_CHECK(c, ch->dst_hao >= 0, MWI_R_MIP6_BU_HOME_HAO, mi, -1,
				  m->off, m->len,
				  "home registration without a Home Address option");
			if (complete)
				MWI_CHECK(c, altcoa >= 0, MWI_R_MIP6_BU_HOME_ALTCOA, mi, -1,
					  m->off, m->len,
					  "home registration without an Alternate Care-of Address option");
		}
	} else if (!proxy && complete) {
		MWI_CHECK(c, nni > 0, MWI_R_MIP6_BU_CN_NONCE, mi, -1, m->off, m->len,
			  "correspondent Binding Update without a Nonce Indices option");
		MWI_CHECK(c, nbad > 0, MWI_R_MIP6_BU_CN_BAD, mi, -1, m->off, m->len,
			  "correspondent Binding Update without a Binding Authorization Data option");
	}

	if (proxy) {
		MWI_CHECK(c, f & MW_BU_A, MWI_R_PMIP6_PBU_A, mi, -1, fo, 2,
			  "Proxy Binding Update with A clear");
		MWI_CHECK(c, ch->dst_hao < 0, MWI_R_PMIP6_PBU_NO_HAO, mi, -1,
			  m->off, m->len, "Proxy Binding Update carries a Home Address option");
		if (complete) {
			int hi = find_opt(p, m, OPT_HI, NULL);
			MWI_CHECK(c, find_opt(p, m, OPT_MNID, NULL) >= 0,
				  MWI_R_PMIP6_PBU_MNID, mi, -1, m->off, m->len,
				  "no Mobile Node Identifier option");
			MWI_CHECK(c, find_opt(p, m, OPT_HNP, NULL) >= 0,
				  MWI_R_PMIP6_PBU_HNP, mi, -1, m->off, m->len,
				  "no Home Network Prefix option");
			MWI_CHECK(c, hi >= 0, MWI_R_PMIP6_PBU_HI, mi, -1, m->off,
				  m->len, "no Handoff Indicator option");
			MWI_CHECK(c, find_opt(p, m, OPT_ATT, NULL) >= 0,
				  MWI_R_PMIP6_PBU_ATT, mi, -1, m->off, m->len,
				  "no Access Technology Type option");
			if (bu->lifetime == 0 && hi >= 0 &&
			    mwi_have(p, p->elems[hi].off + 3, 1))
				MWI_CHECK(c, p->data[p->elems[hi].off + 3] == 4,
					  MWI_R_PMIP6_PBU_DEREG_HI, mi, hi,
					  p->elems[hi].off + 3, 1,
					  "deregistration with Handoff Indicator %u, expected 4",
					  p->data[p->elems[hi].off + 3]);
		}
	}
}

static void check_ba(struct mwi_chk *c, int mi, const struct mw_msg *m,
		     const struct opt_view *v)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mh_ba *ba = &m->u.mh.u.ba;
	int bad = v->bad, bra = v->bra;

	if (bad >= 0)
		MWI_CHECK(c, !(ba->flags & MW_BA_K), MWI_R_MIP6_BA_K_CN, mi, -1,
			  m->off + 7, 1, "correspondent BA with K set");
	if (bra >= 0 && p->elems[bra].len == 4 &&
	    mwi_have(p, p->elems[bra].off + 2, 2)) {
		uint16_t ri = mw_load_be16(p->data + p->elems[bra].off + 2);
		MWI_CHECK(c, ri < ba->lifetime, MWI_R_MIP6_BA_BRA_INTERVAL, mi, bra,
			  p->elems[bra].off, 4,
			  "Refresh Interval %u not smaller than Lifetime %u", ri,
			  ba->lifetime);
	}
	MWI_CHECK(c, mwi_reg_lookup(MW_REG_BA_STATUS, ba->status) != NULL,
		  MWI_R_MIP6_BA_STATUS_KNOWN, mi, -1, m->off + 6, 1,
		  "unassigned status %u", ba->status);
	if (ba->status >= 136 && ba->status <= 138 && msg_complete(p, m))
		MWI_CHECK(c, bad < 0, MWI_R_MIP6_BA_BAD_NONCE, mi, bad,
			  bad >= 0 ? p->elems[bad].off : m->off,
			  bad >= 0 ? p->elems[bad].len : m->len,
			  "status %u with a Binding Authorization Data option",
			  ba->status);
}

static void check_reserved(struct mwi_chk *c, int mi, const struct mw_msg *m)
{
	const struct mw_packet *p = c->pkt;
	uint32_t o = m->off;
	switch (m->u.mh.type) {
	case MW_MH_BRR:
	case MW_MH_HOTI:
	case MW_MH_COTI:
		if (mwi_have(p, o + 6, 2))
			MWI_CHECK(c, mw_load_be16(p->data + o + 6) == 0,
				  MWI_R_MIP6_MSG_RESERVED, mi, -1, o + 6, 2,
				  "Reserved 0x%04x", mw_load_be16(p->data + o + 6));
		break;
	case MW_MH_BU:
		MWI_CHECK(c, (m->u.mh.u.bu.flags & 0x003f) == 0,
			  MWI_R_MIP6_MSG_RESERVED, mi, -1, o + 8, 2,
			  "flags 0x%04x: reserved bits set", m->u.mh.u.bu.flags);
		break;
	case MW_MH_BA:
		MWI_CHECK(c, (m->u.mh.u.ba.flags & 0x07) == 0,
			  MWI_R_MIP6_MSG_RESERVED, mi, -1, o + 7, 1,
			  "flags 0x%02x: reserved bits set", m->u.mh.u.ba.flags);
		break;
	case MW_MH_BE:
		if (mwi_have(p, o + 7, 1))
			MWI_CHECK(c, p->data[o + 7] == 0, MWI_R_MIP6_MSG_RESERVED, mi,
				  -1, o + 7, 1, "Reserved %u", p->data[o + 7]);
		break;
	default:
		break;
	}
}

static void check_mh_rules(struct mwi_chk *c, int mi)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_mh *mh = &m->u.mh;
	struct chain ch;
	struct opt_view ov;

	chain_of(p, m->layer, &ch);
	MWI_CHECK(c, mh->payload_proto == MW_IPPROTO_NONE,
		  MWI_R_MIP6_MH_PAYLOAD_PROTO, mi, -1, m->off, 1,
		  "Payload Proto %u, expected 59", mh->payload_proto);
	const struct mw_reg_entry *row = mwi_reg_lookup((enum mw_reg_id)m->reg,
							m->code);
	if (row)
		MWI_CHECK(c, mh->msg_len >= row->min_len, MWI_R_MIP6_MH_HDRLEN, mi,
			  -1, m->off + 1, 1,
			  "Header Len %u (%u bytes) below the %u bytes of MH type %u",
			  mh->hdr_len, mh->msg_len, row->min_len, mh->type);
	if (mh->csum_ok >= 0)
		MWI_CHECK(c, mh->csum_ok == 1, MWI_R_MIP6_MH_CHECKSUM, mi, -1,
			  m->off + 4, 2, "checksum 0x%04x is wrong", mh->csum);
	MWI_CHECK(c, mh->known, MWI_R_MIP6_MH_TYPE_KNOWN, mi, -1, m->off + 2, 1,
		  "unknown MH Type %u", mh->type);
	MWI_CHECK(c, mh->reserved == 0, MWI_R_MIP6_MH_RESERVED, mi, -1,
		  m->off + 3, 1, "Reserved %u", mh->reserved);
	if (mh->type != MW_MH_BA)
		MWI_CHECK(c, ch.rh2 < 0, MWI_R_MIP6_MH_NO_RH2, mi, -1, m->off,
			  m->len, "MH type %u sent with a type 2 routing header",
			  mh->type);
	if (mh->type != MW_MH_BU)
		MWI_CHECK(c, ch.dst_hao < 0, MWI_R_MIP6_MH_NO_HAO, mi, -1, m->off,
			  m->len, "MH type %u sent with a Home Address option",
			  mh->type);
	if (!mh->known)
		return;
	opt_view(p, m, &ov);
	check_reserved(c, mi, m);
	check_options(c, mi, m, &ov);
	switch (mh->type) {
	case MW_MH_BU: check_bu(c, mi, m, &ch, &ov); break;
	case MW_MH_BA: check_ba(c, mi, m, &ov); break;
	case MW_MH_BE:
		MWI_CHECK(c, mwi_reg_lookup(MW_REG_BE_STATUS, mh->u.be.status) != NULL,
			  MWI_R_MIP6_BE_STATUS_KNOWN, mi, -1, m->off + 6, 1,
			  "unassigned status %u", mh->u.be.status);
		if (ch.ip6 >= 0) {
			const struct mw_in6 *d = &p->layers[ch.ip6].u.ip6.dst;
			static const uint8_t zero[16];
			MWI_CHECK(c, d->b[0] != 0xff && memcmp(d->b, zero, 16) != 0,
				  MWI_R_MIP6_BE_DST_UNICAST, mi, -1,
				  p->layers[ch.ip6].off + 24, 16,
				  "Binding Error sent to a non-unicast address");
		}
		break;
	default:
		break;
	}
}

/* ---- MH outcomes ----
 * check_mh_rules() reads, of a Mobility Header whose options are at most
 * MH_OPTS depth-0 options of the types in opt_code[] (no option whose
 * data a rule reads but PadN's), only the facts of mh_key(). The passes
 * of a clean trial are kept under that key; a message with the same key
 * takes them in one lookup, before any trial (mh_taken()), from an outcome
 * table of rules_int.h private to this file (key: facts, opts). */

#define MH_OPTS 4
#define MH_SLOTS 1024

/* The option types a rule looks at without reading their data (PadN's is
 * a fact of the key): their digit in mh_key.opts; 0 for any other. */
static const uint8_t opt_code[256] = {
	[OPT_PAD1] = 1, [OPT_PADN] = 2, [OPT_ALTCOA] = 3, [OPT_NI] = 4,
	[OPT_BAD] = 5, [OPT_BRA] = 6,
};

struct mh_key {
	uint64_t opts;   /* one 16-bit digit per option, the first the most
			  * significant: code, offset in the message mod 8,
			  * PadN data captured and zero, Length */
	uint64_t facts;  /* bit 0 set: a key; 0: none */
};

/* key (facts, opts); first_off from the message's start */
static struct mwi_outcome mh_memo[MH_SLOTS];

/* The options of m in brief (and the first Alternate CoA and BRA): false
 * if they are not all of opt_code[]'s types, depth 0, MH_OPTS at most. */
static bool mh_opts_key(const struct mw_packet *p, const struct mw_msg *m,
			uint64_t *opts, int *altcoa, int *bra)
{
	unsigned n = m->elem_count;
	uint64_t x = 0;
	*altcoa = *bra = -1;
	if (n > MH_OPTS)
		return false;
	for (unsigned j = 0; j < n; j++) {
		int i = m->elem_first + (int)j;
		const struct mw_elem *e = &p->elems[i];
		unsigned code = opt_code[e->type], pad = 0;
		if (!code || e->depth || e->reg != MW_REG_MH_OPT || e->len > 255)
			return false;
		if (e->type == OPT_PADN && mwi_have(p, e->off, e->len)) {
			bool zero = true;
			for (uint32_t k = 2; k < e->len; k++)
				zero &= p->data[e->off + k] == 0;
			pad = 1u | (unsigned)zero << 1;
		}
		if (e->type == OPT_ALTCOA && *altcoa < 0)
			*altcoa = i;
		if (e->type == OPT_BRA && *bra < 0)
			*bra = i;
		x = x << 16 | code | ((e->off - m->off) % 8) << 3 | pad << 6 |
		    e->len << 8;
	}
	*opts = x;
	return true;
}

/* What check_bu() reads beyond the options: 19 bits. */
static uint64_t bu_facts(const struct mw_packet *p, const struct mw_msg *m,
			 const struct chain *ch, int altcoa)
{
	const struct mw_mh_bu *bu = &m->u.mh.u.bu;
	const struct mw_in6 *coa = NULL;   /* as check_bu() chooses it */
	if (altcoa >= 0 && p->elems[altcoa].len == 18 &&
	    mwi_have(p, p->elems[altcoa].off + 2, 16))
		coa = (const struct mw_in6 *)(p->data + p->elems[altcoa].off + 2);
	else if (ch->ip6 >= 0)
		coa = &p->layers[ch->ip6].u.ip6.src;
	unsigned coa_state = !coa ? 0 : mwi_in6_unicast_routable(coa) ? 1 : 2;
	return bu->flags | (uint64_t)(bu->lifetime == 0) << 16 |
	       (uint64_t)coa_state << 17;
}

/* What check_ba() reads beyond the options: 18 bits. */
static uint64_t ba_facts(const struct mw_packet *p, const struct mw_msg *m,
			 int bra)
{
	const struct mw_mh_ba *ba = &m->u.mh.u.ba;
	uint64_t f = ba->flags | (uint64_t)ba->status << 8;
	if (bra >= 0 && p->elems[bra].len == 4 &&
	    mwi_have(p, p->elems[bra].off + 2, 2))
		f |= 1u << 16 |
		     (uint64_t)(mw_load_be16(p->data + p->elems[bra].off + 2) <
				ba->lifetime) << 17;
	return f;
}

/* What check_reserved() and the Binding Error checks read: 12 bits. */
static uint64_t other_facts(const struct mw_packet *p, const struct mw_msg *m,
			    const struct chain *ch)
{
	uint32_t o = m->off;
	switch (m->u.mh.type) {
	case MW_MH_BRR:
	case MW_MH_HOTI:
	case MW_MH_COTI:
		if (!mwi_have(p, o + 6, 2))
			return 0;
		return 1u | (uint64_t)(mw_load_be16(p->data + o + 6) == 0) << 1;
	case MW_MH_BE: {
		static const uint8_t zero[16];
		uint64_t f = (uint64_t)m->u.mh.u.be.status << 4;
		if (mwi_have(p, o + 7, 1))
			f |= 1u | (uint64_t)(p->data[o + 7] == 0) << 1;
		if (ch->ip6 >= 0) {
			const struct mw_in6 *d = &p->layers[ch->ip6].u.ip6.dst;
			f |= 1u << 2 | (uint64_t)(d->b[0] != 0xff &&
						  memcmp(d->b, zero, 16) != 0) << 3;
		}
		return f;
	}
	default:
		return 0;
	}
}

/* The key of m's outcome, given chain_of(p, m->layer): everything
 * check_mh_rules() reads. facts 0: none (options it does not describe,
 * another registry). */
static struct mh_key mh_key_in(const struct mw_packet *p,
			       const struct mw_msg *m, const struct chain *chp)
{
	struct mh_key k = { 0, 0 };
	const struct mw_mh *mh = &m->u.mh;
	const struct chain ch = *chp;
	int altcoa, bra, last = m->elem_first + m->elem_count - 1;
	if (m->reg != MW_REG_MH_TYPE || m->code != mh->type ||
	    !mh_opts_key(p, m, &k.opts, &altcoa, &bra))
		return k;
	const struct mw_reg_entry *row = mwi_reg_lookup(MW_REG_MH_TYPE, m->code);
	uint64_t f = 1u | (uint64_t)mh->type << 1 |
		     (uint64_t)(mh->payload_proto == MW_IPPROTO_NONE) << 9 |
		     (uint64_t)(row != NULL) << 10 |
		     (uint64_t)(row && mh->msg_len >= row->min_len) << 11 |
		     (uint64_t)((mh->csum_ok + 1) & 3) << 12 |
		     (uint64_t)mh->known << 14 |
		     (uint64_t)(mh->reserved == 0) << 15 |
		     (uint64_t)(ch.rh2 >= 0) << 16 |
		     (uint64_t)(ch.dst_hao >= 0) << 17 |
		     (uint64_t)msg_complete(p, m) << 18 |
		     (uint64_t)(m->elem_count &&
				p->elems[last].off + p->elems[last].len ==
					m->off + mh->msg_len) << 19;
	uint64_t t = mh->type == MW_MH_BU ? bu_facts(p, m, &ch, altcoa)
		   : mh->type == MW_MH_BA ? ba_facts(p, m, bra)
					  : other_facts(p, m, &ch);
	k.facts = f | t << 20;
	return k;
}

static struct mh_key mh_key(const struct mw_packet *p, const struct mw_msg *m)
{
	struct chain ch;
	chain_of(p, m->layer, &ch);
	return mh_key_in(p, m, &ch);
}

static unsigned mh_slot(const struct mh_key *k)
{
	uint64_t h = (k->facts ^ k->opts * 0xff51afd7ed558ccdull) *
		     0x9e3779b97f4a7c15ull;
	return (unsigned)(h >> 54); /* < MH_SLOTS */
}

/* m's outcome from the table, its passes joining m's fresh group at once,
 * as a clean trial's would (mwi_trial_commit()): true if it was there.
 * Only into a fresh group, with `passes` (the conditions of a commit). */
static bool mh_taken(struct mwi_run *run, int mi)
{
	const struct mw_msg *m = &run->pkt->msgs[mi];
	if (!run->passes || run->g_any)
		return false;
	struct mh_key key = mh_key(run->pkt, m);
	if (!key.facts || !mwi_outcome_take(mh_memo, MH_SLOTS, mh_slot(&key),
					    key.facts, key.opts, run, m->off))
		return false;
	MWI_OUTCOME_HIT(MWI_OC_MH);
	return true;
}

/* Keep the outcome of a clean trial of message mi. */
static void mh_keep(const struct mwi_chk *c, int mi)
{
	const struct mw_msg *m = &c->pkt->msgs[mi];
	struct mh_key key = mh_key(c->pkt, m);
	if (key.facts)
		mwi_outcome_keep(mh_memo, MH_SLOTS, mh_slot(&key), key.facts,
				 key.opts, c->bits, c->off - m->off);
}

static void check_mh(struct mwi_chk *c, int mi)
{
	check_mh_rules(c, mi);
	if (c->trial && !c->spoilt && c->any)
		mh_keep(c, mi);
}

static void mh_rules(struct mwi_run *run, int msg) __attribute__((noinline));
MWI_MESSAGE_CHECKER(static, mh_rules, check_mh)

void mwi_check_mh(struct mwi_run *run, int mi)
{
	if (!mh_taken(run, mi))
		mh_rules(run, mi);
}

/* ---- Home Address option and type 2 routing header (any packet) ---- */

/* Home Address options of a Destination Options header; *bad_len gets the
 * offset of the first one whose Option Length is not 16 (0 if none). */
static int count_hao(const struct mw_packet *p, const struct mw_layer *l,
		     uint32_t *bad_len)
{
	uint32_t o = l->u.ext.opt_off, end = o + l->u.ext.opt_len;
	int n = 0;
	*bad_len = 0;
	while (o < end && mwi_have(p, o, 1)) {
		uint8_t t = p->data[o];
		if (t == 0) { /* Pad1 */
			o++;
			continue;
		}
		if (!mwi_have(p, o + 1, 1))
			break;
		if (t == 201 && p->data[o + 1] != 16 && !*bad_len)
			*bad_len = o;
		n += t == 201;
		o += 2u + p->data[o + 1];
	}
	return n;
}

/* A Destination Options header: its Home Address option(s). The
 * decoder drops a HAO whose length is not 16 (hao.present stays false),
 * so the length is checked on the option bytes. */
static void check_dst_opts(struct mwi_chk *c, int i)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_layer *l = &p->layers[i];
	uint32_t bad_len;
	int n = count_hao(p, l, &bad_len);
	if (n > 0)
		MWI_CHECK(c, bad_len == 0, MWI_R_MIP6_HAO_LEN, -1, -1,
			  bad_len ? bad_len : l->off, 2, "Option Length %u",
			  bad_len ? p->data[bad_len + 1] : 16);
	if (!l->u.ext.hao.present)
		return;
	const struct mw_hao *h = &l->u.ext.hao;
	int ip6 = mwi_find_layer(p, MW_L_IP6, i);
	if (ip6 >= 0)
		MWI_CHECK(c, (h->off - l->off) % 8 == 6, MWI_R_MIP6_HAO_ALIGN,
			  -1, -1, h->off, 18, "at offset %u, expected 8n+6",
			  h->off - l->off);
	MWI_CHECK(c, mwi_in6_unicast_routable(&h->hoa),
		  MWI_R_MIP6_HAO_UNICAST, -1, -1, h->off + 2, 16,
		  "home address is not unicast routable");
	if (mwi_have(p, l->u.ext.opt_off, l->u.ext.opt_len))
		MWI_CHECK(c, n <= 1, MWI_R_MIP6_HAO_ONCE, -1, -1, l->off,
			  l->len, "%d Home Address options in one header", n);
	/* placement: no RH after it, no Fragment/AH/ESP before it */
	bool bad = false;
	for (int k = ip6 + 1; ip6 >= 0 && k < p->n_layers; k++) {
		const struct mw_layer *x = &p->layers[k];
		if (x->depth != l->depth || x->kind == MW_L_IP4 ||
		    x->kind == MW_L_IP6)
			break;
		if (k < i && (x->kind == MW_L_IP6_FRAG ||
			      x->kind == MW_L_AH || x->kind == MW_L_ESP))
			bad = true;
		if (k > i && x->kind == MW_L_IP6_RH)
			bad = true;
	}
	MWI_CHECK(c, !bad, MWI_R_MIP6_HAO_PLACEMENT, -1, -1, l->off,
		  l->len, "Home Address option %s",
		  "before a routing header or after Fragment/AH/ESP");
}

static void check_rh2(struct mwi_chk *c, const struct mw_layer *l)
{
	const struct mw_packet *p = c->pkt;
	bool res0 = mwi_have(p, l->off + 4, 4) &&
		    mw_load_be32(p->data + l->off + 4) == 0;
	MWI_CHECK(c, l->u.ext.hdr_len == 2 && l->u.ext.segleft == 1 &&
		  res0, MWI_R_MIP6_RH2_FORMAT, -1, -1, l->off, l->len,
		  "Hdr Ext Len %u, Segments Left %u%s", l->u.ext.hdr_len,
		  l->u.ext.segleft, res0 ? "" : ", Reserved nonzero");
	if (l->u.ext.hdr_len == 2)
		MWI_CHECK(c, mwi_in6_unicast_routable(&l->u.ext.rh2_addr),
			  MWI_R_MIP6_RH2_UNICAST, -1, -1, l->off + 8, 16,
			  "home address is not unicast routable");
}

static void check_nd(struct mwi_chk *c, int i)
{
	const struct mw_layer *l = &c->pkt->layers[i];
	struct chain ch;
	chain_of(c->pkt, i, &ch);
	MWI_CHECK(c, ch.rh2 < 0, MWI_R_MIP6_RH2_NOT_ND, -1, -1, l->off,
		  l->len, "Neighbor Discovery type %u with a type 2 routing header",
		  l->u.icmp.type);
}

/* Whether header l has checks. */
static bool ip6_header_checked(const struct mw_layer *l)
{
	switch (l->kind) {
	case MW_L_IP6_DST: return true;
	case MW_L_IP6_RH: return l->u.ext.rh_type == MW_RH_TYPE2;
	case MW_L_ICMP6: return l->u.icmp.type >= 133 && l->u.icmp.type <= 137;
	default: return false;
	}
}

/* The checks of IPv6 header i. */
static void ip6_header(struct mwi_chk *c, int i)
{
	const struct mw_layer *l = &c->pkt->layers[i];
	switch (l->kind) {
	case MW_L_IP6_DST: check_dst_opts(c, i); break;
	case MW_L_IP6_RH: check_rh2(c, l); break;
	default: check_nd(c, i); break;
	}
}

/* Not bound to a message, these findings have no trial (a layer's
 * group is known at its first finding). */
__attribute__((flatten)) void mwi_check_ip6_headers(struct mwi_run *run)
{
	const struct mw_packet *p = run->pkt;
	struct mwi_chk c = mwi_chk_for(run, false, -1);
	for (int i = 0; i < p->n_layers; i++)
		if (ip6_header_checked(&p->layers[i]))
			ip6_header(&c, i);
}

/* ---- IPv6 header outcomes and plain Mobility Header packets ----
 * A packet of a plain form (layers: link layers, IPv6, at most one
 * Destination Options or routing header, the Mobility Header, all of
 * one depth; the MH its only message) has at most one checked header,
 * whose findings are all about that header. When they are all passes,
 * each once, located in the header (below the MH's offset), they are
 * one pass set, kept under the facts check_dst_opts() or check_rh2()
 * reads (hdr_key()) in an outcome table of rules_int.h. Such a packet
 * whose header and MH outcomes are both kept gets its two pass sets
 * straight from the tables (mwi_mh_packet_taken()). */

#define HDR_SLOTS 256

/* key facts (b 0); first_off from the header's start */
static struct mwi_outcome hdr_memo[HDR_SLOTS];

/* Whether p is of the plain form for its message m; *x gets the index
 * of its extension header, -1 if none. */
static inline bool plain_mh(const struct mw_packet *p,
			    const struct mw_msg *m, int *x)
{
	const struct mw_layer *L = p->layers;
	int ip = m->layer, n = p->n_layers;
	if (n != ip + 2 && n != ip + 3)
		return false;
	if (L[ip].kind != MW_L_IP6 || L[n - 1].kind != MW_L_MH ||
	    L[n - 1].depth != L[ip].depth)
		return false;
	*x = -1;
	if (n == ip + 3) {
		if ((L[ip + 1].kind != MW_L_IP6_DST &&
		     L[ip + 1].kind != MW_L_IP6_RH) ||
		    L[ip + 1].depth != L[ip].depth)
			return false;
		*x = ip + 1;
	}
	for (int j = 0; j < ip; j++)
		if (L[j].kind != MW_L_ETH && L[j].kind != MW_L_VLAN)
			return false;
	return true;
}

/* The key of the outcome of header x (checked, of a plain packet) whose
 * findings all locate below `end`: everything check_dst_opts() or
 * check_rh2() reads (the placement and the IPv6 header before it are
 * those of the plain form); 0 if none (findings that may locate
 * elsewhere). */
static uint64_t hdr_key(const struct mw_packet *p, int x, uint32_t end)
{
	const struct mw_layer *l = &p->layers[x];
	if (l->off >= end)
		return 0;
	if (l->kind == MW_L_IP6_RH) {   /* bit 1: a routing header */
		if (l->off + 8 >= end)
			return 0;
		bool res0 = mwi_have(p, l->off + 4, 4) &&
			    mw_load_be32(p->data + l->off + 4) == 0;
		return 1u | 1u << 1 | (uint64_t)res0 << 2 |
		       (uint64_t)(l->u.ext.hdr_len == 2) << 3 |
		       (uint64_t)(l->u.ext.segleft == 1) << 4 |
		       (uint64_t)mwi_in6_unicast_routable(&l->u.ext.rh2_addr) << 5;
	}
	uint32_t bad_len;
	int n = count_hao(p, l, &bad_len);
	const struct mw_hao *h = &l->u.ext.hao;
	uint64_t k = 1u | (uint64_t)(n > 0) << 2 | (uint64_t)(n <= 1) << 3 |
		     (uint64_t)(bad_len == 0) << 4 |
		     (uint64_t)mwi_have(p, l->u.ext.opt_off, l->u.ext.opt_len) << 5 |
		     (uint64_t)h->present << 6;
	if (!h->present)
		return k;
	if (h->off < l->off || h->off - l->off > 255 || h->off + 2 >= end)
		return 0;
	return k | (uint64_t)(h->off - l->off) << 8 |
	       (uint64_t)mwi_in6_unicast_routable(&h->hoa) << 16;
}

static unsigned hdr_slot(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 56); /* < HDR_SLOTS */
}

/* The outcome key of plain packet p's checked extension header x: 0 if
 * none. The header is checked in run() only when the packet's layer
 * kinds say it is there. */
static uint64_t plain_hdr_key(const struct mw_packet *p, int x)
{
	if (!(mw_packet_kinds(p) & 1u << p->layers[x].kind))
		return 0;
	return hdr_key(p, x, p->layers[p->n_layers - 1].off);
}

void mwi_ip6_headers_keep(const struct mwi_run *run)
{
	const struct mw_packet *p = run->pkt;
	int x;
	/* clean: one group of the headers' passes, nothing delivered yet */
	if (run->n_out || !run->g_open || run->g_msg >= 0 || !run->g_any ||
	    p->n_msgs != 1 || p->msgs[0].kind != MW_MSG_MH ||
	    !plain_mh(p, &p->msgs[0], &x) || x < 0 ||
	    !ip6_header_checked(&p->layers[x]))
		return;
	uint64_t k = plain_hdr_key(p, x);
	if (k && run->g_off >= p->layers[x].off)
		mwi_outcome_keep(hdr_memo, HDR_SLOTS, hdr_slot(k), k, 0,
				 run->bits, run->g_off - p->layers[x].off);
}

bool mwi_mh_packet_taken(const struct mw_packet *p, mw_pass_fn passes,
			 void *ctx)
{
	const struct mw_msg *m = &p->msgs[0];
	const struct mwi_outcome *h = NULL, *o;
	int x;
	if (!plain_mh(p, m, &x))
		return false;
	/* chain_of(p, m->layer) of the plain form */
	struct chain ch = { .ip6 = m->layer, .dst_hao = -1, .rh2 = -1 };
	if (x >= 0 && ip6_header_checked(&p->layers[x])) {
		const struct mw_layer *l = &p->layers[x];
		uint64_t k = plain_hdr_key(p, x);
		h = k ? mwi_outcome_find(hdr_memo, HDR_SLOTS, hdr_slot(k), k, 0)
		      : NULL;
		if (!h)
			return false;
		if (l->kind == MW_L_IP6_RH)
			ch.rh2 = x;     /* checked: of type 2 */
		else if (l->u.ext.hao.present)
			ch.dst_hao = x;
	}
	struct mh_key key = mh_key_in(p, m, &ch);
	if (!key.facts || !(o = mwi_outcome_find(mh_memo, MH_SLOTS, mh_slot(&key),
						  key.facts, key.opts)))
		return false;
	MWI_OUTCOME_HIT(MWI_OC_MH);
	if (h) {
		MWI_OUTCOME_HIT(MWI_OC_HDR);
		struct mw_pass_set s = {
			.msg = -1, .offset = p->layers[x].off + h->first_off,
			.who = MW_WHO_SENDER, .nwords = MWI_RULE_WORDS,
			.bits = h->bits,
		};
		passes(ctx, &s);
	}
	struct mw_pass_set s = {
		.msg = 0, .offset = m->off + o->first_off,
		.who = MW_WHO_SENDER, .nwords = MWI_RULE_WORDS, .bits = o->bits,
	};
	passes(ctx, &s);
	return true;
}

void mwi_mip6_outcomes_forget(void)
{
	memset(mh_memo, 0, sizeof mh_memo);
	memset(hdr_memo, 0, sizeof hdr_memo);
}

/* ---- ICMPv6: DHAAD and mobile prefix discovery ---- */

static void check_icmp6(struct mwi_chk *c, int mi)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_layer *l = &p->layers[m->layer];
	struct chain ch;
	if (l->kind != MW_L_ICMP6)
		return;
	uint8_t t = l->u.icmp.type;
	if (t < 144 || t > 147)
		return;
	chain_of(p, m->layer, &ch);
	MWI_CHECK(c, l->u.icmp.code == 0, MWI_R_MIP6_ICMP_CODE, mi, -1, l->off + 1,
		  1, "ICMPv6 type %u with Code %u", t, l->u.icmp.code);
	if (mwi_have(p, l->off + 6, 2)) {
		uint16_t r = mw_load_be16(p->data + l->off + 6);
		if (t == 147)
			r &= 0x3fff;
		MWI_CHECK(c, r == 0, MWI_R_MIP6_ICMP_RESERVED, mi, -1, l->off + 6, 2,
			  "ICMPv6 type %u: Reserved 0x%04x", t, r);
	}
	if (t == 144 && ch.ip6 >= 0) {
		static const uint8_t iid[8] = { 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe };
		MWI_CHECK(c, memcmp(p->layers[ch.ip6].u.ip6.dst.b + 8, iid, 8) == 0,
			  MWI_R_MIP6_DHAAD_ANYCAST, mi, -1, p->layers[ch.ip6].off + 24, 16,
			  "DHAAD Request not sent to the Home-Agents anycast address");
	}
	if (t == 146)
		MWI_CHECK(c, ch.dst_hao >= 0, MWI_R_MIP6_MPS_HAO, mi, -1, l->off, 8,
			  "Mobile Prefix Solicitation without a Home Address option");
	if (t == 147) {
		MWI_CHECK(c, ch.rh2 >= 0, MWI_R_MIP6_MPA_RH2, mi, -1, l->off, 8,
			  "Mobile Prefix Advertisement without a type 2 routing header");
		uint32_t o = l->off + 8, end = m->off + m->len;
		bool pio = false, complete = mwi_have(p, l->off, end - l->off);
		while (o + 2 <= end && mwi_have(p, o, 2)) {
			uint8_t ot = p->data[o], ol = p->data[o + 1];
			if (ol == 0)
				break;
			pio |= ot == 3;
			o += 8u * ol;
		}
		if (complete || pio)
			MWI_CHECK(c, pio, MWI_R_MIP6_MPA_PIO, mi, -1, l->off, end - l->off,
				  "Mobile Prefix Advertisement without a Prefix Information option");
	}
}

MWI_MESSAGE_CHECKER(, mwi_check_icmp6, check_icmp6)
