/* conform_gen: write a capture of small Mobile IP packets with realistic
 * state, for the mipconform benchmark (bench/conform_bench.sh).
 *
 *   conform_gen [-n NODES] [-b BYTES] [-p PERIOD] -o FILE|-
 *
 * NODES mobile nodes (default 100000): 7 in 10 are MIPv4 nodes that
 * register through one of 100 foreign agents (MN -> FA -> HA -> FA -> MN,
 * RRQ/RRP with an NAI and an MN-HA authentication extension, Lifetime
 * 300 s), 3 in 10 are MIPv6 nodes (BU with a Home Address option and an
 * Alternate CoA option to the home agent, BA back with a type 2 routing
 * header, Lifetime 300 s). Every node re-registers each PERIOD seconds
 * (default 240, before its binding expires); each round about 1 in 10
 * nodes moves to another agent / care-of address and 1 in 40 deregisters,
 * stays away for 3 rounds (its state expires) and comes back. Every
 * foreign agent multicasts an agent advertisement (Lifetime 3 s) every
 * second. The capture stops once it holds BYTES bytes (default 1 GiB).
 *
 * The authenticators are zero bytes (no keys are given to mipconform in
 * the benchmark, so they are not verified; computing HMAC-MD5 here would
 * only slow down the generator). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mipwire/mipwire.h"
#include "mipwire/capture.h"

#define N_FA 100
#define N_HA 4
#define LIFETIME 300
#define ADV_LIFETIME 3

struct mn {
	uint8_t fa;          /* current foreign agent / visited link */
	uint8_t away;        /* rounds left away after a deregistration */
	uint16_t seq;        /* MIPv6 BU sequence number */
	uint32_t n_reg;      /* registrations sent (Identification low bits) */
};

static struct mw_capture_writer *out;
static uint64_t n_pkts, n_bytes = 24;
static int64_t last_ns;
static const struct mw_eth_spec eth = { .dst = { 2, 0, 0, 0, 0, 2 },
					.src = { 2, 0, 0, 0, 0, 1 } };

static uint32_t mix(uint32_t a, uint32_t b)
{
	uint64_t h = ((uint64_t)a << 32 | b) * 0x9e3779b97f4a7c15ull;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	return (uint32_t)(h >> 32);
}

static void emit(double t, const uint8_t *f, size_t len)
{
	int64_t ns = (int64_t)(t * 1e9);
	if (ns <= last_ns)
		ns = last_ns + 1000; /* keep the capture in time order */
	last_ns = ns;
	if (mw_capture_write(out, ns / 1000000000, (uint32_t)(ns % 1000000000),
			     f, (uint32_t)len, (uint32_t)len) < 0) {
		fprintf(stderr, "conform_gen: write failed\n");
		exit(1);
	}
	n_pkts++;
	n_bytes += 16 + len;
}

static void udp4(double t, uint32_t src, uint32_t dst, uint16_t sport,
		 uint16_t dport, const uint8_t *msg, size_t len)
{
	uint8_t f[256];
	size_t n = 0;
	struct mw_ip4_spec ip = { .src = src, .dst = dst };
	mw_frame_udp4(f, sizeof f, &eth, &ip, sport, dport, msg, len, &n);
	emit(t, f, n);
}

static uint32_t fa_addr(unsigned j) { return mw_ip4_addr(172, 16, (uint8_t)j, 1); }
static uint32_t ha4_addr(unsigned i) { return mw_ip4_addr(198, 51, 100, (uint8_t)(1 + i % N_HA)); }
static uint32_t hoa4(unsigned i) { return mw_ip4_addr(10, 0, 0, 0) + i + 1; }

static void in6(struct mw_in6 *a, uint16_t w2, uint32_t low)
{
	memset(a, 0, sizeof *a);
	a->b[0] = 0x20, a->b[1] = 0x01, a->b[2] = 0x0d, a->b[3] = 0xb8;
	a->b[4] = (uint8_t)(w2 >> 8), a->b[5] = (uint8_t)w2;
	a->b[12] = (uint8_t)(low >> 24), a->b[13] = (uint8_t)(low >> 16);
	a->b[14] = (uint8_t)(low >> 8), a->b[15] = (uint8_t)low;
}

