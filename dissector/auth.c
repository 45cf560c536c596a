/* Authenticators and the MH checksum. Keys come from the file named by the
 * "keys_file" preference, in the format of mipwire/keys.h (the same file
 * mipconform --keys reads); it is (re)loaded when the preference changes.
 * MIPv4 MN-HA / MN-FA / FA-HA / MN-AAA (ext 32/33/34/36), the RFC 4285
 * Mobility Message Authentication option and Binding Authorization Data
 * (with the keygen tokens of HoT / CoT messages seen in the capture) get a
 * status good / bad / unknown key; all computation is libmipwire's. */
#include <epan/address.h>
#include <epan/to_str.h>
#include <wsutil/report_message.h>

#include "mipkit.h"

enum { A_NOKEYS, A_GOOD, A_BAD, A_UNKNOWN_KEY, A_UNVERIFIABLE };
static const value_string auth_status_vals[] = {
	{ A_NOKEYS, "not checked (no keys file)" },
	{ A_GOOD, "good" },
	{ A_BAD, "bad" },
	{ A_UNKNOWN_KEY, "unknown key" },
	{ A_UNVERIFIABLE, "not verifiable (truncated or incomplete)" },
	{ 0, NULL }
};
enum { CS_BAD, CS_GOOD, CS_UNVERIFIED };
static const value_string csum_status_vals[] = {
	{ CS_BAD, "Bad" },
	{ CS_GOOD, "Good" },
	{ CS_UNVERIFIED, "Unverified" },
	{ 0, NULL }
};

static const char *pref_keys_file = "";
static char *loaded_path;
static struct mw_keys *keys;

static wmem_map_t *tokens; /* "h|hoa|cn|idx" / "c|coa|cn|idx" -> 8 bytes */

static int hf_auth_status = -1, hf_auth_sa = -1;
static int hf_csum_status = -1, hf_csum_calc = -1;
static expert_field ei_auth_bad = EI_INIT, ei_auth_nokey = EI_INIT;
static expert_field ei_csum_bad = EI_INIT;

static const struct mw_keys *current_keys(void)
{
	char err[256];

	if (!pref_keys_file || !*pref_keys_file) {
		if (keys) {
			mw_keys_free(keys);
			keys = NULL;
		}
		g_free(loaded_path);
		loaded_path = NULL;
		return NULL;
	}
	if (loaded_path && strcmp(loaded_path, pref_keys_file) == 0)
		return keys;
	if (keys)
		mw_keys_free(keys);
	g_free(loaded_path);
	loaded_path = g_strdup(pref_keys_file);
	keys = mw_keys_load(pref_keys_file, err, sizeof(err));
	if (!keys)
		report_failure("mipkit: keys file: %s", err);
	return keys;
}

/* sa_expected: a keys file is loaded, so a missing SA is worth a note
 * (Binding Authorization Data needs captured HoT / CoT, not keys). */
static void show_status(struct mk_msgctx *cx, int off, int len, int st,
			const struct mw_sa *sa, bool sa_expected)
{
	proto_item *ti;
	char d[256];

	ti = proto_tree_add_uint(cx->tree, hf_auth_status, cx->v->tvb, off, len,
				 (guint32)st);
	proto_item_set_generated(ti);
	if (sa) {
		mw_keys_describe(sa, d, sizeof(d));
		proto_item_set_generated(proto_tree_add_string(cx->tree,
			hf_auth_sa, cx->v->tvb, off, len, d));
	}
	if (st == A_BAD)
		expert_add_info(cx->pinfo, ti, &ei_auth_bad);
	else if (st == A_UNKNOWN_KEY && sa_expected)
		expert_add_info(cx->pinfo, ti, &ei_auth_nokey);
}

static bool addr4_of(const address *a, uint32_t *out)
{
	const guint8 *b = (const guint8 *)a->data;

	if (a->type != AT_IPv4)
		return false;
	*out = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
	return true;
}

static bool addr6_of(const address *a, struct mw_in6 *out)
{
	if (a->type != AT_IPv6)
		return false;
	memcpy(out->b, a->data, 16);
	return true;
}

