/* Per-packet rules of Mobile IPv4: registration messages (RFC 5944 3,
 * RFC 3024, RFC 3519) and agent discovery (RFC 5944 2). */
#include <string.h>

#include <glib.h>

#include "../internal.h"
#include "rules_int.h"

#define ALL_SYSTEMS 0xe0000001u /* 224.0.0.1 */

/* The depth-0 extension types (of any registry) some rule looks for:
 * bits of ext_view.seen. */
enum { X_MNHA = 1, X_MNFA = 2, X_FAHA = 4, X_GAUTH = 8, X_NAI = 16,
       X_EDS = 32, X_UDPT_REQ = 64, X_UDPT_REPLY = 128 };
#define X_AUTH (X_MNHA | X_MNFA | X_FAHA)   /* authentication */
#define X_FA_AUTH (X_MNFA | X_FAHA)         /* ... checked by the FA */
#define X_AUTH_ENABLING (X_MNHA | X_GAUTH)  /* authorization-enabling */
static const uint8_t ext_bit[256] = {
	[MW_MIP4X_MN_HA_AUTH] = X_MNHA, [MW_MIP4X_MN_FA_AUTH] = X_MNFA, [MW_MIP4X_FA_HA_AUTH] = X_FAHA,
	[MW_MIP4X_GEN_AUTH] = X_GAUTH, [MW_MIP4X_MN_NAI] = X_NAI, [MW_MIP4X_EDS] = X_EDS,
	[MW_MIP4X_UDP_TUN_REQ] = X_UDPT_REQ, [MW_MIP4X_UDP_TUN_REPLY] = X_UDPT_REPLY,
};

/* The extensions of one message: one walk over them for the rules
 * below. "MIP4" counts and positions are of depth-0 elements of the MIPv4
 * extension registry; seen of depth-0 elements of any registry. */
struct ext_view {
	int first, end;     /* elem range */
	int pos_auth;       /* first MIP4 authorization-enabling ext, -1 */
	int last;           /* last MIP4 extension, -1 */
	int bad;            /* first malformed element (any depth), -1 */
	int unknown;        /* first unrecognised non-skippable ext, -1 */
	int n_mnha, n_mnfa, n_faha; /* MIP4 MN-HA / MN-FA / FA-HA auth exts */
	unsigned seen;      /* X_* */
	bool trunc;         /* an element (any depth) is truncated */
	bool complete;      /* message fully captured (absence is meaningful) */
};

static void ext_view(const struct mw_packet *p, const struct mw_msg *m,
		     struct ext_view *v)
{
	*v = (struct ext_view){
		.first = m->elem_first,
		.end = m->elem_first + m->elem_count,
		.pos_auth = -1, .last = -1, .bad = -1, .unknown = -1,
		.complete = m->status != MW_E_TRUNC && p->diag.status != MW_E_TRUNC,
	};
	for (int i = v->first; i < v->end; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->status == MW_E_TRUNC)
			v->trunc = true;
		else if (e->status == MW_E_MALFORMED && v->bad < 0)
			v->bad = i;
		if (e->depth != 0)
			continue;
		unsigned x = ext_bit[e->type];
		v->seen |= x;
		if (e->type < 128 && v->unknown < 0 &&
		    (e->status == MW_E_UNKNOWN ||
		     !mwi_reg_lookup((enum mw_reg_id)e->reg, e->type)))
			v->unknown = i;
		if (e->reg != MW_REG_MIP4_EXT)
			continue;
		v->last = i;
		if (!x)
			continue;
		if ((x & X_AUTH_ENABLING) && v->pos_auth < 0)
			v->pos_auth = i;
		v->n_mnha += x == X_MNHA;
		v->n_mnfa += x == X_MNFA;
		v->n_faha += x == X_FAHA;
	}
}

/* The first depth-0 extension of the type, -1 if none. */
static int find_ext(const struct mw_packet *p, const struct ext_view *v,
		    uint8_t type)
{
	if (!(v->seen & ext_bit[type]))
		return -1;
	for (int i = v->first; i < v->end; i++)
		if (p->elems[i].depth == 0 && p->elems[i].type == type)
			return i;
	return -1;
}

/* The view of the same extensions starting at elem `first`. */
static void view_at(struct ext_view *v, int first)
{
	int *at[] = { &v->first, &v->end, &v->pos_auth, &v->last, &v->bad,
		      &v->unknown };
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
		if (*at[i] >= 0)
			*at[i] += first;
}

/* A reply the foreign agent generates: a denial, codes 64-127. */
static bool is_fa_denial(const struct mw_msg *m)
{
	return m->u.mip4.u.rrp.code >= 64 && m->u.mip4.u.rrp.code <= 127;
}

static void check_csum(struct mwi_chk *c, int mi, const struct mw_msg *m)
{
	const struct mw_layer *u = &c->pkt->layers[m->layer];
	if (u->kind != MW_L_UDP)
		return;
	MWI_CHECK(c, u->u.udp.csum != 0, MWI_R_MIP4_REG_CSUM_NONZERO, mi, -1,
		  u->off + 6, 2, "UDP checksum is zero");
	if (u->u.udp.csum_ok >= 0)
		MWI_CHECK(c, u->u.udp.csum_ok == 1, MWI_R_MIP4_REG_CSUM_VALID,
			  mi, -1, u->off + 6, 2,
			  "expected a correct UDP checksum, seen 0x%04x (wrong)",
			  u->u.udp.csum);
}

static void check_wellformed(struct mwi_chk *c, int mi, const struct mw_msg *m,
			     const struct ext_view *v)
{
	const struct mw_packet *p = c->pkt;
	int bad = v->bad, unk = v->unknown;
	if (m->status == MW_E_TRUNC || v->trunc)
		return;
	if (bad >= 0)
		mwi_fail(c, MWI_R_MIP4_REG_WELLFORMED, mi, bad,
			 p->elems[bad].off, p->elems[bad].len,
			 "extension type %u: length runs past the message",
			 p->elems[bad].type);
	else if (m->status == MW_E_MALFORMED)
		mwi_fail(c, MWI_R_MIP4_REG_WELLFORMED, mi, -1, m->off, m->len,
			 "message is poorly formed");
	else
		mwi_pass(c, MWI_R_MIP4_REG_WELLFORMED, mi, -1, m->off, m->len);

	if (unk >= 0)
		mwi_fail(c, MWI_R_MIP4_REG_EXT_KNOWN, mi, unk, p->elems[unk].off,
			 p->elems[unk].len,
			 "unrecognised non-skippable extension type %u",
			 p->elems[unk].type);
	else
		mwi_pass(c, MWI_R_MIP4_REG_EXT_KNOWN, mi, -1, m->off, m->len);
}

