/* mipconform: check captures against the Mobile IP conformance rules in
 * one streaming pass. Exit 0: no errors; 1: errors found; 2: bad usage or
 * unreadable input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <glib.h>

#include <mipwire/capture.h>
#include <mipwire/mipwire.h>

#include "conf.h"
#include "report.h"

static gchar *opt_format = NULL;
static gboolean opt_list = FALSE;
static gchar *opt_keys = NULL;
static gchar **opt_rules = NULL;
static gchar **opt_roles = NULL;
static gchar *opt_severity = NULL;
static gboolean opt_verbose = FALSE;
static gchar *opt_output = NULL;

/* File scope so that an early exit(2) leaves them reachable. */
static GOptionContext *octx;
static struct report *rep;
static struct mw_keys *keys;
static GPtrArray *pats;

static GOptionEntry entries[] = {
	{ "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
	  "Report format: text (default), json, junit; for --list-rules also markdown", "FMT" },
	{ "list-rules", 'l', 0, G_OPTION_ARG_NONE, &opt_list,
	  "List the rule catalogue and exit", NULL },
	{ "keys", 'k', 0, G_OPTION_ARG_FILENAME, &opt_keys,
	  "Keys file (security associations, see mipwire/keys.h) to verify authenticators", "FILE" },
	{ "rules", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &opt_rules,
	  "Only rules whose id matches PATTERN (glob, e.g. 'MIP4-RRQ-*'; comma list; repeatable)", "PATTERN" },
	{ "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_roles,
	  "Only rules constraining ROLE (MN, HA, FA, CN, MR, MAG, LMA; comma list; repeatable)", "ROLE" },
	{ "severity", 's', 0, G_OPTION_ARG_STRING, &opt_severity,
	  "Only rules of at least this level: error, warning or info (default)", "LEVEL" },
	{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
	  "Text report: also list NOT-APPLICABLE rules and why", NULL },
	{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
	  "Write the report to FILE instead of standard output", "FILE" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL }
};

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "mipconform: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'mipconform --help'.\n");
	exit(2);
}

/* ---- helpers shared with the stateful checkers ---- */

char *conf_ip4(uint32_t a, char *buf)
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
		 (a >> 8) & 255, a & 255);
	return buf;
}

char *conf_ip6(const struct mw_in6 *a, char *buf)
{
	inet_ntop(AF_INET6, a->b, buf, 46);
	return buf;
}

void conf_fail_(struct conf *c, const struct mw_rule *rule,
		const struct conf_node *node)
{
	report_add(c->rep, rule, node, &c->where, false, "", 0, 0);
}