static void mip4_auth(struct mk_msgctx *cx)
{
	const struct mw_packet *pkt = cx->v->pkt;
	const struct mw_msg *m = cx->m;
	const struct mw_keys *k = current_keys();
	uint32_t hoa = 0, ha = 0;

	if (m->code == MW_MIP4_RRQ) {
		hoa = m->u.mip4.u.rrq.hoa;
		ha = m->u.mip4.u.rrq.ha;
	} else if (m->code == MW_MIP4_RRP) {
		hoa = m->u.mip4.u.rrp.hoa;
		ha = m->u.mip4.u.rrp.ha;
	}
	for (int i = m->elem_first; i < m->elem_first + m->elem_count &&
	     i < pkt->n_elems; i++) {
		const struct mw_elem *e = &pkt->elems[i];
		struct mw_sa_query q;
		const struct mw_sa *sa = NULL;
		uint32_t cov, spi, aoff, alen, fa;
		int st;

		if (e->reg != MW_REG_MIP4_EXT || e->depth != 0 ||
		    ((e->type < MW_MIP4X_MN_HA_AUTH || e->type > MW_MIP4X_FA_HA_AUTH) &&
		     e->type != MW_MIP4X_GEN_AUTH))
			continue;
		if (!mw_mip4_auth_layout(pkt, i, &cov, &spi, &aoff, &alen)) {
			show_status(cx, mk_toff(cx->v, e->off), 0,
				    A_UNVERIFIABLE, NULL, false);
			continue;
		}
		memset(&q, 0, sizeof(q));
		q.kind = e->type == MW_MIP4X_MN_HA_AUTH ? MW_SA_MN_HA
			 : e->type == MW_MIP4X_MN_FA_AUTH ? MW_SA_MN_FA
			 : e->type == MW_MIP4X_FA_HA_AUTH ? MW_SA_FA_HA : MW_SA_MN_AAA;
		q.has_spi = true;
		q.spi = spi;
		if (hoa) {
			q.has_hoa4 = true;
			q.hoa4 = hoa;
		}
		if (q.kind == MW_SA_MN_FA) {
			/* the foreign agent: the peer of the MN on this leg */
			if (addr4_of(m->code == MW_MIP4_RRQ ? &cx->pinfo->dst
							    : &cx->pinfo->src,
				     &fa)) {
				q.has_peer4 = true;
				q.peer4 = fa;
			}
		} else if (ha) {
			q.has_peer4 = true;
			q.peer4 = ha;
		}
		for (int j = m->elem_first; j < i; j++) {
			const struct mw_elem *n = &pkt->elems[j];
			if (n->reg == MW_REG_MIP4_EXT && n->type == MW_MIP4X_MN_NAI &&
			    n->status == MW_OK &&
			    n->body_off + n->body_len <= pkt->caplen) {
				q.nai = pkt->data + n->body_off;
				q.nai_len = n->body_len;
			}
		}
		if (!k)
			st = A_NOKEYS;
		else if (!(sa = mw_keys_find(k, &q)))
			st = A_UNKNOWN_KEY;
		else {
			int r = mw_mip4_auth_verify(pkt, i, (enum mw_auth_alg)sa->alg,
						    sa->key, sa->key_len);
			st = r == 1 ? A_GOOD : r == 0 ? A_BAD : A_UNVERIFIABLE;
		}
		show_status(cx, mk_toff(cx->v, aoff), (int)alen, st, sa, k != NULL);
	}
}

/* ---- Mobile IPv6: RFC 4285 option and Binding Authorization Data ------ */

static const struct mw_elem *find_opt(const struct mw_packet *pkt,
				      const struct mw_msg *m, unsigned type)
{
	for (int i = m->elem_first; i < m->elem_first + m->elem_count &&
	     i < pkt->n_elems; i++)
		if (pkt->elems[i].reg == MW_REG_MH_OPT &&
		    pkt->elems[i].type == type && pkt->elems[i].depth == 0 &&
		    pkt->elems[i].status == MW_OK &&
		    pkt->elems[i].off + pkt->elems[i].len <= pkt->caplen)
			return &pkt->elems[i];
	return NULL;
}

static char *token_key(packet_info *pinfo, char kind, const address *a,
		       const address *cn, unsigned idx)
{
	return wmem_strdup_printf(pinfo->pool, "%c|%s|%s|%u", kind,
				  address_to_str(pinfo->pool, a),
				  address_to_str(pinfo->pool, cn), idx);
}

/* HoT / CoT: remember the keygen token for the BU that will use it. */
static void record_token(struct mk_msgctx *cx)
{
	const struct mw_mh *h = &cx->m->u.mh;
	packet_info *pinfo = cx->pinfo;
	char *key;
	guint8 *tok;

	if (PINFO_FD_VISITED(pinfo))
		return;
	/* HoT / CoT go from the CN to the MN's home / care-of address */
	key = token_key(pinfo, h->type == MW_MH_HOT ? 'h' : 'c', &pinfo->dst,
			&pinfo->src, h->u.test.nonce_index);
	tok = (guint8 *)wmem_memdup(wmem_file_scope(), h->u.test.keygen, 8);
	wmem_map_insert(tokens, wmem_strdup(wmem_file_scope(), key), tok);
}