/* Extension counting and ordering rules shared by requests and replies. */
static void check_ext_rules(struct mwi_chk *c, int mi, const struct mw_msg *m,
			    const struct ext_view *v, bool rrq)
{
	const struct mw_packet *p = c->pkt;
	if (v->n_mnha)
		MWI_CHECK(c, v->n_mnha == 1, MWI_R_MIP4_REG_MHAE_ONCE, mi, -1,
			  m->off, m->len,
			  "expected one MN-HA Authentication Extension, seen %d",
			  v->n_mnha);
	if (v->n_mnfa)
		MWI_CHECK(c, v->n_mnfa == 1, MWI_R_MIP4_REG_MFAE_ONCE, mi, -1,
			  m->off, m->len,
			  "expected one MN-FA Authentication Extension, seen %d",
			  v->n_mnfa);
	if (v->n_faha)
		MWI_CHECK(c, v->n_faha == 1, MWI_R_MIP4_REG_FHAE_ONCE, mi, -1,
			  m->off, m->len,
			  "expected one FA-HA Authentication Extension, seen %d",
			  v->n_faha);

	/* MN-FA / FA-HA authentication: after the authorization-enabling
	 * extension and last in the message. */
	enum mwi_rule_idx order = rrq ? MWI_R_MIP4_RRQ_EXT_ORDER
				      : MWI_R_MIP4_RRP_EXT_ORDER;
	/* a reply the foreign agent generates (denial, codes 64-127) has no
	 * MN-HA authentication to follow: only "last" applies (3.7.2.3) */
	bool fa_reply = !rrq && is_fa_denial(m);
	for (int i = v->first; (v->seen & X_FA_AUTH) && i < v->end; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->depth || (e->type != MW_MIP4X_MN_FA_AUTH && e->type != MW_MIP4X_FA_HA_AUTH))
			continue;
		if ((v->pos_auth < 0 && !fa_reply) || i < v->pos_auth)
			mwi_fail(c, order, mi, i, e->off, e->len,
				 "%s authentication before the authorization-enabling extension",
				 e->type == MW_MIP4X_MN_FA_AUTH ? "MN-FA" : "FA-HA");
		else if (i != v->last && v->complete)
			mwi_fail(c, order, mi, i, e->off, e->len,
				 "%s authentication is not the last extension",
				 e->type == MW_MIP4X_MN_FA_AUTH ? "MN-FA" : "FA-HA");
		else
			mwi_pass(c, order, mi, i, e->off, e->len);
	}

	for (int i = v->first; (v->seen & X_AUTH) && i < v->end; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->depth || e->status == MW_E_TRUNC ||
		    !mwi_mip4x_is_auth(e->type))
			continue;
		/* (a term of mw_msg.shape: mwi_shape_digit()) */
		MWI_CHECK(c, e->len >= MWI_MIP4X_AUTH_MIN_LEN,
			  MWI_R_MIP4_REG_AUTH_LEN, mi, i, e->off, e->len,
			  "authentication extension Length %u: expected 4 (SPI) + authenticator",
			  e->len >= 2 ? e->len - 2 : 0);
	}
}

/* The authorization-enabling extension: present, and (request) before
 * any MN-FA / FA-HA authentication. */
static void check_auth_present(struct mwi_chk *c, int mi, const struct mw_msg *m,
			       const struct ext_view *v)
{
	const struct mw_packet *p = c->pkt;
	if (m->code == MW_MIP4_RRP) {
		if (v->complete && !is_fa_denial(m))
			MWI_CHECK(c, v->pos_auth >= 0, MWI_R_MIP4_RRP_AUTH_PRESENT,
				  mi, -1, m->off, m->len,
				  "code %u reply from the home agent: expected an MN-HA Authentication Extension, seen none",
				  m->u.mip4.u.rrp.code);
		return;
	}
	if (v->complete)
		MWI_CHECK(c, v->pos_auth >= 0, MWI_R_MIP4_RRQ_AUTH_PRESENT, mi, -1,
			  m->off, m->len,
			  "expected an authorization-enabling extension (MN-HA Authentication, type 32), seen none");
	if (v->pos_auth >= 0) {
		int bad = -1;
		for (int i = v->first; (v->seen & X_FA_AUTH) && i < v->pos_auth; i++)
			if (p->elems[i].depth == 0 &&
			    (p->elems[i].type == MW_MIP4X_MN_FA_AUTH || p->elems[i].type == MW_MIP4X_FA_HA_AUTH))
				bad = i;
		MWI_CHECK(c, bad < 0, MWI_R_MIP4_RRQ_AUTH_FIRST, mi, bad,
			  bad >= 0 ? p->elems[bad].off : m->off,
			  bad >= 0 ? p->elems[bad].len : m->len,
			  "authentication extension type %u precedes the authorization-enabling extension",
			  bad >= 0 ? p->elems[bad].type : 0);
	}
}

/* The rules on the layout of a registration's extensions. */
static void check_layout(struct mwi_chk *c, int mi, const struct mw_msg *m,
			 const struct ext_view *v)
{
	check_wellformed(c, mi, m, v);
	check_ext_rules(c, mi, m, v, m->code == MW_MIP4_RRQ);
	check_auth_present(c, mi, m, v);
}

