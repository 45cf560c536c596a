/* mipconform: check captures against the Mobile IP conformance rules in
 * one streaming pass. Exit 0: no errors; 1: errors found; 2: bad usage or
 * unreadable input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
static GPtrArray *split_opts;   /* split_attached()'s "-X" strings */

static GOptionEntry entries[] = {
	{ "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
	  "Report format: text (default), json, junit; for --list-rules also markdown", "FMT" },
	{ "list-rules", 'l', 0, G_OPTION_ARG_NONE, &opt_list,
	  "List the rule catalogue and exit", NULL },
	{ "keys", 'k', 0, G_OPTION_ARG_FILENAME, &opt_keys,
	  "Keys file (security associations, format: docs/keys.md) to verify authenticators", "FILE" },
	{ "rules", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &opt_rules,
	  "Only rules whose id matches PATTERN (glob, e.g. 'mip4-rrq-*', any case; comma list; repeatable)", "PATTERN" },
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

/* The items of a comma list option, stripped; an empty one (`-r ''`,
 * `--role MN,`) is an error rather than "no filter". */
static gchar **list_items(const char *arg, const char *opt)
{
	gchar **parts = g_strsplit(arg, ",", -1);
	for (gchar **p = parts; *p; p++)
		if (!*g_strstrip(*p)) {
			g_strfreev(parts);
			usage_error("empty value in %s '%s'", opt, arg);
		}
	if (!*parts) {
		g_strfreev(parts);
		usage_error("empty value for %s", opt);
	}
	return parts;
}

static void select_rules(void)
{
	unsigned roles = 0;
	int min_level = MW_LEVEL_INFO;
	pats = g_ptr_array_new_with_free_func((GDestroyNotify)g_pattern_spec_free);

	for (gchar **r = opt_roles; r && *r; r++) {
		gchar **parts = list_items(*r, "--role");
		for (gchar **p = parts; *p; p++) {
			unsigned b = mw_role_parse(*p);
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
	/* ids match in any case, as roles and levels do: both sides upper */
	for (gchar **r = opt_rules; r && *r; r++) {
		gchar **parts = list_items(*r, "--rules");
		for (gchar **p = parts; *p; p++) {
			gchar *up = g_ascii_strup(*p, -1);
			g_ptr_array_add(pats, g_pattern_spec_new(up));
			g_free(up);
		}
		g_strfreev(parts);
	}
	unsigned n_on = 0;
	for (size_t i = 0; i < mw_rule_count(); i++) {
		const struct mw_rule *ru = mw_rule_at(i);
		bool on = ru->level >= min_level && (!roles || (ru->roles & roles));
		if (on && pats->len) {
			gchar *id = g_ascii_strup(ru->id, -1);
			bool m = false;
			for (unsigned k = 0; k < pats->len && !m; k++)
				m = g_pattern_spec_match_string(pats->pdata[k], id);
			g_free(id);
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

/* ---- command line ---- */

/* Does short option c take a value (from the table above)? */
static bool short_takes_value(char c)
{
	for (const GOptionEntry *e = entries; e->long_name; e++)
		if (e->short_name == c)
			return e->arg != G_OPTION_ARG_NONE;
	return false;
}

/* Does argument a name an option whose value is the next argument? */
static bool value_follows(const char *a)
{
	if (a[0] != '-' || !a[1])
		return false;
	if (a[1] != '-')   /* -X or a cluster ending in X */
		return short_takes_value(a[strlen(a) - 1]);
	for (const GOptionEntry *e = entries; e->long_name; e++)
		if (!strcmp(a + 2, e->long_name))
			return e->arg != G_OPTION_ARG_NONE;
	return false;
}

/* GOption takes no value attached to a short option (-j2, -fjson, -vfjson):
 * split those into -j 2 (each flag of a cluster on its own). Nothing after
 * `--` or in an option's value changes. A new argv (the strings shared). */
static char **split_attached(int argc, char **argv, int *new_argc)
{
	GPtrArray *a = g_ptr_array_new();
	split_opts = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(a, argv[0]);
	bool rest = false;
	for (int i = 1; i < argc; i++) {
		char *s = argv[i];
		bool value = !rest && i > 1 && value_follows(argv[i - 1]) &&
			     strchr(argv[i - 1], '=') == NULL;
		if (rest || value || s[0] != '-' || s[1] == '-' || !s[1]) {
			rest = rest || (!value && !strcmp(s, "--"));
			g_ptr_array_add(a, s);
			continue;
		}
		size_t k = 1;
		while (s[k] && !short_takes_value(s[k]))
			k++;
		if (!s[k] || !s[k + 1]) {   /* no value attached */
			g_ptr_array_add(a, s);
			continue;
		}
		for (size_t j = 1; j <= k; j++)
		{
			char *o = g_strdup_printf("-%c", s[j]);
			g_ptr_array_add(split_opts, o);
			g_ptr_array_add(a, o);
		}
		g_ptr_array_add(a, s + k + 1);
	}
	*new_argc = (int)a->len;
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

/* ---- the report's file ---- */

/* Fail now, before reading anything, if FILE cannot be written: its
 * directory missing, or FILE one of the captures (it would be lost). It
 * is opened only when the report is ready. */
static void check_output(const char *path, char *const *files, int n)
{
	struct stat o, in;
	gchar *dir = g_path_get_dirname(path);
	bool dir_ok = g_file_test(dir, G_FILE_TEST_IS_DIR);
	g_free(dir);
	if (!dir_ok)
		usage_error("cannot write %s: its directory does not exist", path);
	if (stat(path, &o) != 0)
		return;
	for (int i = 0; i < n; i++) {
		int rc = strcmp(files[i], "-") ? stat(files[i], &in) : fstat(0, &in);
		if (rc == 0 && in.st_dev == o.st_dev && in.st_ino == o.st_ino)
			usage_error("-o %s is the capture %s: refusing to overwrite it",
				    path, files[i]);
	}
}

/* The report's stream (stdout without -o), opened when there is a report
 * to write; NULL and a message if it cannot be. */
static FILE *output_open(void)
{
	if (!opt_output)
		return stdout;
	FILE *out = fopen(opt_output, "w");
	if (!out)
		fprintf(stderr, "mipconform: cannot write %s: %s\n", opt_output,
			strerror(errno));
	return out;
}

/* Close the report's stream: false and a message if anything of it was
 * not written (a full disk must not leave an empty report and exit 0). */
static bool output_close(FILE *out)
{
	errno = 0;
	bool ok = fflush(out) == 0 && !ferror(out);
	int err = errno;
	if (out != stdout) {
		ok = fclose(out) == 0 && ok;
		err = err ? err : errno;
	}
	if (!ok)
		fprintf(stderr, "mipconform: cannot write %s: %s\n",
			opt_output ? opt_output : "the report to standard output",
			err ? strerror(err) : "write error");
	return ok;
}

int main(int argc, char **argv)
{
	static GError *gerr;
	static char **args;   /* split_attached()'s: reachable on exit(2) */
	GOptionContext *ctx = octx = g_option_context_new("FILE... - check Mobile IP captures against the RFC rules");
	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_description(ctx,
		"FILE is a pcap or pcapng capture, or - for standard input.\n"
		"Exit status: 0 no errors, 1 errors found, 2 bad usage, a capture not\n"
		"read to its end, or a report not written.\n"
		"See mipconform(1), docs/mipconform.md and docs/rules.md.");
	args = split_attached(argc, argv, &argc);
	argv = args;
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
	if (!strcmp(fmt, "junit") && opt_list)
		usage_error("--list-rules writes text, json or markdown, not junit");

	if (opt_threads < 0 || opt_threads > 2)
		usage_error("--threads takes 1 or 2 (0: the default), not %d", opt_threads);
	/* two threads only pay when both get a core of their own: by default
	 * only where other work likely leaves two free */
	unsigned threads = opt_threads ? (unsigned)opt_threads
				       : g_get_num_processors() >= 4 ? 2 : 1;

	if (!opt_list && argc < 2)
		usage_error("no capture file given");
	if (opt_output)
		check_output(opt_output, argv + 1, opt_list ? 0 : argc - 1);

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

	FILE *out;
	if (opt_list) {
		if (!(out = output_open()))
			return 2;
		if (!strcmp(fmt, "markdown"))
			rules_list_markdown(rep, out);
		else if (!strcmp(fmt, "json"))
			rules_list_json(rep, out);
		else
			rules_list_text(rep, out);
		report_free(rep);
		mw_keys_free(keys);
		g_free(args);
		g_ptr_array_free(split_opts, TRUE);
		return output_close(out) ? 0 : 2;
	}

	struct conf c = { .rep = rep, .keys = keys };
	c.s4 = state4_new();
	c.s6 = state6_new();
	int bad = reader_run(&c, argv + 1, argc - 1, threads);
	frame_trace_end(&c);
	report_flush(rep);

	/* no capture opened at all (a typo?): an -o file keeps what it had */
	bool written = false;
	if (opt_output && !report_files(rep))
		fprintf(stderr, "mipconform: no capture could be read: %s not written\n",
			opt_output);
	else if ((out = output_open())) {
		if (!strcmp(fmt, "json"))
			report_json(rep, out);
		else if (!strcmp(fmt, "junit"))
			report_junit(rep, out);
		else
			report_text(rep, out, opt_verbose);
		written = output_close(out);
	}

	if (keys)
		report_unjudged_warn(rep, stderr, opt_keys);
	unsigned errors = report_errors(rep);
	state4_free(c.s4);
	state6_free(c.s6);
	report_free(rep);
	mw_keys_free(keys);
	g_free(args);
	g_ptr_array_free(split_opts, TRUE);
	if (bad || !written)
		return 2;
	return errors ? 1 : 0;
}
