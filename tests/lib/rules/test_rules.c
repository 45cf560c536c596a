/* CUnit tests of the rule catalogue and the per-packet checks. */
#include <ctype.h>
#include <string.h>

#include <CUnit/Basic.h>

#include <mipwire/mipwire.h>

#include "internal.h"

/* ---- catalogue ---- */

static void test_catalogue_shape(void)
{
	size_t n = mw_rule_count();
	CU_ASSERT(n >= 120);
	CU_ASSERT_PTR_NULL(mw_rule_at(n));
	for (size_t i = 0; i < n; i++) {
		const struct mw_rule *r = mw_rule_at(i);
		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		CU_ASSERT(mw_rule_index(r) == i);
		/* id: upper case, digits, dashes; unique; found by lookup */
		for (const char *p = r->id; *p; p++)
			CU_ASSERT(isupper((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-');
		CU_ASSERT(mw_rule_find(r->id) == r);
		for (size_t k = i + 1; k < n; k++)
			CU_ASSERT(strcmp(r->id, mw_rule_at(k)->id) != 0);
		CU_ASSERT(r->level >= MW_LEVEL_INFO && r->level <= MW_LEVEL_ERROR);
		CU_ASSERT(r->roles != 0 && r->roles < (1u << MW_ROLE__COUNT));
		/* exactly one of per-packet / stateful */
		CU_ASSERT(!!(r->needs & MW_NEEDS_PACKET) + !!(r->needs & MW_NEEDS_STATE) == 1);
		CU_ASSERT(!(r->needs & MW_NEEDS_KEYS) || (r->needs & MW_NEEDS_PACKET));
		CU_ASSERT(strlen(r->summary) > 10 && strlen(r->summary) < 120);
		CU_ASSERT(strlen(r->section) > 0 && isdigit((unsigned char)r->section[0]));
		static const char *const rfcs[] = { "RFC 5944", "RFC 6275", "RFC 3024",
						    "RFC 3519", "RFC 3963", "RFC 5213" };
		bool ok = false;
		for (size_t k = 0; k < sizeof rfcs / sizeof rfcs[0]; k++)
			ok |= strcmp(r->rfc, rfcs[k]) == 0;
		CU_ASSERT(ok);
	}
}

static void test_catalogue_lookup(void)
{
	const struct mw_rule *r = mw_rule_find("MIP4-RRQ-AUTH-PRESENT");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->rfc, "RFC 5944");
	CU_ASSERT_STRING_EQUAL(r->section, "3.3");
	CU_ASSERT_EQUAL(r->level, MW_LEVEL_ERROR);
	CU_ASSERT(r->roles & MW_ROLE_MN);
	CU_ASSERT_PTR_NULL(mw_rule_find("NO-SUCH-RULE"));
	CU_ASSERT_PTR_NULL(mw_rule_find(NULL));
	CU_ASSERT_PTR_NULL(mw_rule_find("mip4-rrq-auth-present"));
}

static void test_levels_roles(void)
{
	CU_ASSERT_STRING_EQUAL(mw_level_str(MW_LEVEL_ERROR), "error");
	CU_ASSERT_EQUAL(mw_level_parse("warning"), MW_LEVEL_WARNING);
	CU_ASSERT_EQUAL(mw_level_parse("INFO"), MW_LEVEL_INFO);
	CU_ASSERT_EQUAL(mw_level_parse("loud"), 0);
	CU_ASSERT_EQUAL(mw_role_parse("fa"), MW_ROLE_FA);
	CU_ASSERT_EQUAL(mw_role_parse("LMA"), MW_ROLE_LMA);
	CU_ASSERT_EQUAL(mw_role_parse("XX"), 0u);
	char buf[32];
	mw_roles_format(MW_ROLE_MN | MW_ROLE_HA | MW_ROLE_MAG, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "MN,HA,MAG");
	mw_roles_format(MW_ROLE_MN | MW_ROLE_HA, buf, 3); /* truncates safely */
	CU_ASSERT_STRING_EQUAL(buf, "MN");
	CU_ASSERT_STRING_EQUAL(mw_role_str(MW_ROLE_CN), "CN");
}

/* ---- per-packet checks ---- */

#define MW_RULE_TALLY 256

struct seen {
	char id[64];
	bool pass;
	int n;
};

struct col {
	struct seen s[128];
	int n;
};

static void collect(void *ctx, const struct mw_finding *f)
{
	struct col *c = ctx;
	CU_ASSERT_PTR_NOT_NULL(f->rule);
	CU_ASSERT(f->pass ? f->detail[0] == 0 : f->detail[0] != 0);
	if (c->n < 128) {
		snprintf(c->s[c->n].id, sizeof c->s[c->n].id, "%s", f->rule->id);
		c->s[c->n++].pass = f->pass;
	}
}

/* 1 = a pass, 0 = a failure, -1 = no finding of this rule */
static int verdict(const struct col *c, const char *id)
{
	int v = -1;
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->s[i].id, id))
			v = c->s[i].pass ? (v == 0 ? 0 : 1) : 0;
	return v;
}

static size_t rrq_frame(uint8_t *buf, size_t cap, bool auth, uint8_t ttl,
			uint8_t flags)
{
	struct mw_wbuf w;
	struct mw_ip4_spec ip = { .src = mw_ip4_addr(10, 1, 0, 5),
				  .dst = mw_ip4_addr(192, 0, 2, 1), .ttl = ttl };
	struct mw_ipctx c;
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec x[1];
	memset(x, 0, sizeof x);
	m.u.rrq.flags = flags;
	m.u.rrq.lifetime = 300;
	m.u.rrq.hoa = mw_ip4_addr(10, 1, 0, 5);
	m.u.rrq.ha = mw_ip4_addr(10, 1, 0, 1);
	m.u.rrq.coa = mw_ip4_addr(192, 0, 2, 1);
	m.u.rrq.ident = 42;
	mw_mip4_spec_auth(&x[0], 32, 256, MW_AUTH_HMAC_MD5,
			  (const uint8_t *)"0123456789abcdef", 16);
	mw_wbuf_init(&w, buf, cap);
	mw_ip4_begin(&w, &ip, 17, &c);
	size_t u = mw_udp_begin(&w, 4000, 434);
	mw_mip4_build(&w, &m, x, auth ? 1 : 0);
	mw_udp_end(&w, u, &c, MW_CSUM_COMPUTE);
	mw_ip4_end(&w, &c, &ip);
	return w.len;
}

static void run_checks(const uint8_t *buf, size_t len, uint32_t caplen, struct col *c)
{
	static struct mw_packet pkt;
	memset(c, 0, sizeof *c);
	mw_decode(&pkt, MW_LINK_RAW, buf, caplen, (uint32_t)len, NULL);
	mw_check_packet(&pkt, collect, c);
}