static void adv(double t, unsigned j, uint16_t seq)
{
	uint8_t f[256];
	struct mw_wbuf w;
	struct mw_ipctx ctx;
	uint32_t a = fa_addr(j);
	struct mw_ip4_spec ip = { .src = a, .dst = mw_ip4_addr(224, 0, 0, 1), .ttl = 1 };
	struct mw_mip4_adv_spec s = {
		.lifetime = ADV_LIFETIME, .num_addrs = 1, .router_addrs = &a,
		.has_maa = true, .seq = seq, .reg_lifetime = 600,
		.maa_flags = MW_MAA_F, .n_coa = 1, .coas = &a,
	};
	mw_wbuf_init(&w, f, sizeof f);
	mw_put_eth(&w, &eth, 0x0800);
	mw_ip4_begin(&w, &ip, 1, &ctx);
	mw_mip4_adv_build(&w, &s, NULL, 0);
	mw_ip4_end(&w, &ctx, &ip);
	emit(t, f, w.len);
}

static void reg4(double t, unsigned i, struct mn *m, bool dereg)
{
	static const uint8_t zero_key[1];
	uint8_t q[128], p[128];
	char nai[40];
	struct mw_wbuf w;
	struct mw_mip4 rq = { .type = MW_MIP4_RRQ }, rp = { .type = MW_MIP4_RRP };
	struct mw_mip4_ext_spec x[2] = { MW_MIP4_EXT_SPEC_INIT, MW_MIP4_EXT_SPEC_INIT };
	uint32_t hoa = hoa4(i), ha = ha4_addr(i), fa = fa_addr(m->fa);
	uint16_t lt = dereg ? 0 : LIFETIME;
	uint64_t ident = ((uint64_t)(uint32_t)(t + 2208988800.0) << 32) | ++m->n_reg;
	uint16_t mnport = (uint16_t)(49152 + i % 16384);

	snprintf(nai, sizeof nai, "mn%u@example.net", i);
	mw_mip4_spec_nai(&x[0], nai);
	mw_mip4_spec_auth(&x[1], MW_MIP4X_MN_HA_AUTH, 256, 0, zero_key, 0);
	rq.u.rrq = (struct mw_mip4_rrq){ .lifetime = lt, .hoa = hoa, .ha = ha,
					 .coa = fa, .ident = ident };
	mw_wbuf_init(&w, q, sizeof q);
	mw_mip4_build(&w, &rq, x, 2);
	size_t qn = w.len;
	rp.u.rrp = (struct mw_mip4_rrp){ .code = 0, .lifetime = lt, .hoa = hoa,
					 .ha = ha, .ident = ident };
	mw_wbuf_init(&w, p, sizeof p);
	mw_mip4_build(&w, &rp, x, 2);
	size_t pn = w.len;

	udp4(t, hoa, fa, mnport, 434, q, qn);             /* MN -> FA */
	udp4(t + 40e-6, fa, ha, 434, 434, q, qn);         /* FA -> HA */
	udp4(t + 120e-6, ha, fa, 434, 434, p, pn);        /* HA -> FA */
	udp4(t + 160e-6, fa, hoa, 434, mnport, p, pn);    /* FA -> MN */
}

static void mh6(double t, const struct mw_ip6_spec *ip, struct mw_mh *h,
		const struct mw_mh_opt_spec *o, size_t n_o)
{
	uint8_t m[128], f[256];
	struct mw_wbuf w;
	struct mw_mh_build_spec b = { .mh = h, .opts = o, .n_opts = n_o, .align = true };
	size_t n = 0;
	mw_wbuf_init(&w, m, sizeof m);
	mw_mh_build(&w, &b);
	mw_frame_ip6(f, sizeof f, &eth, ip, 135, m, w.len, &n);
	emit(t, f, n);
}