/* ---- form outcomes ----
 * Of a registration carried in UDP, check_csum(), ext_view() and
 * check_layout() read only its form: the UDP checksum's state; the
 * message's type, state and (reply) whether a foreign agent denies it;
 * its extensions' types, registries, depths, states and (authentication)
 * whether the Length holds an SPI and an authenticator. Their outcome is
 * the same for every registration of a form, offsets aside, so the
 * common forms of well-formed registrations are checked once, on first
 * use, by that same code; a trial takes its message's outcome from this
 * table when it can. */

#define FORM_EXTS 3       /* extensions of a common form, at most */
#define FORM_SLOTS 64     /* hash table of common forms */

struct form_outcome {
	uint64_t key;                   /* form_key(); 0: a free slot */
	uint64_t bits[MWI_RULE_WORDS];  /* the passes */
	uint32_t first_off;             /* the first pass's, from the UDP header */
	struct ext_view v;              /* for elem_first = 0 */
};
static struct form_outcome forms[FORM_SLOTS];
static gsize forms_learnt;      /* g_once: forms_learn() done */

/* m's extensions in brief, as mw_msg.shape (decode.h) defines it; 0 if
 * they are not all well-formed, depth-0 MIPv4 extensions or more than
 * FORM_EXTS. */
static __attribute__((noinline)) uint32_t
ext_shape_of(const struct mw_packet *p, const struct mw_msg *m)
{
	unsigned n = m->elem_count;
	uint32_t x = 0;
	if (n > FORM_EXTS)
		return 0;
	for (unsigned j = 0; j < n; j++) {
		const struct mw_elem *e = &p->elems[m->elem_first + j];
		if (e->status != MW_OK || e->depth || e->reg != MW_REG_MIP4_EXT)
			return 0;
		x = mwi_shape_next(x, mwi_shape_digit(e->type, e->len));
	}
	return mwi_shape(n, x);
}

/* The decoder's fast path gives it; else it is worked out. */
static inline uint32_t ext_shape(const struct mw_packet *p,
				 const struct mw_msg *m)
{
	return m->shape ? m->shape : ext_shape_of(p, m);
}

/* The form of a registration with a nonzero UDP checksum not found wrong,
 * whose extensions are all well-formed, depth-0 MIPv4 extensions
 * (FORM_EXTS at most), as a key: their shape (30 bits) and the
 * message's facts; 0 for any other. */
static inline __attribute__((always_inline)) uint64_t
form_key(const struct mw_packet *p, const struct mw_msg *m)
{
	const struct mw_layer *u = &p->layers[m->layer];
	if (u->kind != MW_L_UDP || u->u.udp.csum == 0 || u->u.udp.csum_ok == 0 ||
	    m->status != MW_OK)
		return 0;
	uint64_t shape = ext_shape(p, m);
	if (!shape)
		return 0;
	return shape | (uint64_t)(u->u.udp.csum_ok == 1) << 32 |
	       (uint64_t)(m->code == MW_MIP4_RRP) << 33 |
	       (uint64_t)(p->diag.status == MW_E_TRUNC) << 34 |
	       (uint64_t)(m->code == MW_MIP4_RRP && is_fa_denial(m)) << 35;
}

static unsigned form_slot(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 58) % FORM_SLOTS;
}

/* The rules of a registration's form, and the view of its extensions. */
static void check_form(struct mwi_chk *c, int mi, const struct mw_msg *m,
		       struct ext_view *v)
{
	check_csum(c, mi, m);
	ext_view(c->pkt, m, v);
	check_layout(c, mi, m, v);
}

/* Check one form (a request or reply in UDP with these extensions, of
 * authenticator size) and keep its outcome if the rules pass it. */
static void form_learn(struct mw_packet *p, uint8_t code, int csum_ok,
		       const uint8_t *types, unsigned n)
{
	struct mw_msg *m = &p->msgs[0];
	struct mwi_chk t = { .pkt = p, .trial = true };
	struct ext_view v;

	memset(p, 0, sizeof *p);
	p->n_layers = 1;
	p->kinds = 1u << MW_L_UDP;
	p->layers[0] = (struct mw_layer){ .kind = MW_L_UDP, .len = 8,
					  .u.udp = { .csum = 1, .csum_ok = (int8_t)csum_ok } };
	p->n_msgs = 1;
	p->n_elems = (uint16_t)n;
	*m = (struct mw_msg){ .kind = MW_MSG_MIP4, .reg = MW_REG_MIP4_MSG,
			      .code = code, .off = 8, .elem_count = (uint16_t)n };
	for (unsigned j = 0; j < n; j++)
		p->elems[j] = (struct mw_elem){ .reg = MW_REG_MIP4_EXT,
						.type = types[j], .len = 2 + 4 + 16 };
	check_form(&t, 0, m, &v);
	uint64_t key = form_key(p, m);
	if (t.spoilt || !t.any || !key)
		return;
	unsigned s = form_slot(key);
	while (forms[s].key && forms[s].key != key)
		s = (s + 1) % FORM_SLOTS;
	forms[s].key = key;
	memcpy(forms[s].bits, t.bits, sizeof t.bits);
	forms[s].first_off = t.off;
	forms[s].v = v;
}

/* The forms of RFC 5944 registrations: MN-HA authentication, the mobile
 * node's NAI before it (RFC 2794), MN-FA or FA-HA authentication after
 * it; the UDP checksum verified or not. */
static __attribute__((noinline)) void forms_learn(void)
{
	static const uint8_t common[][FORM_EXTS] = {
		{ MW_MIP4X_MN_HA_AUTH }, { MW_MIP4X_MN_NAI, MW_MIP4X_MN_HA_AUTH },
		{ MW_MIP4X_MN_HA_AUTH, MW_MIP4X_MN_FA_AUTH }, { MW_MIP4X_MN_NAI, MW_MIP4X_MN_HA_AUTH, MW_MIP4X_MN_FA_AUTH },
		{ MW_MIP4X_MN_HA_AUTH, MW_MIP4X_FA_HA_AUTH }, { MW_MIP4X_MN_NAI, MW_MIP4X_MN_HA_AUTH, MW_MIP4X_FA_HA_AUTH },
	};
	static const uint8_t codes[] = { MW_MIP4_RRQ, MW_MIP4_RRP };
	static const int csum_ok[] = { 1, -1 };
	static struct mw_packet p;
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		unsigned n = 0;
		while (n < FORM_EXTS && common[i][n])
			n++;
		for (size_t k = 0; k < sizeof codes; k++)
			for (size_t o = 0; o < 2; o++)
				form_learn(&p, codes[k], csum_ok[o], common[i], n);
	}
}