static void test_rrq_auth(void)
{
	uint8_t buf[256];
	struct col c;
	size_t n = rrq_frame(buf, sizeof buf, true, 255, MW_RRQ_T);
	run_checks(buf, n, (uint32_t)n, &c);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RRQ-AUTH-PRESENT"), 1);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RT-TTL"), 1);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-REG-CSUM-VALID"), 1);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RRQ-RESERVED"), 1);
	/* the keyed rule is not evaluated without keys */
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-REG-AUTH-MNHA"), -1);

	n = rrq_frame(buf, sizeof buf, false, 64, MW_RRQ_T | MW_RRQ_r);
	run_checks(buf, n, (uint32_t)n, &c);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RRQ-AUTH-PRESENT"), 0);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RT-TTL"), 0);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RRQ-RESERVED"), 0);
}

struct unjudged_col {
	int pass, fail, unjudged;
	char detail[128];
	int elem;
};

static void collect_auth(void *ctx, const struct mw_finding *f)
{
	struct unjudged_col *u = ctx;
	if (strcmp(f->rule->id, "MIP4-REG-AUTH-MNHA") != 0)
		return;
	if (f->unjudged) {
		CU_ASSERT_FALSE(f->pass);
		u->unjudged++;
		u->elem = f->elem;
		snprintf(u->detail, sizeof u->detail, "%s", f->detail);
	} else if (f->pass) {
		u->pass++;
	} else {
		u->fail++;
	}
}

/* With keys, an authenticator no SA matches is reported as unjudged
 * (its SPI in detail): not a pass, not a failure, not silence. */
static void test_auth_unjudged(void)
{
	static struct mw_packet pkt;
	uint8_t buf[256];
	char err[256];
	size_t n = rrq_frame(buf, sizeof buf, true, 255, MW_RRQ_T);
	static const char other_text[] =
		"[x]\nkind = mn-ha\nspi = 9999\nkey = text:0123456789abcdef\n";
	static const char right_text[] =
		"[x]\nkind = mn-ha\nspi = 256\nkey = text:0123456789abcdef\n";
	struct mw_keys *other = mw_keys_parse(other_text, strlen(other_text),
					      "t.keys", err, sizeof err);
	struct mw_keys *right = mw_keys_parse(right_text, strlen(right_text),
					      "t.keys", err, sizeof err);
	struct unjudged_col u = { 0 };
	CU_ASSERT_PTR_NOT_NULL_FATAL(other);
	CU_ASSERT_PTR_NOT_NULL_FATAL(right);
	mw_decode(&pkt, MW_LINK_RAW, buf, (uint32_t)n, (uint32_t)n, NULL);
	mw_check_packet_keys(&pkt, other, collect_auth, &u);
	CU_ASSERT_EQUAL(u.unjudged, 1);
	CU_ASSERT_EQUAL(u.pass + u.fail, 0);
	CU_ASSERT_STRING_EQUAL(u.detail, "SPI 256");
	CU_ASSERT(u.elem >= 0);
	memset(&u, 0, sizeof u);
	mw_check_packet_mask(&pkt, other, collect_auth, NULL, &u);
	CU_ASSERT_EQUAL(u.unjudged, 1);
	memset(&u, 0, sizeof u);
	mw_check_packet_keys(&pkt, right, collect_auth, &u);
	CU_ASSERT_EQUAL(u.pass, 1);
	CU_ASSERT_EQUAL(u.unjudged + u.fail, 0);
	mw_keys_free(other);
	mw_keys_free(right);
}

static void test_truncated_is_not_a_violation(void)
{
	uint8_t buf[256];
	struct col c;
	size_t n = rrq_frame(buf, sizeof buf, true, 255, 0);
	/* cut inside the MN-HA authentication extension */
	run_checks(buf, n, (uint32_t)n - 6, &c);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RRQ-AUTH-PRESENT") != 0, true);
	CU_ASSERT_NOT_EQUAL(verdict(&c, "MIP4-REG-WELLFORMED"), 0);
	/* cut before the extensions: absence cannot be judged */
	run_checks(buf, n, 20 + 8 + 24, &c);
	CU_ASSERT_EQUAL(verdict(&c, "MIP4-RRQ-AUTH-PRESENT"), -1);
	for (int i = 0; i < c.n; i++)
		CU_ASSERT(c.s[i].pass);
}

/* Into buf: a home registration BU from 2001:db8:2::5 (Home Address
 * option 2001:db8:1::5) to its HA with n_altcoa Alternate Care-of Address
 * options, or the BA back (type 2 routing header, no option); its length. */
static size_t mh_frame(uint8_t *buf, size_t cap, uint8_t type, unsigned n_altcoa)
{
	struct mw_wbuf w;
	struct mw_in6 coa, ha, hoa;
	mw_in6_parse("2001:db8:2::5", &coa);
	mw_in6_parse("2001:db8:1::1", &ha);
	mw_in6_parse("2001:db8:1::5", &hoa);
	struct mw_ip6_spec ip = { .src = coa, .dst = ha };
	struct mw_ipctx c;
	struct mw_mh mh;
	mw_mh_init(&mh, type);
	struct mw_mh_opt_spec o[2] = { { .type = 3, .data = coa.b, .len = 16 },
				       { .type = 3, .data = coa.b, .len = 16 } };
	struct mw_mh_build_spec s = { .mh = &mh, .opts = o, .align = true,
				      .pad_to_8 = true };
	CU_ASSERT_FATAL(n_altcoa <= 2);
	if (type == MW_MH_BU) {
		ip.hao = &hoa;
		mh.u.bu.seq = 1;
		mh.u.bu.flags = MW_BU_H | MW_BU_A;
		mh.u.bu.lifetime = 10;
		s.n_opts = n_altcoa;
	} else {
		ip.rh2 = &hoa;
		mh.u.ba.seq = 1;
		mh.u.ba.lifetime = 10;
	}
	mw_wbuf_init(&w, buf, cap);
	mw_ip6_begin(&w, &ip, 135, &c);
	s.csum_src = &c.src6;
	s.csum_dst = &c.dst6;
	mw_mh_build(&w, &s);
	mw_ip6_end(&w, &c, &ip);
	CU_ASSERT_FATAL(!w.overflow);
	return w.len;
}

static void test_mh_checks(void)
{
	uint8_t buf[256];
	size_t n = mh_frame(buf, sizeof buf, MW_MH_BU, 1);
	struct col col;
	run_checks(buf, n, (uint32_t)n, &col);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-MH-CHECKSUM"), 1);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-BU-HOME-HAO"), 1);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-BU-HOME-ALTCOA"), 1);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-HAO-UNICAST"), 1);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-HAO-ALIGN"), 1);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-BU-CN-NONCE"), -1);
	/* flip a byte of the MH: checksum wrong */
	buf[n - 1] ^= 0x55;
	run_checks(buf, n, (uint32_t)n, &col);
	CU_ASSERT_EQUAL(verdict(&col, "MIP6-MH-CHECKSUM"), 0);
}

/* mw_check_packet_mask delivers the same findings as mw_check_packet:
 * failures one by one, passes once per (rule, group) in the set and any
 * further pass of the rule in the group one by one. */
struct tally {
	unsigned pass[MW_RULE_TALLY], fail[MW_RULE_TALLY];
	unsigned sets;
};

static void tally_one(void *ctx, const struct mw_finding *f)
{
	struct tally *t = ctx;
	size_t i = mw_rule_index(f->rule);
	if (i < MW_RULE_TALLY)
		(f->pass ? t->pass : t->fail)[i]++;
}