static void bad_auth(struct mk_msgctx *cx, const struct mw_elem *bad)
{
	const struct mw_packet *pkt = cx->v->pkt;
	const struct mw_msg *m = cx->m;
	packet_info *pinfo = cx->pinfo;
	const struct mw_elem *ni = find_opt(pkt, m, MW_MHO_NONCE_IDX);
	bool bu = m->code == MW_MH_BU;
	/* BU: MN (HoA via HAO, CoA = IPv6 source) -> CN; BA the other way */
	const address *hoa = bu ? &pinfo->src : &pinfo->dst;
	const address *coa = bu ? &pinfo->net_src : &pinfo->net_dst;
	const address *cn = bu ? &pinfo->dst : &pinfo->src;
	struct mw_in6 coa6, cn6;
	const guint8 *hkt, *ckt = NULL;
	uint8_t kbm[20], want[12];
	const struct mw_elem *alt = find_opt(pkt, m, MW_MHO_ALT_COA);
	int st = A_UNKNOWN_KEY;

	if (bad->body_len < 12 || !addr6_of(coa, &coa6) || !addr6_of(cn, &cn6)) {
		show_status(cx, mk_toff(cx->v, bad->off), (int)bad->len,
			    A_UNVERIFIABLE, NULL, false);
		return;
	}
	if (bu && alt && alt->body_len == 16)
		memcpy(coa6.b, pkt->data + alt->body_off, 16);
	if (ni && ni->body_len >= 4) {
		const uint8_t *p = pkt->data + ni->body_off;
		unsigned hi = (unsigned)(p[0] << 8 | p[1]);
		unsigned ci = (unsigned)(p[2] << 8 | p[3]);
		address ca;

		set_address(&ca, AT_IPv6, 16, coa6.b);
		hkt = wmem_map_lookup(tokens, token_key(pinfo, 'h', hoa, cn, hi));
		/* deregistration (lifetime 0, or CoA = HoA): home token only */
		if (!(bu && m->u.mh.u.bu.lifetime == 0) &&
		    !addresses_equal(&ca, hoa))
			ckt = wmem_map_lookup(tokens,
					      token_key(pinfo, 'c', &ca, cn, ci));
		else
			ckt = NULL;
		if (hkt && (ckt || (bu && m->u.mh.u.bu.lifetime == 0) ||
			    addresses_equal(&ca, hoa))) {
			mw_rr_kbm(hkt, ckt, kbm);
			mw_rr_bad_auth(kbm, &coa6, &cn6, pkt->data + m->off,
				       bad->body_off - m->off, want);
			st = memcmp(want, pkt->data + bad->body_off, 12) == 0
				     ? A_GOOD : A_BAD;
		}
	}
	show_status(cx, mk_toff(cx->v, bad->body_off), (int)bad->body_len, st,
		    NULL, false);
}

/* RFC 4285: type, length, subtype, mobility SPI (4), authenticator. */
static void auth_4285(struct mk_msgctx *cx, const struct mw_elem *opt)
{
	const struct mw_packet *pkt = cx->v->pkt;
	const struct mw_msg *m = cx->m;
	packet_info *pinfo = cx->pinfo;
	const struct mw_keys *k = current_keys();
	bool from_mn = m->code != MW_MH_BA;
	const address *hoa = from_mn ? &pinfo->src : &pinfo->dst;
	const address *coa = from_mn ? &pinfo->net_src : &pinfo->net_dst;
	struct mw_sa_query q;
	const struct mw_sa *sa = NULL;
	struct mw_in6 hoa6, coa6;
	uint32_t spi_off = opt->off + 3;
	uint8_t want[12];
	int st;

	if (opt->len < 3 + 4 + 12 || !addr6_of(hoa, &hoa6) ||
	    !addr6_of(coa, &coa6)) {
		show_status(cx, mk_toff(cx->v, opt->off), (int)opt->len,
			    A_UNVERIFIABLE, NULL, false);
		return;
	}
	memset(&q, 0, sizeof(q));
	q.kind = MW_SA_MH_AUTH;
	q.has_spi = true;
	q.spi = mw_load_be32(pkt->data + spi_off);
	q.has_hoa6 = true;
	q.hoa6 = hoa6;
	if (!k) {
		st = A_NOKEYS;
	} else if (!(sa = mw_keys_find(k, &q))) {
		st = A_UNKNOWN_KEY;
	} else {
		mw_mh_auth_4285(sa->key, sa->key_len, &coa6, &hoa6,
				pkt->data + m->off, spi_off + 4 - m->off, want);
		st = memcmp(want, pkt->data + spi_off + 4, 12) == 0 ? A_GOOD
								    : A_BAD;
	}
	show_status(cx, mk_toff(cx->v, spi_off + 4), (int)(opt->off + opt->len -
		    spi_off - 4), st, sa, k != NULL);
}