/* The outcome of the form with this key (form_key()), NULL if it is
 * not a common one. */
static const struct form_outcome *form_find(uint64_t key)
{
	if (g_once_init_enter(&forms_learnt)) {
		forms_learn();
		g_once_init_leave(&forms_learnt, 1);
	}
	if (!key)
		return NULL;
	for (unsigned s = form_slot(key); forms[s].key; s = (s + 1) % FORM_SLOTS)
		if (forms[s].key == key)
			return &forms[s];
	return NULL;
}

/* The rules of m's form (key fkey), the message's first: a trial takes
 * them from the table when it can (then *o gets the table's row). The
 * view of m's extensions: in *local or in the table. */
static const struct ext_view *form_rules(struct mwi_chk *c, int mi,
					 const struct mw_msg *m, uint64_t fkey,
					 struct ext_view *local,
					 const struct form_outcome **o)
{
	if (c->trial && !c->any && (*o = form_find(fkey)) != NULL) {
		MWI_OUTCOME_HIT(MWI_OC_FORM);
		for (int w = 0; w < MWI_RULE_WORDS; w++)
			c->bits[w] = (*o)->bits[w];
		c->any = true;
		c->off = c->pkt->layers[m->layer].off + (*o)->first_off;
		if (m->elem_first == 0)
			return &(*o)->v;
		*local = (*o)->v;
		view_at(local, m->elem_first);
		return local;
	}
	check_form(c, mi, m, local);
	return local;
}

/* The security association for one authentication extension, chosen by
 * the selectors of keys.h: kind, SPI, home address, peer (the other agent
 * of the association) and NAI (MN-NAI extension, RFC 2794). An SA's
 * selectors must all match; among the matching SAs the one with the most
 * selectors wins (the first in the file on a tie), so a per-node SA beats
 * a catch-all one. The peer is not known for sure from one message (an
 * FA-HA SA names the HA from the FA's side, the FA from the HA's side),
 * so each candidate address is tried. */
static const struct mw_sa *find_sa(const struct mw_keys *keys,
				   struct mw_sa_query *q, const uint32_t *peers,
				   int n_peers)
{
	const struct mw_sa *best = NULL;
	int best_score = -1;
	for (size_t i = 0; i < keys->n; i++) {
		const struct mw_sa *sa = &keys->sa[i];
		struct mw_keys one = { .sa = keys->sa + i, .n = 1 };
		bool hit = false;
		for (int k = 0; k < n_peers && !hit; k++) {
			q->has_peer4 = peers[k] != 0;
			q->peer4 = peers[k];
			hit = mw_keys_find(&one, q) != NULL;
		}
		if (!hit)
			continue;
		int score = mw_sa_selectors(sa);
		if (score > best_score) {
			best = sa;
			best_score = score;
		}
	}
	return best;
}

static void verify_auth(struct mwi_chk *c, int mi, const struct mw_msg *m,
			const struct ext_view *v, const struct mw_ip4 *ip,
			uint32_t hoa, uint32_t ha, uint32_t coa)
{
	const struct mw_packet *p = c->pkt;
	bool rrq = m->code == MW_MIP4_RRQ;
	uint32_t src = ip ? ip->src : 0, dst = ip ? ip->dst : 0;
	struct mw_sa_query q = { .has_spi = true, .has_hoa4 = hoa != 0, .hoa4 = hoa };
	int nai = find_ext(p, v, MW_MIP4X_MN_NAI);
	if (nai >= 0 && p->elems[nai].status == MW_OK &&
	    mwi_have(p, p->elems[nai].body_off, p->elems[nai].body_len)) {
		q.nai = p->data + p->elems[nai].body_off;
		q.nai_len = p->elems[nai].body_len;
	}
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++) {
		const struct mw_elem *e = &p->elems[i];
		enum mwi_rule_idx r;
		/* candidate peers: the home agent (Home Agent field, the
		 * request's destination / the reply's source) for MN-HA; the
		 * foreign agent (the request's destination or care-of address,
		 * the reply's source) for MN-FA; either for FA-HA */
		uint32_t peers[4];
		int np = 0;
		if (e->depth || e->status != MW_OK || e->body_len < 4 ||
		    !mwi_have(p, e->body_off, 4))
			continue;
		switch (e->type) {
		case MW_MIP4X_MN_HA_AUTH:
			q.kind = MW_SA_MN_HA;
			r = MWI_R_MIP4_REG_AUTH_MNHA;
			peers[np++] = ha;
			peers[np++] = rrq ? dst : src;
			break;
		case MW_MIP4X_MN_FA_AUTH:
			q.kind = MW_SA_MN_FA;
			r = MWI_R_MIP4_REG_AUTH_MNFA;
			peers[np++] = rrq ? dst : src;
			if (rrq)
				peers[np++] = coa;
			break;
		case MW_MIP4X_FA_HA_AUTH:
			q.kind = MW_SA_FA_HA;
			r = MWI_R_MIP4_REG_AUTH_FAHA;
			peers[np++] = ha;
			peers[np++] = src;
			peers[np++] = dst;
			if (rrq)
				peers[np++] = coa;
			break;
		default:
			continue;
		}
		q.spi = mw_load_be32(p->data + e->body_off);
		const struct mw_sa *sa = find_sa(c->keys, &q, peers, np);
		if (!sa) { /* not decidable: say so (a mistyped SPI) */
			mwi_unjudged(c, r, mi, i, e->off, e->len, "SPI %u", q.spi);
			continue;
		}
		int ok = mw_mip4_auth_verify(p, i, (enum mw_auth_alg)sa->alg,
					     sa->key, sa->key_len);
		if (ok >= 0)
			MWI_CHECK(c, ok == 1, r, mi, i, e->off, e->len,
				  "authenticator does not verify with SA [%s] (SPI %u)",
				  sa->group ? sa->group : "?", q.spi);
	}
}