static void tally_set(void *ctx, const struct mw_pass_set *s)
{
	struct tally *t = ctx;
	CU_ASSERT_EQUAL(s->nwords, (mw_rule_count() + 63) / 64);
	t->sets++;
	for (size_t i = 0; i < mw_rule_count() && i < MW_RULE_TALLY; i++)
		if (s->bits[i / 64] >> (i % 64) & 1)
			t->pass[i]++;
}

static void same_findings(const uint8_t *buf, size_t len, uint32_t caplen)
{
	static struct mw_packet pkt;
	static struct tally a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	mw_decode(&pkt, MW_LINK_RAW, buf, caplen, (uint32_t)len, NULL);
	mw_check_packet(&pkt, tally_one, &a);
	mw_check_packet_mask(&pkt, NULL, tally_one, tally_set, &b);
	CU_ASSERT(memcmp(a.pass, b.pass, sizeof a.pass) == 0);
	CU_ASSERT(memcmp(a.fail, b.fail, sizeof a.fail) == 0);
	/* a frame cut short: no sets, every pass through emit */
	CU_ASSERT(caplen < len ? b.sets == 0 : b.sets >= 1);
	/* passes = NULL: exactly mw_check_packet_keys */
	memset(&b, 0, sizeof b);
	mw_check_packet_mask(&pkt, NULL, tally_one, NULL, &b);
	CU_ASSERT(memcmp(a.pass, b.pass, sizeof a.pass) == 0 && b.sets == 0);
}

static void test_pass_sets(void)
{
	uint8_t buf[256];
	CU_ASSERT(mw_rule_count() <= MW_RULE_TALLY);
	size_t n = rrq_frame(buf, sizeof buf, true, 255, MW_RRQ_T);
	same_findings(buf, n, (uint32_t)n);
	n = rrq_frame(buf, sizeof buf, false, 64, MW_RRQ_T | MW_RRQ_r);
	same_findings(buf, n, (uint32_t)n);
	n = rrq_frame(buf, sizeof buf, true, 255, 0);
	same_findings(buf, n, (uint32_t)n - 6);

	/* a BU with a Home Address option (passes not bound to a message)
	 * and two options of one rule (a second pass in the group) */
	n = mh_frame(buf, sizeof buf, MW_MH_BU, 2);
	same_findings(buf, n, (uint32_t)n);
	buf[n - 1] ^= 0x55;
	same_findings(buf, n, (uint32_t)n);
}

/* ---- mask and single findings, on mutated frames ---- */

/* A finding as recorded for comparison (passes and failures alike). */
struct rec {
	size_t rule;
	int msg, elem;
	uint32_t off, len;
	bool pass;
	char detail[128];
};

struct recs {
	struct rec r[256];
	int n;
	unsigned pass[MW_RULE_TALLY]; /* passes, single and in sets */
	unsigned sets;
	/* of each message: one by one, its first pass's offset; in bulk,
	 * its set's offset (+ 1; 0: none) */
	uint64_t first[MW_MAX_MSGS];
	bool bulk;
	bool cut;     /* a frame cut short: in bulk too, passes one by one */
	/* in bulk: the sets in order (message, offset, first rules) */
	struct { int msg; uint32_t off; uint64_t w[4]; } set[16];
};

static void rec_one(void *ctx, const struct mw_finding *f)
{
	struct recs *t = ctx;
	size_t i = mw_rule_index(f->rule);
	if (f->unjudged)   /* keys without a matching SA: their own finding */
		return;
	if (f->pass && i < MW_RULE_TALLY)
		t->pass[i]++;
	if (f->pass && (!t->bulk || t->cut) && f->msg >= 0 && f->msg < MW_MAX_MSGS &&
	    !t->first[f->msg])
		t->first[f->msg] = f->offset + 1ull;
	if (f->pass || t->n >= 256)
		return;
	t->r[t->n++] = (struct rec){ .rule = i, .msg = f->msg, .elem = f->elem,
				     .off = f->offset, .len = f->len };
	snprintf(t->r[t->n - 1].detail, sizeof t->r[0].detail, "%s", f->detail);
}

static void rec_set(void *ctx, const struct mw_pass_set *s)
{
	struct recs *t = ctx;
	if (t->sets < 16) {
		t->set[t->sets].msg = s->msg;
		t->set[t->sets].off = s->offset;
		for (unsigned w = 0; w < s->nwords && w < 4; w++)
			t->set[t->sets].w[w] = s->bits[w];
	}
	t->sets++;
	if (s->msg >= 0 && s->msg < MW_MAX_MSGS && !t->first[s->msg])
		t->first[s->msg] = s->offset + 1ull;
	for (size_t i = 0; i < mw_rule_count() && i < MW_RULE_TALLY; i++)
		if (s->bits[i / 64] >> (i % 64) & 1)
			t->pass[i]++;
}

static void same_recs(const struct recs *a, const struct recs *b)
{
	CU_ASSERT_EQUAL(a->n, b->n);
	CU_ASSERT(memcmp(a->r, b->r, sizeof a->r) == 0);
	CU_ASSERT(memcmp(a->pass, b->pass, sizeof a->pass) == 0);
	CU_ASSERT(memcmp(a->first, b->first, sizeof a->first) == 0);
}

/* The checks in bulk (mw_check_packet_mask) against one by one: the same
 * failures in the same order, the same number of passes of each rule;
 * in bulk also without the registrations' facts and shapes the decoder
 * gives (mw_msg.reg_facts, mw_msg.shape: the rules then work them out),
 * and with keys that hold
 * no SA (no finding of their own, but a lone registration's cached
 * outcome then joins its group in the message loop instead of being
 * handed over straight from the table). */
static void same_on_opts(const uint8_t *buf, uint32_t caplen, uint32_t len,
			 const struct mw_decode_opts *opts)
{
	static struct mw_packet pkt, bare;
	static struct recs a, b;
	static struct recs c;
	static const struct mw_keys no_sa = { .sa = NULL, .n = 0 };
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	memset(&c, 0, sizeof c);
	b.bulk = c.bulk = true;
	mw_decode(&pkt, MW_LINK_RAW, buf, caplen, len, opts);
	b.cut = c.cut = caplen < len || pkt.diag.status == MW_E_TRUNC;
	mw_check_packet(&pkt, rec_one, &a);
	mw_check_packet_mask(&pkt, NULL, rec_one, rec_set, &b);
	same_recs(&a, &b);
	mw_check_packet_mask(&pkt, &no_sa, rec_one, rec_set, &c);
	same_recs(&a, &c);
	/* the sets themselves, also those of no message (their offsets
	 * locate a node) */
	CU_ASSERT_EQUAL(b.sets, c.sets);
	CU_ASSERT(memcmp(b.set, c.set, sizeof b.set) == 0);
	/* without the decoder's registration facts, then also without its
	 * shapes: the rules work them out */
	bare = pkt;
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < bare.n_msgs; i++) {
			bare.msgs[i].reg_facts = 0;
			if (k)
				bare.msgs[i].shape = 0;
		}
		memset(&b, 0, sizeof b);
		b.bulk = true;
		b.cut = c.cut;
		mw_check_packet_mask(&bare, NULL, rec_one, rec_set, &b);
		same_recs(&a, &b);
	}
}