void mk_auth_msg(struct mk_msgctx *cx)
{
	const struct mw_msg *m = cx->m;
	const struct mw_elem *e;

	if (m->kind == MW_MSG_MIP4) {
		mip4_auth(cx);
		return;
	}
	if (m->kind != MW_MSG_MH)
		return;
	if (m->code == MW_MH_HOT || m->code == MW_MH_COT)
		record_token(cx);
	if ((m->code == MW_MH_BU || m->code == MW_MH_BA) &&
	    (e = find_opt(cx->v->pkt, m, MW_MHO_BAD)))
		bad_auth(cx, e);
	if ((e = find_opt(cx->v->pkt, m, 16)))
		auth_4285(cx, e);
}

void mk_mh_csum(struct mk_msgctx *cx)
{
	const struct mw_packet *pkt = cx->v->pkt;
	const struct mw_msg *m = cx->m;
	const struct mw_mh *h = &m->u.mh;
	packet_info *pinfo = cx->pinfo;
	struct mw_in6 src, dst;
	bool have = false, full = m->off + h->msg_len <= pkt->caplen &&
				  h->msg_len >= 6;
	int st = h->csum_ok == 1 ? CS_GOOD : h->csum_ok == 0 ? CS_BAD
							       : CS_UNVERIFIED;
	uint16_t calc = 0;
	proto_item *ti;

	if (!full || cx->mh_old)
		return;
	if (cx->v->whole_frame)
		have = mw_mh_pseudo_addrs(pkt, cx->msg, &src, &dst);
	else
		/* decoded alone: Wireshark's addresses already carry the
		 * Home Address option / type 2 routing header rewrites,
		 * which are the pseudo-header's addresses */
		have = addr6_of(&pinfo->src, &src) && addr6_of(&pinfo->dst, &dst);
	if (have) {
		calc = mw_mh_checksum(&src, &dst, pkt->data + m->off, h->msg_len);
		if (st == CS_UNVERIFIED)
			st = calc == h->csum ? CS_GOOD : CS_BAD;
	}
	ti = proto_tree_add_uint(cx->tree, hf_csum_status, cx->v->tvb,
				 mk_toff(cx->v, m->off + 4), 2, (guint32)st);
	proto_item_set_generated(ti);
	if (st == CS_BAD)
		expert_add_info_format(pinfo, ti, &ei_csum_bad,
			"Bad MH checksum 0x%04x (should be 0x%04x)", h->csum,
			calc);
	if (have)
		proto_item_set_generated(proto_tree_add_uint(cx->tree,
			hf_csum_calc, cx->v->tvb, mk_toff(cx->v, m->off + 4), 2,
			calc));
}

void mk_auth_register(module_t *prefs)
{
	static hf_register_info hf[] = {
		{ &hf_auth_status, { "Authenticator status", "mipkit.auth.status",
		  FT_UINT8, BASE_DEC, VALS(auth_status_vals), 0, NULL, HFILL } },
		{ &hf_auth_sa, { "Security association", "mipkit.auth.sa",
		  FT_STRING, BASE_NONE, NULL, 0,
		  "The keys-file group used (never the key)", HFILL } },
		{ &hf_csum_status, { "MH checksum status", "mipkit.mh.csum.status",
		  FT_UINT8, BASE_DEC, VALS(csum_status_vals), 0, NULL, HFILL } },
		{ &hf_csum_calc, { "Calculated MH checksum",
		  "mipkit.mh.csum.calculated", FT_UINT16, BASE_HEX, NULL, 0,
		  "Over the RFC 6275 6.1.1 pseudo-header (HoA / type 2 RH address)",
		  HFILL } },
	};
	static ei_register_info ei[] = {
		{ &ei_auth_bad, { "mipkit.auth.bad", PI_CHECKSUM, PI_ERROR,
		  "Authenticator does not verify (with the keys-file SA, or for Binding "
		  "Authorization Data with the captured keygen tokens)",
		  EXPFILL } },
		{ &ei_auth_nokey, { "mipkit.auth.unknown_key", PI_SECURITY, PI_NOTE,
		  "No security association in the keys file for this authenticator",
		  EXPFILL } },
		{ &ei_csum_bad, { "mipkit.mh.csum.bad", PI_CHECKSUM, PI_ERROR,
		  "Bad MH checksum", EXPFILL } },
	};

	proto_register_field_array(proto_mipkit, hf, array_length(hf));
	expert_register_field_array(mk_expert_module(), ei, array_length(ei));
	prefs_register_filename_preference(prefs, "keys_file", "Keys file",
		"Security associations for verifying authenticators, in the "
		"mipconform --keys format (see docs/dissector.md)",
		&pref_keys_file, FALSE);
	tokens = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(),
					g_str_hash, g_str_equal);
}

const struct mw_keys *mk_auth_keys(void);
const struct mw_keys *mk_auth_keys(void)
{
	return current_keys();
}
