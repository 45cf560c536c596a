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
#include "frame.h"
#include "reader.h"
#include "report.h"

static gchar *opt_format = NULL;
static gboolean opt_list = FALSE;
static gchar *opt_keys = NULL;
static gchar **opt_rules = NULL;
static gchar **opt_roles = NULL;
static gchar *opt_severity = NULL;
static gboolean opt_verbose = FALSE;
static gchar *opt_output = NULL;
static gint opt_threads = 0;

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
	{ "threads", 'j', 0, G_OPTION_ARG_INT, &opt_threads,
	  "1: check on one thread; 2: read, decode and run the per-packet rules on a second one (default, or 0: 2 when the machine has four processors or more, else 1; same report either way)", "N" },
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

	if (opt_threads < 0 || opt_threads > 2)
		usage_error("--threads takes 1 or 2 (0: the default), not %d", opt_threads);
	/* two threads only pay when both get a core of their own: by default
	 * only where other work likely leaves two free */
	unsigned threads = opt_threads ? (unsigned)opt_threads
				       : g_get_num_processors() >= 4 ? 2 : 1;

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
	int bad = reader_run(&c, argv + 1, argc - 1, threads);
	frame_trace_end(&c);
	report_flush(rep);

	if (!strcmp(fmt, "json"))
		report_json(rep, out);
	else if (!strcmp(fmt, "junit"))
		report_junit(rep, out);
	else
		report_text(rep, out, opt_verbose);
	if (out != stdout)
		fclose(out);

	if (keys)
		report_unjudged_warn(rep, stderr, opt_keys);
	unsigned errors = report_errors(rep);
	state4_free(c.s4);
	state6_free(c.s6);
	report_free(rep);
	mw_keys_free(keys);
	if (bad)
		return 2;
	return errors ? 1 : 0;
}