/* same_on_opts() with the checksums verified, then not (their verdict is
 * part of the cached outcomes' keys). */
static void same_on(const uint8_t *buf, uint32_t caplen, uint32_t len)
{
	static const struct mw_decode_opts unverified = {
		.mip4_ports = { MW_MIP4_PORT, 0 },
		.pmip6_udp_port = MW_PMIP6_UDP_PORT, .no_checksums = true,
	};
	same_on_opts(buf, caplen, len, NULL);
	same_on_opts(buf, caplen, len, &unverified);
}

/* ---- the cached outcomes are taken ---- */

/* Takes from each outcome cache (mwi_outcome_hits()). */
struct hits {
	unsigned long n[MWI_OC__COUNT];
};

/* The takes from each cache during one same_on() of the frame. */
static struct hits same_on_hits(const uint8_t *buf, uint32_t len)
{
	struct hits h;
	for (int c = 0; c < MWI_OC__COUNT; c++)
		h.n[c] = mwi_outcome_hits((enum mwi_outcome_cache)c);
	same_on(buf, len, len);
	for (int c = 0; c < MWI_OC__COUNT; c++)
		h.n[c] = mwi_outcome_hits((enum mwi_outcome_cache)c) - h.n[c];
	return h;
}

/* same_on() of a frame that passes every check, twice after every
 * outcome is forgotten: the takes of the first and the second time are
 * `first` and `second`. Each same_on() checks the frame
 * in bulk four times with its checksums verified and four times not
 * (same_on_opts(): NULL keys, keys without SA, no facts, no facts nor
 * shapes); all but the first of each kind find what the first kept. */
static void taken_on(const uint8_t *buf, size_t len, const struct hits *first,
		     const struct hits *second)
{
	mwi_outcomes_forget();
	struct hits a = same_on_hits(buf, (uint32_t)len);
	struct hits b = same_on_hits(buf, (uint32_t)len);
	for (int c = 0; c < MWI_OC__COUNT; c++) {
		CU_ASSERT_EQUAL(a.n[c], first->n[c]);
		CU_ASSERT_EQUAL(b.n[c], second->n[c]);
	}
}

/* Variants of a registration, one for each fact the checks of a
 * registration read beyond its extensions (the cached outcomes of
 * check_mip4.c are keyed on them). */
enum { V_PLAIN, V_COLOC, V_RT, V_ALL_AGENTS, V_NO_HOA, V_DEREG, V_FA_DENIAL,
       V_CODE_UNKNOWN, V_HA_GROUP, V_FLAGS_RESERVED, V_HA_GROUP_ONLY,
       V_SRC_GROUP_ONLY, V_AUTH_SPI_ONLY, V__COUNT };

/* A registration of the variant; then `value` replaces the reply code, the
 * request's flags or the TTL (value_of), unless negative. */
enum { VAL_NONE, VAL_CODE_FLAGS, VAL_TTL };

static size_t reg_frame_val(uint8_t *buf, size_t cap, uint8_t type, bool fa,
			    int variant, int value_of, int value)
{
	struct mw_wbuf w;
	struct mw_ip4_spec ip = { .src = mw_ip4_addr(10, 1, 0, 5),
				  .dst = mw_ip4_addr(192, 0, 2, 1), .ttl = 64 };
	struct mw_ipctx c;
	struct mw_mip4 m = { .type = type };
	struct mw_mip4_ext_spec x[3];
	size_t n = 0;
	memset(x, 0, sizeof x);
	if (type == MW_MIP4_RRQ) {
		m.u.rrq.lifetime = 300;
		m.u.rrq.hoa = mw_ip4_addr(10, 1, 0, 5);
		m.u.rrq.ha = mw_ip4_addr(10, 1, 0, 1);
		m.u.rrq.coa = mw_ip4_addr(192, 0, 2, 1);
	} else {
		m.u.rrp.lifetime = 300;
		m.u.rrp.hoa = mw_ip4_addr(10, 1, 0, 5);
		m.u.rrp.ha = mw_ip4_addr(10, 1, 0, 1);
	}
	switch (variant) {
	case V_COLOC: /* D set, sent from the care-of address */
		m.u.rrq.flags = MW_RRQ_D;
		ip.src = m.u.rrq.coa = mw_ip4_addr(192, 0, 2, 77);
		break;
	case V_RT: /* T set, from the home address */
		m.u.rrq.flags = MW_RRQ_T;
		ip.ttl = 255;
		break;
	case V_ALL_AGENTS:
		ip.dst = mw_ip4_addr(224, 0, 0, 11);
		ip.ttl = 1;
		ip.src = m.u.rrq.coa;
		break;
	case V_NO_HOA:
		m.u.rrq.hoa = 0;
		ip.src = 0;
		break;
	case V_DEREG:
		m.u.rrq.lifetime = 0;
		m.u.rrp.lifetime = 0;
		break;
	case V_FA_DENIAL:
		m.u.rrp.code = 70;
		m.u.rrq.coa = m.u.rrq.hoa;
		break;
	case V_CODE_UNKNOWN:
		m.u.rrp.code = 200;
		m.u.rrq.flags = MW_RRQ_B | MW_RRQ_S | MW_RRQ_M | MW_RRQ_G;
		break;
	case V_HA_GROUP:
		m.u.rrp.ha = mw_ip4_addr(224, 0, 0, 2);
		ip.src = mw_ip4_addr(239, 1, 1, 1);
		m.u.rrq.coa = 0;
		break;
	case V_FLAGS_RESERVED:
		m.u.rrq.flags = MW_RRQ_r | MW_RRQ_x | MW_RRQ_T;
		ip.src = m.u.rrq.coa;
		break;
	case V_HA_GROUP_ONLY: /* a reply's two unicast facts apart */
		m.u.rrp.ha = mw_ip4_addr(224, 0, 0, 2);
		break;
	case V_SRC_GROUP_ONLY:
		ip.src = mw_ip4_addr(239, 1, 1, 1);
		break;
	default:
		break;
	}
	if (value_of == VAL_CODE_FLAGS) {
		m.u.rrp.code = (uint8_t)value;
		m.u.rrq.flags = (uint8_t)value;
	} else if (value_of == VAL_TTL) {
		ip.ttl = (uint8_t)value;
	}
	mw_mip4_spec_nai(&x[n++], "mn1@example.net");
	mw_mip4_spec_auth(&x[n++], 32, 256, MW_AUTH_HMAC_MD5,
			  (const uint8_t *)"0123456789abcdef", 16);
	if (fa)
		mw_mip4_spec_auth(&x[n++], variant % 2 ? 34 : 33, 257,
				  MW_AUTH_HMAC_MD5,
				  (const uint8_t *)"fedcba9876543210", 16);
	if (variant == V_AUTH_SPI_ONLY) {
		/* MN-HA authentication of an SPI alone (Length 4): a form of
		 * its own (MIP4-REG-AUTH-LEN), decoded by the general path */
		x[1].forced_auth = (const uint8_t *)"";
		x[1].forced_auth_len = 0;
	}
	mw_wbuf_init(&w, buf, cap);
	mw_ip4_begin(&w, &ip, 17, &c);
	size_t u = mw_udp_begin(&w, 434, 434);
	mw_mip4_build(&w, &m, x, n);
	mw_udp_end(&w, u, &c, MW_CSUM_COMPUTE);
	mw_ip4_end(&w, &c, &ip);
	return w.len;
}