static void check_rrq(struct mwi_chk *c, int mi, const struct mw_msg *m,
		      const struct ext_view *v, const struct mw_ip4 *ip)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mip4_rrq *q = &m->u.mip4.u.rrq;
	bool dbit = q->flags & MW_RRQ_D;

	if (q->lifetime == 0 && v->complete)
		MWI_CHECK(c, v->n_faha == 0, MWI_R_MIP4_RRQ_FHAE_DEREG, mi, -1,
			  m->off, m->len,
			  "deregistration (Lifetime 0) carries an FA-HA Authentication Extension");
	MWI_CHECK(c, (q->flags & (MW_RRQ_r | MW_RRQ_x)) == 0,
		  MWI_R_MIP4_RRQ_RESERVED, mi, -1, m->off + 1, 1,
		  "flags 0x%02x: reserved bits r/x set", q->flags);

	if (!ip)
		return;
	if (dbit) {
		if (ip->src == q->coa)
			mwi_pass(c, MWI_R_MIP4_RRQ_SRC_COLOC, mi, -1, m->off, m->len);
		else if (ip->src == q->hoa && q->hoa != 0 && q->hoa != q->coa)
			mwi_fail(c, MWI_R_MIP4_RRQ_SRC_COLOC, mi, -1, m->off, m->len,
				 "D set: expected source = care-of address, seen the home address");
	}
	if (q->hoa == 0 && !dbit)
		MWI_CHECK(c, ip->src == 0 || ip->src == q->coa,
			  MWI_R_MIP4_RRQ_SRC_NOHOA, mi, -1, m->off, m->len,
			  "Home Address 0: expected source 0.0.0.0, seen another address");
	if (ip->dst == MWI_ALL_AGENTS)
		MWI_CHECK(c, ip->ttl == 1, MWI_R_MIP4_RRQ_TTL_ALLAGENTS, mi, -1,
			  m->off, m->len, "to 224.0.0.11: expected TTL 1, seen %u",
			  ip->ttl);
	/* relayed by the foreign agent: sent from the (FA) care-of address */
	if (!dbit && q->coa != 0 && ip->src == q->coa && ip->src != q->hoa &&
	    v->complete)
		MWI_CHECK(c, v->n_mnfa == 0, MWI_R_MIP4_FA_RELAY_NO_MFAE, mi, -1,
			  m->off, m->len,
			  "relayed request still carries the MN-FA Authentication Extension");
	/* RFC 3024: mobile node's own request (from its home address) */
	if ((q->flags & MW_RRQ_T) && !dbit && q->hoa != 0 && ip->src == q->hoa)
		MWI_CHECK(c, ip->ttl == 255, MWI_R_MIP4_RT_TTL, mi, -1, m->off,
			  m->len, "T set: expected IP TTL 255, seen %u", ip->ttl);

	int eds = find_ext(p, v, MW_MIP4X_EDS);
	if (eds >= 0) {
		const struct mw_elem *e = &p->elems[eds];
		MWI_CHECK(c, q->flags & MW_RRQ_T, MWI_R_MIP4_RT_EDS_T, mi, eds,
			  e->off, e->len,
			  "Encapsulating Delivery Style extension without the T bit");
		int mnfa = find_ext(p, v, MW_MIP4X_MN_FA_AUTH);
		MWI_CHECK(c, v->pos_auth >= 0 && eds > v->pos_auth &&
			  (mnfa < 0 || eds < mnfa), MWI_R_MIP4_RT_EDS_ORDER, mi,
			  eds, e->off, e->len,
			  "Encapsulating Delivery Style extension not between MN-HA and MN-FA authentication");
	}
	int ut = find_ext(p, v, MW_MIP4X_UDP_TUN_REQ);
	if (ut >= 0) {
		const struct mw_elem *e = &p->elems[ut];
		MWI_CHECK(c, v->pos_auth < 0 || ut < v->pos_auth,
			  MWI_R_MIP4_UDPT_REQ_ORDER, mi, ut, e->off, e->len,
			  "UDP Tunnel Request extension after the MN-HA Authentication Extension");
		MWI_CHECK(c, dbit, MWI_R_MIP4_UDPT_REQ_COLOC, mi, ut, e->off,
			  e->len,
			  "UDP Tunnel Request with a foreign agent care-of address (D clear)");
	}
}

static void check_rrp(struct mwi_chk *c, int mi, const struct mw_msg *m,
		      const struct ext_view *v, const struct mw_ip4 *ip)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mip4_rrp *r = &m->u.mip4.u.rrp;
	bool fa_denial = is_fa_denial(m);

	MWI_CHECK(c, mwi_reg_lookup(MW_REG_MIP4_REPLY, r->code) != NULL,
		  MWI_R_MIP4_RRP_CODE_KNOWN, mi, -1, m->off + 1, 1,
		  "unassigned reply code %u", r->code);
	if (ip)
		MWI_CHECK(c, ip->src != 0 && !mw_ip4_is_group(ip->src),
			  MWI_R_MIP4_RRP_SRC_UNICAST, mi, -1, m->off, m->len,
			  "reply sent from a non-unicast address");
	if (!fa_denial)
		MWI_CHECK(c, r->ha != 0 && !mw_ip4_is_group(r->ha),
			  MWI_R_MIP4_RRP_HA_UNICAST, mi, -1, m->off + 8, 4,
			  "Home Agent field is not a unicast address");
	int ut = find_ext(p, v, MW_MIP4X_UDP_TUN_REPLY);
	if (ut >= 0 && p->elems[ut].status != MW_E_TRUNC) {
		const struct mw_elem *e = &p->elems[ut];
		bool ok = e->len == 8;
		if (ok && mwi_have(p, e->off + 4, 2))
			ok = (mw_load_be16(p->data + e->off + 4) & 0x7fff) == 0;
		MWI_CHECK(c, ok, MWI_R_MIP4_UDPT_REPLY_FORMAT, mi, ut, e->off,
			  e->len, "UDP Tunnel Reply: Length %u or reserved bits wrong",
			  e->len >= 2 ? e->len - 2 : 0);
	}
}