static void reg6(double t, unsigned i, struct mn *m, bool dereg)
{
	struct mw_in6 hoa, coa, ha;
	struct mw_mh h;
	uint16_t lt = dereg ? 0 : LIFETIME / 4;
	in6(&hoa, 1, i + 1);
	in6(&coa, (uint16_t)(0x100 + m->fa), i + 1);
	in6(&ha, 1, 0xffff0000u + 1 + i % N_HA);
	struct mw_mh_opt_spec alt = { .type = 3, .data = coa.b, .len = 16 };
	m->seq++;
	mw_mh_init(&h, MW_MH_BU);
	h.u.bu = (struct mw_mh_bu){ .seq = m->seq, .flags = MW_BU_A | MW_BU_H,
				    .lifetime = lt };
	struct mw_ip6_spec bu = { .src = coa, .dst = ha, .hao = &hoa };
	mh6(t, &bu, &h, &alt, 1);
	mw_mh_init(&h, MW_MH_BA);
	h.u.ba = (struct mw_mh_ba){ .status = 0, .seq = m->seq, .lifetime = lt };
	struct mw_ip6_spec ba = { .src = ha, .dst = coa, .rh2 = &hoa };
	mh6(t + 100e-6, &ba, &h, NULL, 0);
}

int main(int argc, char **argv)
{
	unsigned n = 100000;
	double period = 240, t0 = 1700000000.0;
	uint64_t limit = 1ull << 30;
	const char *path = NULL;
	char err[256];
	int o;

	while ((o = getopt(argc, argv, "n:b:p:o:")) != -1) {
		switch (o) {
		case 'n': n = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'b': limit = strtoull(optarg, NULL, 10); break;
		case 'p': period = strtod(optarg, NULL); break;
		case 'o': path = optarg; break;
		default: goto usage;
		}
	}
	if (!path || n == 0 || n > 16000000 || period < 2 * N_FA * 1e-3 ||
	    period >= LIFETIME) {
usage:
		fprintf(stderr, "usage: conform_gen [-n NODES] [-b BYTES] [-p PERIOD<%d] -o FILE|-\n",
			LIFETIME);
		return 2;
	}
	out = mw_capture_create(path, MW_LINK_ETHERNET, 65535, err, sizeof err);
	if (!out) {
		fprintf(stderr, "conform_gen: %s\n", err);
		return 1;
	}
	struct mn *mns = calloc(n, sizeof *mns);
	uint16_t adv_seq[N_FA] = { 0 };
	double next_adv = t0;
	unsigned next_fa = 0;
	uint64_t n_reg = 0, n_dereg = 0, n_move = 0;
	for (unsigned i = 0; i < n; i++)
		mns[i].fa = (uint8_t)(mix(i, 0xfa) % N_FA);

	uint32_t r;
	for (r = 0; n_bytes < limit; r++) {
		for (unsigned i = 0; i < n && n_bytes < limit; i++) {
			double t = t0 + r * period + (i + 0.5) * period / n;
			/* every agent advertises once a second, spread over it */
			while (next_adv <= t) {
				adv(next_adv, next_fa, adv_seq[next_fa]);
				adv_seq[next_fa] = adv_seq[next_fa] == 0xffff ? 256 : adv_seq[next_fa] + 1;
				if (++next_fa == N_FA)
					next_fa = 0;
				next_adv += 1.0 / N_FA;
			}
			struct mn *m = &mns[i];
			if (m->away) {
				m->away--;
				continue;
			}
			uint32_t h = mix(i, r);
			bool dereg = r > 0 && h % 40 == 0;
			if (!dereg && r > 0 && h % 10 == 1) {
				/* between its two usual links (home / office):
				 * the set of addresses stays that of the nodes */
				uint8_t f0 = (uint8_t)(mix(i, 0xfa) % N_FA);
				uint8_t f1 = (uint8_t)((f0 + 1 + mix(i, 0xfb) % (N_FA - 1)) % N_FA);
				m->fa = m->fa == f0 ? f1 : f0;
				n_move++;
			}
			if (i % 10 < 7)
				reg4(t, i, m, dereg);
			else
				reg6(t, i, m, dereg);
			n_reg++;
			if (dereg) {
				m->away = 3;
				n_dereg++;
			}
		}
	}
	if (mw_capture_finish(out) < 0) {
		fprintf(stderr, "conform_gen: write failed\n");
		return 1;
	}
	fprintf(stderr,
		"conform_gen: %llu packets, %llu bytes, %.0f s of capture (%u rounds of %.0f s), "
		"%u mobile nodes, %llu registrations (%llu deregistrations, %llu moves)\n",
		(unsigned long long)n_pkts, (unsigned long long)n_bytes,
		(last_ns / 1e9) - t0, r, period, n, (unsigned long long)n_reg,
		(unsigned long long)n_dereg, (unsigned long long)n_move);
	free(mns);
	return 0;
}