static size_t reg_frame(uint8_t *buf, size_t cap, uint8_t type, bool fa,
			int variant)
{
	return reg_frame_val(buf, cap, type, fa, variant, VAL_NONE, 0);
}

/* Checks the frame as it is, then `rounds` mutations of it (bit flips,
 * and every 7th a cut). */
static void same_on_mutations(const uint8_t *frame, size_t len, int rounds,
			      uint32_t *seed)
{
	uint8_t buf[512];
	CU_ASSERT_FATAL(len > 40 && len <= sizeof buf);
	same_on(frame, (uint32_t)len, (uint32_t)len);
	for (int i = 0; i < rounds; i++) {
		uint32_t caplen = (uint32_t)len;
		memcpy(buf, frame, len);
		for (int j = 0; j < 1 + i % 3; j++) {
			*seed = *seed * 1103515245u + 12345u;
			buf[(*seed >> 8) % len] ^= (uint8_t)(1u << (*seed >> 28) % 8);
		}
		if (i % 7 == 0)
			caplen = (uint32_t)((*seed >> 4) % len);
		same_on(buf, caplen, (uint32_t)len);
	}
}

/* Frame buf cut at every length: no failure the whole frame does not
 * give, and none about bytes past the cut. */
static void no_new_failure_when_cut(const uint8_t *buf, size_t n)
{
	static struct col whole, c;
	run_checks(buf, n, (uint32_t)n, &whole);
	for (uint32_t cap = 1; cap < n; cap++) {
		run_checks(buf, n, cap, &c);
		for (int i = 0; i < c.n; i++)
			if (!c.s[i].pass && verdict(&whole, c.s[i].id) != 0) {
				CU_FAIL("a failure only when cut");
				fprintf(stderr, "\n  cut at %u of %zu: %s\n", cap, n, c.s[i].id);
			}
	}
}

/* Fields of a fixed part the capture cut read as zero: a registration
 * cut in its fixed part (Home Address / Home Agent 0), a Binding Ack
 * cut in its type 2 routing header or its status, an option cut in
 * its Length. */
static void test_cut_fields_not_judged(void)
{
	uint8_t buf[256];
	size_t n = rrq_frame(buf, sizeof buf, true, 255, 0);
	no_new_failure_when_cut(buf, n);
	n = rrq_frame(buf, sizeof buf, false, 1, MW_RRQ_D);
	no_new_failure_when_cut(buf, n);
	n = reg_frame(buf, sizeof buf, MW_MIP4_RRP, true, V_PLAIN);
	no_new_failure_when_cut(buf, n);
	for (unsigned k = 0; k <= 2; k++) {
		n = mh_frame(buf, sizeof buf, MW_MH_BU, k);
		no_new_failure_when_cut(buf, n);
	}
	n = mh_frame(buf, sizeof buf, MW_MH_BA, 0);
	no_new_failure_when_cut(buf, n);
}

static void test_mask_mutated(void)
{
	uint8_t frame[512];
	uint32_t seed = 1;
	for (int k = 0; k < 6; k++) {
		size_t len = k < 4 ? reg_frame(frame, sizeof frame,
					       k % 2 ? MW_MIP4_RRP : MW_MIP4_RRQ,
					       k >= 2, V_PLAIN)
				   : mh_frame(frame, sizeof frame,
					      k == 4 ? MW_MH_BU : MW_MH_BA, 1);
		same_on_mutations(frame, len, 3000, &seed);
	}
}

/* Registrations of every variant, each checked twice (the second time
 * from the cached outcomes), and mutated: the same findings in bulk. */
static void test_mask_registrations(void)
{
	uint8_t frame[512];
	uint32_t seed = 7;
	/* clean registrations: the trial of the first check in bulk takes
	 * the form's rules, the later checks the registration's outcome (with
	 * MN-FA or FA-HA authentication the Length rule passes twice: no
	 * outcome is kept) */
	for (int k = 0; k < 4; k++) {
		static const struct hits
			first = { .n = { [MWI_OC_FORM] = 2, [MWI_OC_REG] = 6 } },
			second = { .n = { [MWI_OC_REG] = 8 } };
		size_t len = reg_frame(frame, sizeof frame,
				       k % 2 ? MW_MIP4_RRP : MW_MIP4_RRQ, false,
				       k < 2 ? V_PLAIN : V_RT);
		taken_on(frame, len, &first, &second);
	}
	for (int round = 0; round < 2; round++)
		for (int v = 0; v < V__COUNT; v++)
			for (int k = 0; k < 4; k++) {
				size_t len = reg_frame(frame, sizeof frame,
						       k % 2 ? MW_MIP4_RRP : MW_MIP4_RRQ,
						       k >= 2, v);
				same_on_mutations(frame, len, round ? 300 : 0,
						  &seed);
			}
	/* every reply code, request flags and TTL, in each variant */
	for (int round = 0; round < 2; round++)
		for (int v = 0; v < V__COUNT; v++)
			for (int k = 0; k < 4; k++)
				for (int val = 0; val < 256; val++)
					for (int of = VAL_CODE_FLAGS; of <= VAL_TTL; of++) {
						size_t len = reg_frame_val(
							frame, sizeof frame,
							k % 2 ? MW_MIP4_RRP : MW_MIP4_RRQ,
							k >= 2, v, of, val);
						same_on(frame, (uint32_t)len,
							(uint32_t)len);
					}
}

/* A Mobility Header of a variant, for the cached MH outcomes of
 * check_mip6.c: one for each fact their key holds. */
struct mh_var {
	uint8_t type;
	uint16_t flags;          /* BU flags; BA: flags */
	uint8_t status;          /* BA, BE */
	uint16_t lifetime;
	bool hao, rh2, bad_csum, src_linklocal, no_align;
	bool reserved_nz;        /* BRR, HoTI, CoTI, BE: Reserved not zero */
	bool dst_group;          /* sent to a multicast address */
	int layout;              /* index into mh_layouts */
};

enum { L_NONE, L_ALTCOA, L_NI, L_BAD, L_NI_BAD, L_ALTCOA_NI_BAD, L_BRA,
       L_BRA_LONG, L_PADN_NONZERO, L_PADN3, L_MNP, L_ALTCOA_GROUP,
       L_ALTCOA_SHORT, L_NI_NI, L_BAD_PADN, L_PAD1, L_NI_LONG, L_BAD_SHORT,
       L__COUNT };

/* A layout differing from l in one length or value only (or l). */
static int mh_layout_partner(int l)
{
	switch (l) {
	case L_NI: return L_NI_LONG;
	case L_BRA: return L_BRA_LONG;
	case L_ALTCOA: return L_ALTCOA_GROUP;
	case L_BAD: return L_BAD_SHORT;
	case L_PADN3: return L_PADN_NONZERO;
	default: return l;
	}
}