static void check_tunnel_data(struct mwi_chk *c, int mi, const struct mw_msg *m)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mip4_tunnel_data *t = &m->u.mip4.u.tun;
	MWI_CHECK(c, t->reserved == 0, MWI_R_MIP4_UDPT_DATA_RESERVED, mi, -1,
		  m->off + 2, 2, "Reserved 0x%04x", t->reserved);
	MWI_CHECK(c, t->next_header == 4 || t->next_header == 47 ||
		  t->next_header == 55, MWI_R_MIP4_UDPT_DATA_NEXT, mi, -1,
		  m->off + 1, 1, "Next Header %u", t->next_header);
	int inner = -1;
	for (int i = mi + 1; i < p->n_msgs; i++)
		if (p->msgs[i].kind == MW_MSG_MIP4 &&
		    (p->msgs[i].code == MW_MIP4_RRQ || p->msgs[i].code == MW_MIP4_RRP))
			inner = i;
	MWI_CHECK(c, inner < 0, MWI_R_MIP4_UDPT_NO_REG, mi, -1, m->off, m->len,
		  "a registration message is tunnelled inside the UDP tunnel");
}

static __attribute__((noinline, cold)) const struct mw_ip4 *
ip4_walk(const struct mw_packet *p, const struct mw_msg *m)
{
	int ipl = mwi_find_layer(p, MW_L_IP4, m->layer);
	return ipl >= 0 ? &p->layers[ipl].u.ip4 : NULL;
}

/* The IPv4 header of message m, NULL if none. */
static const struct mw_ip4 *ip4_of(const struct mw_packet *p,
				   const struct mw_msg *m)
{
	int l = m->layer;
	if (l > 0 && l < p->n_layers && p->layers[l].kind == MW_L_UDP &&
	    p->layers[l - 1].kind == MW_L_IP4)
		return &p->layers[l - 1].u.ip4; /* the common case, no walk */
	return ip4_walk(p, m);
}

/* ---- message outcomes ----
 * Of a registration of a common form, check_rrq() and check_rrp() read,
 * beyond the form, only its facts (mw_msg.reg_facts, internal.h; the
 * form has no EDS or UDP Tunnel extension). The passes of a clean trial
 * are kept under (shape, facts), which hold the whole form but for the
 * reply's FA denial, in the facts' reply code; a registration of the
 * same shape and facts takes them from there in one lookup, before any
 * trial (mip4_taken()). The table is an outcome table of rules_int.h,
 * private to this file. */

#define MSG_SLOTS 512

/* key msg_key(); first_off from the UDP header */
static struct mwi_outcome msg_memo[MSG_SLOTS];

uint16_t mwi_reg_facts_of(const struct mw_packet *p, const struct mw_msg *m)
{
	if (m->kind != MW_MSG_MIP4 || m->layer >= p->n_layers)
		return 0;
	const struct mw_layer *u = &p->layers[m->layer];
	if (u->kind != MW_L_UDP || u->u.udp.csum == 0 || u->u.udp.csum_ok == 0 ||
	    m->status != MW_OK || p->diag.status == MW_E_TRUNC)
		return 0;
	const struct mw_ip4 *ip = ip4_of(p, m);
	if (!ip)
		return 0;
	bool ck = u->u.udp.csum_ok == 1;
	if (m->code == MW_MIP4_RRQ) {
		const struct mw_mip4_rrq *q = &m->u.mip4.u.rrq;
		return mwi_rrq_facts(ck, q->flags, q->lifetime, q->hoa, q->coa,
				     ip->src, ip->dst, ip->ttl);
	}
	if (m->code == MW_MIP4_RRP) {
		const struct mw_mip4_rrp *r = &m->u.mip4.u.rrp;
		return mwi_rrp_facts(ck, r->code, r->ha, ip->src);
	}
	return 0;
}

/* The key of m's outcome: its shape and facts, 0 if none; worked out
 * from the packet. Out of line: the decoder's (msg_key()) need no frame. */
static __attribute__((noinline)) uint64_t
msg_key_of(const struct mw_packet *p, const struct mw_msg *m)
{
	uint64_t f = m->reg_facts ? m->reg_facts : mwi_reg_facts_of(p, m);
	uint64_t shape = f ? ext_shape(p, m) : 0;
	return shape ? shape | f << 32 : 0;
}

/* m's key, the decoder's shape and facts when it gives both. */
static inline uint64_t msg_key(const struct mw_packet *p,
			       const struct mw_msg *m)
{
	if (m->reg_facts && m->shape)
		return m->shape | (uint64_t)m->reg_facts << 32;
	return msg_key_of(p, m);
}

static unsigned msg_slot(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 55); /* < MSG_SLOTS */
}

const struct mwi_outcome *mwi_mip4_outcome(const struct mw_packet *p,
					   const struct mw_msg *m)
{
	if (m->code != MW_MIP4_RRQ && m->code != MW_MIP4_RRP)
		return NULL;
	uint64_t key = msg_key(p, m);
	const struct mwi_outcome *o =
		key ? mwi_outcome_find(msg_memo, MSG_SLOTS, msg_slot(key), key, 0)
		    : NULL;
	if (o)
		MWI_OUTCOME_HIT(MWI_OC_REG);
	return o;
}

/* A registration whose outcome the table holds takes it in one lookup,
 * before any trial: true if it did. Only into a fresh group, with
 * `passes` (the conditions of a trial's commit). */
static bool mip4_taken(struct mwi_run *run, int mi)
{
	const struct mw_packet *p = run->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	if (!run->passes || run->g_any)
		return false;
	const struct mwi_outcome *o = mwi_mip4_outcome(p, m);
	if (o)
		mwi_outcome_join(run, o, p->layers[m->layer].off);
	return o != NULL;
}

/* Keep the outcome of a clean trial of a common form under its key. */
static void msg_keep(const struct mwi_chk *c, const struct mw_msg *m,
		     uint64_t key)
{
	mwi_outcome_keep(msg_memo, MSG_SLOTS, msg_slot(key), key, 0, c->bits,
			 c->off - c->pkt->layers[m->layer].off);
}