void conf_fail_detail_(struct conf *c, const struct mw_rule *rule,
		       const struct conf_node *node, const char *fmt, ...)
{
	char detail[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	report_add(c->rep, rule, node, &c->where, false, detail, 0, 0);
}

bool conf_wants_detail_(struct conf *c, const struct mw_rule *rule,
			const struct conf_node *node)
{
	return report_wants_detail(c->rep, rule, node);
}

/* ---- per-packet findings ---- */

/* The layer a finding is about: its message's, or the last one starting
 * at or before its offset. */
static int finding_layer(const struct mw_packet *p, int msg, uint32_t offset)
{
	if (msg >= 0)
		return p->msgs[msg].layer;
	int at = p->n_layers - 1;
	for (int i = 0; i < p->n_layers; i++)
		if (p->layers[i].off <= offset)
			at = i;
	return at;
}

/* The node a finding about layer `at` judges, into *n: the sender (or
 * receiver) of the IP layer carrying it. */
static void finding_node(struct conf_node *n, const struct mw_packet *p,
			 int at, uint8_t who)
{
	for (int i = at; i >= 0; i--) {
		const struct mw_layer *l = &p->layers[i];
		if (l->kind == MW_L_IP4) {
			*n = conf_node4(who == MW_WHO_RECEIVER ? l->u.ip4.dst : l->u.ip4.src);
			return;
		}
		if (l->kind == MW_L_IP6) {
			*n = conf_node6(who == MW_WHO_RECEIVER ? &l->u.ip6.dst : &l->u.ip6.src);
			return;
		}
	}
	*n = (struct conf_node){ .fam = 0 };
}

/* The findings of one message come in a run: its node once. */
static const struct conf_node *run_node(struct conf *c, int msg, uint32_t offset,
					uint8_t who)
{
	if (msg < 0 || msg != c->fn_msg || who != c->fn_who) {
		finding_node(&c->fn_node, c->pkt,
			     finding_layer(c->pkt, msg, offset), who);
		c->fn_msg = msg;
		c->fn_who = who;
	}
	return &c->fn_node;
}

static void on_finding(void *ctx, const struct mw_finding *f)
{
	struct conf *c = ctx;
	report_add(c->rep, f->rule, run_node(c, f->msg, f->offset, f->who),
		   &c->where, f->pass, f->pass ? NULL : f->detail, f->offset,
		   f->len);
}

/* The passes of one message (or IP layer): one node lookup for all. */
static void on_passes(void *ctx, const struct mw_pass_set *s)
{
	struct conf *c = ctx;
	report_add_passes(c->rep, run_node(c, s->msg, s->offset, s->who),
			  s->bits, s->nwords);
}

/* ---- rule selection ---- */

static void select_rules(void)
{
	unsigned roles = 0;
	int min_level = MW_LEVEL_INFO;
	pats = g_ptr_array_new_with_free_func((GDestroyNotify)g_pattern_spec_free);

	for (gchar **r = opt_roles; r && *r; r++) {
		gchar **parts = g_strsplit(*r, ",", -1);
		for (gchar **p = parts; *p; p++) {
			unsigned b = mw_role_parse(g_strstrip(*p));
			if (!b)
				usage_error("unknown role '%s' (MN, HA, FA, CN, MR, MAG, LMA)", *p);
			roles |= b;
		}
		g_strfreev(parts);
	}
	if (opt_severity) {
		min_level = mw_level_parse(opt_severity);
		if (!min_level)
			usage_error("unknown severity '%s' (error, warning, info)", opt_severity);
	}
	for (gchar **r = opt_rules; r && *r; r++) {
		gchar **parts = g_strsplit(*r, ",", -1);
		for (gchar **p = parts; *p; p++)
			if (**p)
				g_ptr_array_add(pats, g_pattern_spec_new(g_strstrip(*p)));
		g_strfreev(parts);
	}
	unsigned n_on = 0;
	for (size_t i = 0; i < mw_rule_count(); i++) {
		const struct mw_rule *ru = mw_rule_at(i);
		bool on = ru->level >= min_level && (!roles || (ru->roles & roles));
		if (on && pats->len) {
			bool m = false;
			for (unsigned k = 0; k < pats->len && !m; k++)
				m = g_pattern_spec_match_string(pats->pdata[k], ru->id);
			on = m;
		}
		report_enable(rep, ru, on);
		n_on += on;
	}
	g_ptr_array_free(pats, TRUE);
	pats = NULL;
	if (!n_on)
		usage_error("no rule matches the --rules / --role / --severity selection");
}

/* ---- the capture loop ---- */

/* Frames decoded ahead of the one being checked, when the reader keeps
 * their bytes valid (mmap): the state and report records of the next
 * frames are fetched from memory while this one is checked (with 100k
 * nodes each frame's records are cold). */
#define AHEAD 4

struct slot {
	struct mw_frame fr;
	mw_status st;
	struct mw_packet pkt;
};

/* Start fetching the records a frame decoded ahead will touch (a hint):
 * stage 0 right after decoding, stage 1 just before the frame before it
 * is checked (the state index slots fetched at stage 0 are in cache by
 * then and lead to the records). */
static void conf_prefetch(struct conf *c, const struct mw_packet *p, int stage)
{
	state4_prefetch(c, p, stage);
	if (stage != 0 || !p->n_msgs)
		return;
	/* the node of the first message's findings: its IP sender */
	for (int i = p->msgs[0].layer; i >= 0; i--) {
		const struct mw_layer *l = &p->layers[i];
		struct conf_node n;
		if (l->kind == MW_L_IP4)
			n = conf_node4(l->u.ip4.src);
		else if (l->kind == MW_L_IP6)
			n = conf_node6(&l->u.ip6.src);
		else
			continue;
		report_prefetch(c->rep, &n);
		break;
	}
}

/* Check one decoded frame; -1 when the file cannot go on. */
static int check_frame(struct conf *c, const char *name, struct slot *s)
{
	const struct mw_frame *fr = &s->fr;
	struct mw_packet *pkt = &s->pkt;

	if (s->st == MW_E_UNSUPPORTED && pkt->n_layers == 0) {
		fprintf(stderr, "mipconform: %s: unsupported link type %d\n",
			name, fr->linktype);
		return -1;
	}
	c->where.file = name;
	c->where.frame = fr->number;
	c->where.ts_sec = fr->ts_sec;
	c->where.ts_nsec = fr->ts_nsec;
	c->now = (double)fr->ts_sec + fr->ts_nsec / 1e9;
	if (c->start == 0)
		c->start = c->now;
	bool trunc = pkt->diag.status == MW_E_TRUNC || fr->caplen < fr->wirelen;
	report_frame(c->rep, &c->where, trunc);
	c->pkt = pkt;
	c->fn_msg = -2;
	mw_check_packet_mask(pkt, c->keys, on_finding, on_passes, c);
	state4_packet(c);
	state6_packet(c);
	return 0;
}

static int run_file(struct conf *c, const char *path, struct slot *ring)
{
	char err[256];
	struct mw_capture *cap = mw_capture_open(path, err, sizeof err);
	const char *name = strcmp(path, "-") ? path : "(stdin)";
	int rc = 1;

	if (!cap) {
		fprintf(stderr, "mipconform: %s\n", err);
		return -1;
	}
	report_file(c->rep, name);
	/* other readers reuse their buffer: no decoding ahead */
	unsigned depth = mw_capture_frames_stable(cap) ? AHEAD : 1;
	unsigned head = 0, n = 0;
	for (;;) {
		while (rc == 1 && n < depth) {
			struct slot *s = &ring[(head + n) % AHEAD];
			rc = mw_capture_next(cap, &s->fr);
			if (rc != 1)
				break;
			s->st = mw_decode(&s->pkt, s->fr.linktype, s->fr.data,
					  s->fr.caplen, s->fr.wirelen, NULL);
			conf_prefetch(c, &s->pkt, 0);
			n++;
		}
		if (n == 0)
			break;
		struct slot *s = &ring[head];
		head = (head + 1) % AHEAD;
		n--;
		if (n)
			conf_prefetch(c, &ring[head].pkt, 1);
		if (check_frame(c, name, s) < 0) {
			mw_capture_close(cap);
			return -1;
		}
	}
	if (rc < 0) {
		fprintf(stderr, "mipconform: %s: %s\n", name, mw_capture_error(cap));
		mw_capture_close(cap);
		return -1;
	}
	mw_capture_close(cap);
	return 0;
}

int main(int argc, char **argv)
{
	static GError *gerr;
	GOptionContext *ctx = octx = g_option_context_new("FILE... - check Mobile IP captures against the RFC rules");
	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_description(ctx,
		"FILE is a pcap or pcapng capture, or - for standard input.\n"
		"Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.\n"
		"See docs/mipconform.md and docs/rules.md.");
	if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
		fprintf(stderr, "mipconform: %s\nTry 'mipconform --help'.\n", gerr->message);
		g_error_free(gerr);
		g_option_context_free(ctx);
		return 2;
	}
	g_option_context_free(ctx);
	octx = NULL;

	const char *fmt = opt_format ? opt_format : "text";
	if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "junit") &&
	    strcmp(fmt, "markdown"))
		usage_error("unknown format '%s' (text, json, junit, markdown)", fmt);
	if (!strcmp(fmt, "markdown") && !opt_list)
		usage_error("--format markdown is only for --list-rules");

	FILE *out = stdout;
	if (opt_output && !(out = fopen(opt_output, "w"))) {
		fprintf(stderr, "mipconform: cannot write %s: %s\n", opt_output, strerror(errno));
		return 2;
	}

	if (opt_keys) {
		char err[512];
		keys = mw_keys_load(opt_keys, err, sizeof err);
		if (!keys) {
			fprintf(stderr, "mipconform: bad keys file: %s\n", err);
			return 2;
		}
	}
	rep = report_new(keys != NULL);
	select_rules();

	if (opt_list) {
		if (!strcmp(fmt, "markdown"))
			rules_list_markdown(rep, out);
		else if (!strcmp(fmt, "json"))
			rules_list_json(rep, out);
		else
			rules_list_text(rep, out);
		report_free(rep);
		return 0;
	}
	if (argc < 2)
		usage_error("no capture file given");
	if (!strcmp(fmt, "markdown"))
		usage_error("--format markdown is only for --list-rules");

	struct conf c = { .rep = rep, .keys = keys };
	c.s4 = state4_new();
	c.s6 = state6_new();
	struct slot *ring = g_new0(struct slot, AHEAD);
	int bad = 0;
	for (int i = 1; i < argc; i++)
		if (run_file(&c, argv[i], ring) < 0)
			bad++;
	state4_finish(&c);
	state6_finish(&c);
	report_flush(rep);

	if (!strcmp(fmt, "json"))
		report_json(rep, out);
	else if (!strcmp(fmt, "junit"))
		report_junit(rep, out);
	else
		report_text(rep, out, opt_verbose);
	if (out != stdout)
		fclose(out);

	unsigned errors = report_errors(rep);
	state4_free(c.s4);
	state6_free(c.s6);
	g_free(ring);
	report_free(rep);
	mw_keys_free(keys);
	if (bad)
		return 2;
	return errors ? 1 : 0;
}