static size_t mh_var_frame(uint8_t *buf, size_t cap, const struct mh_var *v)
{
	static const uint8_t zero[16], ni[4] = { 0, 1, 0, 2 },
			     bad[12] = { 1, 2, 3, [11] = 12 }, ni6[6] = { 0, 1 }, padnz[2] = { 0, 7 },
			     bra_short[2] = { 0, 5 }, bra_long[2] = { 0x7f, 0xff },
			     mnp[18] = { 0, 48, 0x20, 0x01, 0x0d, 0xb8 };
	struct mw_wbuf w;
	struct mw_in6 coa, ha, hoa, grp;
	mw_in6_parse("2001:db8:2::5", &coa);
	mw_in6_parse("2001:db8:1::1", &ha);
	mw_in6_parse("2001:db8:1::5", &hoa);
	mw_in6_parse("ff02::1", &grp);
	struct mw_ip6_spec ip = { .src = coa, .dst = ha };
	if (v->dst_group)
		mw_in6_parse("ff02::1", &ip.dst);
	if (v->src_linklocal)
		mw_in6_parse("fe80::5", &ip.src);
	if (v->hao)
		ip.hao = &hoa;
	if (v->rh2)
		ip.rh2 = &hoa;
	struct mw_mh_opt_spec o[3];
	size_t n = 0;
	memset(o, 0, sizeof o);
#define OPT(t, d, l) (o[n++] = (struct mw_mh_opt_spec){ .type = (t), .data = (d), .len = (l) })
	switch (v->layout) {
	case L_ALTCOA: OPT(3, coa.b, 16); break;
	case L_NI: OPT(4, ni, 4); break;
	case L_BAD: OPT(5, bad, 12); break;
	case L_NI_BAD: OPT(4, ni, 4); OPT(5, bad, 12); break;
	case L_ALTCOA_NI_BAD: OPT(3, coa.b, 16); OPT(4, ni, 4); OPT(5, bad, 12); break;
	case L_BRA: OPT(2, bra_short, 2); break;
	case L_BRA_LONG: OPT(2, bra_long, 2); break;
	case L_PADN_NONZERO: OPT(1, padnz, 2); OPT(3, coa.b, 16); break;
	case L_PADN3: OPT(1, zero, 3); OPT(3, coa.b, 16); break;
	case L_MNP: OPT(6, mnp, 18); break;
	case L_ALTCOA_GROUP: OPT(3, grp.b, 16); break;
	case L_ALTCOA_SHORT: OPT(3, coa.b, 12); break;
	case L_NI_NI: OPT(4, ni, 4); OPT(4, ni, 4); break;
	case L_BAD_PADN: OPT(5, bad, 12); OPT(1, zero, 2); break;
	case L_PAD1: OPT(0, NULL, 0); OPT(4, ni, 4); break;
	case L_NI_LONG: OPT(4, ni6, 6); break;
	case L_BAD_SHORT: /* Length one short: a byte left after it */
		OPT(5, bad, 12);
		o[0].set_len = true;
		o[0].len_field = 11;
		break;
	default: break;
	}
#undef OPT
	struct mw_ipctx c;
	struct mw_mh mh;
	mw_mh_init(&mh, v->type);
	struct mw_mh_build_spec s = { .mh = &mh, .opts = o, .n_opts = n,
				      .align = !v->no_align, .pad_to_8 = true };
	if (v->type == MW_MH_BU) {
		mh.u.bu.seq = 1;
		mh.u.bu.flags = v->flags;
		mh.u.bu.lifetime = v->lifetime;
	} else if (v->type == MW_MH_BA) {
		mh.u.ba.seq = 1;
		mh.u.ba.flags = (uint8_t)v->flags;
		mh.u.ba.status = v->status;
		mh.u.ba.lifetime = v->lifetime;
	} else if (v->type == MW_MH_BE) {
		mh.u.be.status = v->status;
		mh.u.be.hoa = hoa;
	}
	/* the fixed part as bytes, Reserved (its second byte) not zero */
	uint8_t fixed[18] = { v->status, 1 };
	if (v->reserved_nz && v->type == MW_MH_BE) {
		memcpy(fixed + 2, hoa.b, 16);
		s.fixed = fixed;
		s.fixed_len = 18;
	} else if (v->reserved_nz && (v->type == MW_MH_BRR || v->type == MW_MH_HOTI ||
				      v->type == MW_MH_COTI)) {
		fixed[0] = 0;
		s.fixed = fixed;
		s.fixed_len = v->type == MW_MH_BRR ? 2 : 10;
	}
	mw_wbuf_init(&w, buf, cap);
	mw_ip6_begin(&w, &ip, 135, &c);
	s.csum_src = &c.src6;
	s.csum_dst = &c.dst6;
	if (v->bad_csum) {
		s.set_csum = true;
		s.csum = 0x1234;
	}
	mw_mh_build(&w, &s);
	mw_ip6_end(&w, &c, &ip);
	return w.len;
}

/* In same_on() the second check in bulk is served from the cached
 * outcome the first one left; the frame also cut short. */
static void same_on_mh(const struct mh_var *v, bool cut)
{
	uint8_t frame[512];
	size_t len = mh_var_frame(frame, sizeof frame, v);
	CU_ASSERT_FATAL(len > 40);
	same_on(frame, (uint32_t)len, (uint32_t)len);
	if (cut)
		same_on(frame, (uint32_t)len - 1, (uint32_t)len);
}

/* Mobility Headers of every variant: the same findings in bulk. The
 * cached outcomes are forgotten before each run of variants (whose
 * outcomes fit in the table), so that a variant finds those of its
 * neighbours, differing in one fact, there. */