/* Every rule of the message but its authenticators. */
static void check_mip4(struct mwi_chk *c, int mi)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct form_outcome *form = NULL;
	struct ext_view local;

	if (m->code == MW_MIP4_TUNNEL_DATA) {
		check_tunnel_data(c, mi, m);
		return;
	}
	if (m->code != MW_MIP4_RRQ && m->code != MW_MIP4_RRP)
		return;
	const struct mw_ip4 *ip = ip4_of(p, m);
	uint64_t fkey = form_key(p, m);
	const struct ext_view *v = form_rules(c, mi, m, fkey, &local, &form);
	if (m->code == MW_MIP4_RRQ)
		check_rrq(c, mi, m, v, ip);
	else
		check_rrp(c, mi, m, v, ip);
	uint64_t key = form && !c->spoilt ? msg_key(p, m) : 0;
	if (key)
		msg_keep(c, m, key);
}

/* The authenticators (with keys): the message's last findings. */
static void check_mip4_auth(struct mwi_chk *c, int mi)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	struct ext_view v;

	if (!c->keys || (m->code != MW_MIP4_RRQ && m->code != MW_MIP4_RRP))
		return;
	ext_view(p, m, &v);
	if (m->code == MW_MIP4_RRQ) {
		const struct mw_mip4_rrq *q = &m->u.mip4.u.rrq;
		verify_auth(c, mi, m, &v, ip4_of(p, m), q->hoa, q->ha, q->coa);
	} else {
		const struct mw_mip4_rrp *r = &m->u.mip4.u.rrp;
		verify_auth(c, mi, m, &v, ip4_of(p, m), r->hoa, r->ha, 0);
	}
}

/* Verifying authenticators is the costly part: outside the trial, so
 * that it is done once. Both apart from mwi_check_mip4(), which stays a
 * leaf without a frame when the outcome is taken. */
static void mip4_rules(struct mwi_run *run, int msg) __attribute__((noinline));
MWI_MESSAGE_CHECKER(static, mip4_rules, check_mip4)

static __attribute__((noinline)) void mip4_auth(struct mwi_run *run, int mi)
{
	struct mwi_chk x = mwi_chk_for(run, false, mi);
	check_mip4_auth(&x, mi);
}

void mwi_check_mip4(struct mwi_run *run, int mi)
{
	if (!mip4_taken(run, mi))
		mip4_rules(run, mi);
	if (run->keys)
		mip4_auth(run, mi);
}

/* ---- agent discovery ---- */

static void check_mip4_adv(struct mwi_chk *c, int mi)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_mip4_adv *a = &m->u.adv;
	int ipl = mwi_find_layer(p, MW_L_IP4, m->layer);
	const struct mw_layer *icmp = &p->layers[m->layer];

	if (ipl >= 0) {
		const struct mw_ip4 *ip = &p->layers[ipl].u.ip4;
		MWI_CHECK(c, ip->ttl == 1, MWI_R_MIP4_ADV_TTL, mi, -1,
			  p->layers[ipl].off + 8, 1,
			  "expected TTL 1, seen %u", ip->ttl);
		if (mw_ip4_is_group(ip->dst))
			MWI_CHECK(c, ip->dst == ALL_SYSTEMS || ip->dst == 0xffffffffu,
				  MWI_R_MIP4_ADV_DST, mi, -1,
				  p->layers[ipl].off + 16, 4,
				  "multicast advertisement to %u.%u.%u.%u",
				  ip->dst >> 24, (ip->dst >> 16) & 255,
				  (ip->dst >> 8) & 255, ip->dst & 255);
	}
	if (icmp->kind == MW_L_ICMP4)
		MWI_CHECK(c, icmp->u.icmp.code == 0 || icmp->u.icmp.code == 16,
			  MWI_R_MIP4_ADV_CODE, mi, -1, icmp->off + 1, 1,
			  "ICMP Code %u", icmp->u.icmp.code);

	int maa = -1, plen = -1, npad = 0, lastpad = -1, last = -1;
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->depth)
			continue;
		last = i;
		if (e->type == 16 && maa < 0)
			maa = i;
		if (e->type == 19 && plen < 0)
			plen = i;
		if (e->type == 0) {
			npad++;
			lastpad = i;
		}
	}
	if (maa >= 0 && p->elems[maa].status != MW_E_TRUNC) {
		const struct mw_elem *e = &p->elems[maa];
		uint32_t l = e->len >= 2 ? e->len - 2 : 0;
		MWI_CHECK(c, l >= 6 && (l - 6) % 4 == 0, MWI_R_MIP4_ADV_MAA_LEN,
			  mi, maa, e->off, e->len,
			  "Length %u is not 6 + 4*N", l);
	}
	if (a->has_maa) {
		uint16_t f = a->maa_flags;
		uint32_t fo = maa >= 0 ? p->elems[maa].off + 6 : m->off;
		if (f & MW_MAA_F)
			MWI_CHECK(c, a->n_coa >= 1, MWI_R_MIP4_ADV_F_COA, mi, maa,
				  fo, 2, "F set but no care-of address");
		if (f & MW_MAA_B)
			MWI_CHECK(c, f & MW_MAA_F, MWI_R_MIP4_ADV_B_F, mi, maa, fo,
				  2, "B set without F");
		MWI_CHECK(c, f & (MW_MAA_F | MW_MAA_H), MWI_R_MIP4_ADV_F_OR_H,
			  mi, maa, fo, 2, "neither F nor H set");
		if (f & 0x8000)
			MWI_CHECK(c, f & MW_MAA_F, MWI_R_MIP4_ADV_R_F, mi, maa, fo,
				  2, "R set without F");
		MWI_CHECK(c, (f & (MW_MAA_r | 0x001f)) == 0,
			  MWI_R_MIP4_ADV_RESERVED, mi, maa, fo, 2,
			  "flags 0x%04x: reserved bits set", f);
	}
	if (plen >= 0 && p->elems[plen].status != MW_E_TRUNC) {
		const struct mw_elem *e = &p->elems[plen];
		uint32_t l = e->len >= 2 ? e->len - 2 : 0;
		MWI_CHECK(c, l == a->num_addrs, MWI_R_MIP4_ADV_PLEN_LEN, mi, plen,
			  e->off, e->len, "Length %u, Num Addrs %u", l,
			  a->num_addrs);
	}
	if (npad)
		MWI_CHECK(c, npad == 1 && lastpad == last, MWI_R_MIP4_ADV_PAD,
			  mi, lastpad, p->elems[lastpad].off, 1,
			  "%d One-byte Padding extension(s), %s", npad,
			  lastpad == last ? "last" : "not last");
}