static void test_mask_mh(void)
{
	static const uint16_t bu_flags[] = {
		0, MW_BU_H | MW_BU_A, MW_BU_H, MW_BU_A, MW_BU_K, MW_BU_K | MW_BU_H | MW_BU_A,
		MW_BU_R | MW_BU_H | MW_BU_A, MW_BU_R, MW_BU_P | MW_BU_A, MW_BU_P,
		MW_BU_P | MW_BU_H | MW_BU_A, MW_BU_H | MW_BU_A | 1,
	};
	static const uint8_t types[] = { MW_MH_BU, MW_MH_BA, MW_MH_BE, MW_MH_BRR,
					 MW_MH_HOTI, MW_MH_COTI, MW_MH_HOT, MW_MH_COT };
	/* plain Mobility Header packets, no extension header: each check in
	 * bulk but the first of each checksum verdict (a fact of the key)
	 * takes the MH outcome */
	static const struct hits
		first = { .n = { [MWI_OC_MH] = 6 } },
		second = { .n = { [MWI_OC_MH] = 8 } };
	for (size_t t = 0; t < 2; t++) {
		uint8_t frame[512];
		struct mh_var v = { .type = t ? MW_MH_BRR : MW_MH_HOTI };
		size_t len = mh_var_frame(frame, sizeof frame, &v);
		taken_on(frame, len, &first, &second);
	}
	/* option layouts, HAO / RH2, lifetime 0, bad checksum, a link-local
	 * source, options not aligned, with some flags or statuses */
	for (size_t t = 0; t < sizeof types; t++) {
		size_t nf = t < 2 ? sizeof bu_flags / sizeof bu_flags[0] : 1;
		for (int l = 0; l < L__COUNT; l++)
			for (size_t f = 0; f < nf; f++) {
				mwi_outcomes_forget();
				for (unsigned bits = 0; bits < 512; bits++) {
					struct mh_var v = {
						.type = types[t],
						.layout = bits % 2 ? mh_layout_partner(l) : l,
						.flags = types[t] == MW_MH_BU ? bu_flags[f]
									: (uint16_t)(f * 0x20),
						.status = types[t] == MW_MH_BE ? 1
								: (uint8_t)(f * 23),
						.lifetime = bits & 2 ? 0 : 10,
						.hao = bits & 256, .rh2 = bits & 4,
						.bad_csum = bits & 8,
						.src_linklocal = bits & 16,
						.no_align = bits & 32,
						.reserved_nz = bits & 64,
						.dst_group = bits & 128,
					};
					same_on_mh(&v, bits % 3 == 1);
				}
			}
	}
	/* every combination of the BU flags A..B and each reserved one, with
	 * lifetime 0 or not; every BA flag and status, every BE status */
	for (unsigned x = 0; x < 1024 + 2 * 6; x++) {
		if (x % 128 == 0 || x >= 1024)
			mwi_outcomes_forget();
		for (unsigned lt = 0; lt < 2; lt++) {
			/* x >= 1024: a reserved flag, after the same BU without it */
			uint16_t f = (uint16_t)(x < 1024 ? x << 6 : MW_BU_H | MW_BU_A);
			if (x >= 1024)
				f |= (uint16_t)(lt << (x - 1024) / 2);
			struct mh_var bu = { .type = MW_MH_BU, .flags = f,
					     .lifetime = x >= 1024 || lt ? 10 : 0,
					     .hao = true, .layout = L_ALTCOA };
			same_on_mh(&bu, false);
		}
	}
	/* every layout after every other with the same facts otherwise: only
	 * the key's option word keeps their outcomes apart */
	for (int a = 0; a < L__COUNT; a++) {
		mwi_outcomes_forget();
		for (int l = 0; l < L__COUNT; l++) {
			struct mh_var bu = { .type = MW_MH_BU, .flags = MW_BU_H | MW_BU_A,
					     .lifetime = 10, .hao = true,
					     .layout = (a + l) % L__COUNT };
			struct mh_var ba = { .type = MW_MH_BA, .lifetime = 10, .rh2 = true,
					     .layout = (a + l) % L__COUNT };
			same_on_mh(&bu, false);
			same_on_mh(&ba, false);
		}
	}
	for (unsigned x = 0; x < 512; x++) {
		if (x % 128 == 0)
			mwi_outcomes_forget();
		struct mh_var ba = { .type = MW_MH_BA, .lifetime = 10, .rh2 = true,
				     .layout = x & 1 ? L_BAD : L_BRA };
		if (x < 256)
			ba.flags = (uint8_t)x;
		else
			ba.status = (uint8_t)x;
		struct mh_var be = { .type = MW_MH_BE, .status = (uint8_t)x };
		same_on_mh(&ba, false);
		same_on_mh(&be, false);
	}
}

/* A BU with a Home Address option and a BA with a type 2 routing header,
 * each byte of the extension header set to each of some values in turn
 * (lengths, option types, alignment, home addresses multicast, link-local
 * or unspecified, Segments Left, Reserved), each variant checked as it is,
 * then twice with its MH checksum made right: the second time in bulk
 * from the cached IPv6 header and MH outcomes, which a variant may also
 * find its neighbours' in. */
/* The MH checksum of a frame made right again after its IPv6 headers
 * changed (the pseudo-header's addresses may come from them), so that
 * only the header's facts differ. */
static void fix_mh_csum(uint8_t *buf, size_t len)
{
	static struct mw_packet pkt;
	struct mw_in6 src, dst;
	mw_decode(&pkt, MW_LINK_RAW, buf, (uint32_t)len, (uint32_t)len, NULL);
	if (pkt.n_msgs != 1 || pkt.msgs[0].kind != MW_MSG_MH ||
	    !mw_mh_pseudo_addrs(&pkt, 0, &src, &dst))
		return;
	const struct mw_msg *m = &pkt.msgs[0];
	if (m->off + m->len > len || m->len < 6)
		return;
	uint16_t x = mw_mh_checksum(&src, &dst, buf + m->off, m->len);
	buf[m->off + 4] = (uint8_t)(x >> 8);
	buf[m->off + 5] = (uint8_t)x;
}

static void test_mask_ip6_headers(void)
{
	static const uint8_t vals[] = { 0, 1, 2, 3, 4, 6, 8, 16, 17, 0x80,
					0xc9, 0xfe, 0xff };
	for (int ba = 0; ba < 2; ba++) {
		struct mh_var v = { .type = ba ? MW_MH_BA : MW_MH_BU,
				    .flags = ba ? 0 : MW_BU_H | MW_BU_A,
				    .lifetime = 10, .hao = !ba, .rh2 = ba,
				    .layout = ba ? L_BRA : L_ALTCOA };
		uint8_t frame[512], buf[512];
		size_t len = mh_var_frame(frame, sizeof frame, &v);
		CU_ASSERT_FATAL(len > 48);
		size_t ext = 40, ext_len = (frame[41] + 1u) * 8u;
		CU_ASSERT_FATAL(ext + ext_len < len);
		/* the header's outcome too, not taken by a check with keys
		 * (its header checks run then) */
		static const struct hits
			first = { .n = { [MWI_OC_MH] = 6, [MWI_OC_HDR] = 4 } },
			second = { .n = { [MWI_OC_MH] = 8, [MWI_OC_HDR] = 6 } };
		taken_on(frame, len, &first, &second);
		for (size_t j = ext; j < ext + ext_len; j++)
			for (size_t k = 0; k < sizeof vals; k++) {
				memcpy(buf, frame, len);
				buf[j] = vals[k];
				same_on(buf, (uint32_t)len, (uint32_t)len);
				fix_mh_csum(buf, len);
				same_on(buf, (uint32_t)len, (uint32_t)len);
				same_on(buf, (uint32_t)len, (uint32_t)len);
			}
	}
}

/* The BU of frame (len bytes, a Destination Options header after the
 * IPv6 header) with that header's options replaced by opts (n bytes,
 * 8k + 6), its MH checksum made right; the new length. */
static size_t with_dst_opts(uint8_t *out, const uint8_t *frame, size_t len,
			    const uint8_t *opts, size_t n)
{
	size_t old = (frame[41] + 1u) * 8u, rest = len - 40 - old;
	memcpy(out, frame, 42);
	memcpy(out + 42, opts, n);
	memcpy(out + 42 + n, frame + 40 + old, rest);
	out[41] = (uint8_t)((n + 2) / 8 - 1);
	uint16_t pl = (uint16_t)(2 + n + rest);
	out[4] = (uint8_t)(pl >> 8);
	out[5] = (uint8_t)pl;
	fix_mh_csum(out, 42 + n + rest);
	return 42 + n + rest;
}