MWI_MESSAGE_CHECKER(, mwi_check_mip4_adv, check_mip4_adv)

/* ---- advertisement outcomes ----
 * An advertisement of the plain form (its ICMP layer right after its IPv4
 * header, at most ADV_ELEMS extensions, all depth 0 and well-formed) is
 * checked by check_mip4_adv() from the facts of adv_key() alone; its
 * first pass, when its trial is clean, is the TTL's, at a fixed offset
 * from the IPv4 header. The passes of a clean trial of a lone one are
 * kept under that key; a lone advertisement of the same key takes them
 * from there in one lookup (mwi_mip4_adv_alone()). */

#define ADV_ELEMS 3
#define ADV_SLOTS 256

/* key (a, b); first_off from the IPv4 header */
static struct mwi_outcome adv_memo[ADV_SLOTS];

/* The key of advertisement m's outcome in (*a, *b): everything
 * check_mip4_adv() reads (the IPv4 TTL and destination, the ICMP code,
 * the extensions' types and lengths, the MAA's presence, the flags the
 * checks test and whether it lists a care-of address, Num Addrs); false
 * if m is not of the plain form. */
static inline bool adv_key(const struct mw_packet *p, const struct mw_msg *m,
			   uint64_t *a, uint64_t *b)
{
	int l = m->layer;
	if (l <= 0 || l >= p->n_layers || m->elem_count > ADV_ELEMS ||
	    p->layers[l].kind != MW_L_ICMP4 || p->layers[l - 1].kind != MW_L_IP4)
		return false;
	const struct mw_ip4 *ip = &p->layers[l - 1].u.ip4;
	const struct mw_mip4_adv *v = &m->u.adv;
	uint8_t code = p->layers[l].u.icmp.code;
	uint64_t x = 0;
	for (unsigned j = 0; j < m->elem_count; j++) {
		const struct mw_elem *e = &p->elems[m->elem_first + j];
		if (e->depth || e->status != MW_OK || e->len > 511)
			return false;
		x = x << 17 | e->type | (uint64_t)e->len << 8;
	}
	*a = 1u | (uint64_t)(ip->ttl == 1) << 1 |
	     (uint64_t)mw_ip4_is_group(ip->dst) << 2 |
	     (uint64_t)(ip->dst == ALL_SYSTEMS || ip->dst == 0xffffffffu) << 3 |
	     (uint64_t)(code == 0 || code == 16) << 4 |
	     (uint64_t)v->has_maa << 5 |
	     (uint64_t)(v->maa_flags & (MW_MAA_R | MW_MAA_B | MW_MAA_H |
					MW_MAA_F | MW_MAA_r | 0x001f)) << 6 |
	     (uint64_t)(v->n_coa >= 1) << 22 | (uint64_t)v->num_addrs << 23 |
	     (uint64_t)m->elem_count << 31;
	*b = x;
	return true;
}

static unsigned adv_slot(uint64_t a, uint64_t b)
{
	return (unsigned)(((a ^ b * 0xff51afd7ed558ccdull) *
			   0x9e3779b97f4a7c15ull) >> 56); /* < ADV_SLOTS */
}

/* After a clean trial with passes of lone advertisement p: keep them. */
static void adv_keep(const struct mw_packet *p, const struct mwi_chk *t)
{
	const struct mw_msg *m = &p->msgs[0];
	uint64_t a, b;
	if (!adv_key(p, m, &a, &b))
		return;
	uint32_t base = p->layers[m->layer - 1].off;
	if (t->off >= base)
		mwi_outcome_keep(adv_memo, ADV_SLOTS, adv_slot(a, b), a, b,
				 t->bits, t->off - base);
}

MWI_MESSAGE_ALONE(static __attribute__((noinline)), adv_trial, check_mip4_adv,
		  adv_keep)

bool mwi_mip4_adv_alone(const struct mw_packet *p, mw_pass_fn passes,
			void *ctx)
{
	const struct mw_msg *m = &p->msgs[0];
	const struct mwi_outcome *o;
	uint64_t a, b;
	if (!adv_key(p, m, &a, &b) ||
	    !(o = mwi_outcome_find(adv_memo, ADV_SLOTS, adv_slot(a, b), a, b)))
		return adv_trial(p, passes, ctx);
	MWI_OUTCOME_HIT(MWI_OC_ADV);
	struct mw_pass_set s = {
		.msg = 0, .offset = p->layers[m->layer - 1].off + o->first_off,
		.who = MW_WHO_SENDER, .nwords = MWI_RULE_WORDS, .bits = o->bits,
	};
	passes(ctx, &s);
	return true;
}

static void check_mip4_sol(struct mwi_chk *c, int mi)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	int ipl = mwi_find_layer(p, MW_L_IP4, m->layer);
	if (ipl < 0)
		return;
	MWI_CHECK(c, p->layers[ipl].u.ip4.ttl == 1, MWI_R_MIP4_SOL_TTL, mi, -1,
		  p->layers[ipl].off + 8, 1, "expected TTL 1, seen %u",
		  p->layers[ipl].u.ip4.ttl);
}

MWI_MESSAGE_CHECKER(, mwi_check_mip4_sol, check_mip4_sol)

/* The forms are learnt again at their next use. */
void mwi_mip4_outcomes_forget(void)
{
	memset(forms, 0, sizeof forms);
	forms_learnt = 0;
	memset(msg_memo, 0, sizeof msg_memo);
	memset(adv_memo, 0, sizeof adv_memo);
}