/* Destination Options headers whose Home Address options differ in
 * their number, place and alignment only, in turn: each after the
 * others' outcomes are cached. */
static void test_mask_hao_layouts(void)
{
#define HOA 0xc9, 16, 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5
	static const uint8_t one[] = { 1, 2, 0, 0, HOA },
		late[] = { 1, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, HOA },
		misaligned[] = { 1, 0, HOA, 1, 0 },
		two[] = { 1, 2, 0, 0, HOA, 1, 4, 0, 0, 0, 0, HOA },
		short_one[] = { 1, 2, 0, 0, 0xc9, 14, 0x20, 0x01, 0x0d, 0xb8, 0, 1,
				0, 0, 0, 0, 0, 0, 0, 0, 1, 0 },
		none[] = { 1, 4, 0, 0, 0, 0 };
	static const struct { const uint8_t *b; size_t n; } opts[] = {
		{ one, sizeof one }, { late, sizeof late },
		{ misaligned, sizeof misaligned }, { two, sizeof two },
		{ short_one, sizeof short_one }, { none, sizeof none },
	};
#undef HOA
	struct mh_var v = { .type = MW_MH_BU, .flags = MW_BU_H | MW_BU_A,
			    .lifetime = 10, .hao = true, .layout = L_ALTCOA };
	uint8_t frame[512], buf[512];
	size_t len = mh_var_frame(frame, sizeof frame, &v);
	CU_ASSERT_FATAL(len > 48 && len + 32 < sizeof buf);
	for (size_t a = 0; a < sizeof opts / sizeof opts[0]; a++) {
		mwi_outcomes_forget();
		for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
			size_t i = (a + k) % (sizeof opts / sizeof opts[0]);
			CU_ASSERT_FATAL((opts[i].n + 2) % 8 == 0);
			size_t n = with_dst_opts(buf, frame, len, opts[i].b, opts[i].n);
			same_on(buf, (uint32_t)n, (uint32_t)n);
			same_on(buf, (uint32_t)n, (uint32_t)n);
		}
	}
}

/* An agent advertisement in IPv4 (variant bits: TTL, destination, ICMP
 * Code, MAA present and its care-of addresses, MAA Length wrong, prefix
 * lengths, a Padding extension), with MAA flags `flags`. */
static size_t adv_frame(uint8_t *buf, size_t cap, unsigned v, uint16_t flags)
{
	static const uint32_t ra[] = { 0xc0a80001, 0xc0a80002 },
			      coas[] = { 0xc0a80001, 0xc0a80002 };
	static const uint8_t plen[] = { 24, 24, 24 };
	static const uint32_t dsts[] = { 0xe0000001u, 0xffffffffu, 0xe000000bu,
					 0x0a010005u };
	struct mw_ip4_spec ip = { .src = mw_ip4_addr(192, 168, 0, 1),
				  .dst = dsts[v >> 1 & 3],
				  .ttl = v & 1 ? 64 : 1 };
	struct mw_mip4_adv_spec a = {
		.code = v >> 3 & 1 ? 16 : v >> 4 & 1 ? 3 : 0,
		.lifetime = 1800, .num_addrs = 2, .router_addrs = ra,
		.has_maa = !(v >> 5 & 1), .seq = 7, .reg_lifetime = 600,
		.maa_flags = flags, .n_coa = (uint8_t)(v >> 6 & 3) % 3,
		.coas = coas, .set_maa_len = v >> 8 & 1, .maa_len = 7,
		.n_prefix_len = (uint8_t)(v >> 9 & 3), .prefix_lens = plen,
	};
	struct mw_mip4_ext_spec x = MW_MIP4_EXT_SPEC_INIT;
	struct mw_ipctx c;
	struct mw_wbuf w;
	x.type = 0;
	mw_wbuf_init(&w, buf, cap);
	mw_ip4_begin(&w, &ip, 1, &c);
	CU_ASSERT_EQUAL(mw_mip4_adv_build(&w, &a, &x, v >> 11 & 1), MW_OK);
	mw_ip4_end(&w, &c, &ip);
	CU_ASSERT_FATAL(!w.overflow);
	return w.len;
}

/* Agent advertisements of every variant and MAA flags in the high byte
 * (and some reserved low bits), some mutated: the same findings in bulk
 * (where a clean one's passes come straight from its trial, or from the
 * outcome table when an advertisement of its key was clean before). */
static void test_mask_adv(void)
{
	uint8_t frame[512];
	uint32_t seed = 11;
	/* a clean one: every check in bulk without keys but the first takes
	 * the outcome (the checksum is no fact of its key) */
	static const struct hits
		first = { .n = { [MWI_OC_ADV] = 5 } },
		second = { .n = { [MWI_OC_ADV] = 6 } };
	taken_on(frame, adv_frame(frame, sizeof frame, 0, MW_MAA_H), &first, &second);
	for (unsigned v = 0; v < 4096; v++) {
		uint16_t flags = (uint16_t)((v * 37) % 256 << 8 | (v % 5 ? 0 : 0x0011 << (v % 3)));
		size_t len = adv_frame(frame, sizeof frame, v, flags);
		same_on_mutations(frame, len, v % 16 ? 0 : 40, &seed);
	}
}

static void test_empty_packet(void)
{
	static struct mw_packet pkt;
	struct col c = { .n = 0 };
	memset(&pkt, 0, sizeof pkt);
	mw_check_packet(&pkt, collect, &c);
	CU_ASSERT_EQUAL(c.n, 0);
	mw_check_packet(NULL, collect, &c);
	mw_check_packet(&pkt, NULL, &c);
	CU_ASSERT_EQUAL(c.n, 0);
}

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	CU_pSuite s = CU_add_suite("rules", NULL, NULL);
	CU_add_test(s, "catalogue shape", test_catalogue_shape);
	CU_add_test(s, "catalogue lookup", test_catalogue_lookup);
	CU_add_test(s, "levels and roles", test_levels_roles);
	CU_add_test(s, "RRQ authentication", test_rrq_auth);
	CU_add_test(s, "authenticator without SA", test_auth_unjudged);
	CU_add_test(s, "truncated is not a violation", test_truncated_is_not_a_violation);
	CU_add_test(s, "fields the capture cut are not judged", test_cut_fields_not_judged);
	CU_add_test(s, "Mobility Header checks", test_mh_checks);
	CU_add_test(s, "empty packet", test_empty_packet);
	CU_add_test(s, "pass sets match single findings", test_pass_sets);
	CU_add_test(s, "mask matches single findings on mutated frames",
		    test_mask_mutated);
	CU_add_test(s, "mask matches single findings on MH variants", test_mask_mh);
	CU_add_test(s, "mask matches single findings on IPv6 header variants",
		    test_mask_ip6_headers);
	CU_add_test(s, "mask matches single findings on HAO layouts",
		    test_mask_hao_layouts);
	CU_add_test(s, "mask matches single findings on advertisements",
		    test_mask_adv);
	CU_add_test(s, "mask matches single findings on registration variants",
		    test_mask_registrations);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	unsigned fails = CU_get_number_of_failures();
	CU_cleanup_registry();
	return fails ? 1 : 0;
}
