/* mipdump: decode Mobile IP in capture files. Reads each input with
 * mw_capture_*, decodes every frame with mw_decode() and prints one line
 * per Mobile IP message, a field tree (-v) or JSON Lines (--json).
 * Exit: 0 done, 2 bad usage or an input that cannot be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mipdump.h"

#define EXIT_USAGE 2

static gboolean opt_all, opt_verbose, opt_offsets, opt_json, opt_list,
	opt_markdown, opt_version, opt_no_csum, opt_no_tunnels;
static gchar **opt_ports;
static gint opt_pmip6_port = -1;

static const GOptionEntry entries[] = {
	{ "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all,
	  "Also print frames without Mobile IP content", NULL },
	{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
	  "Print every layer, message and element with all its fields", NULL },
	{ "offsets", 0, 0, G_OPTION_ARG_NONE, &opt_offsets,
	  "With -v or --json: frame offset and length of every field", NULL },
	{ "json", 'j', 0, G_OPTION_ARG_NONE, &opt_json,
	  "One JSON object per frame per line (JSON Lines)", NULL },
	{ "list-fields", 0, 0, G_OPTION_ARG_NONE, &opt_list,
	  "List every registry, row and field key with its type, then exit",
	  NULL },
	{ "markdown", 0, 0, G_OPTION_ARG_NONE, &opt_markdown,
	  "With --list-fields: Markdown (docs/json-fields.md)", NULL },
	{ "mip4-port", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &opt_ports,
	  "Also decode MIPv4 on this UDP port (besides 434; up to 3)",
	  "PORT" },
	{ "pmip6-port", 0, 0, G_OPTION_ARG_INT, &opt_pmip6_port,
	  "UDP port of PMIPv6 over IPv4 (default 5436)", "PORT" },
	{ "no-checksums", 0, 0, G_OPTION_ARG_NONE, &opt_no_csum,
	  "Do not verify UDP / ICMP / MH checksums", NULL },
	{ "no-tunnels", 0, 0, G_OPTION_ARG_NONE, &opt_no_tunnels,
	  "Do not decode inside tunnels", NULL },
	{ "version", 'V', 0, G_OPTION_ARG_NONE, &opt_version,
	  "Print the version and exit", NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL },
};

static int usage_error(const char *msg)
{
	fprintf(stderr, "mipdump: %s\nTry 'mipdump --help'.\n", msg);
	return EXIT_USAGE;
}

static bool parse_port(const char *s, uint16_t *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 1 || v > 65535)
		return false;
	*out = (uint16_t)v;
	return true;
}

static bool set_decode_opts(struct md_opts *o, char *err, size_t cap)
{
	int n = 0;

	o->dec.mip4_ports[n++] = MW_MIP4_PORT;
	for (int i = 0; opt_ports && opt_ports[i]; i++) {
		if (n >= 4) {
			snprintf(err, cap, "at most 3 --mip4-port values");
			return false;
		}
		if (!parse_port(opt_ports[i], &o->dec.mip4_ports[n++])) {
			snprintf(err, cap, "bad --mip4-port '%s'", opt_ports[i]);
			return false;
		}
	}
	o->dec.pmip6_udp_port = MW_PMIP6_UDP_PORT;
	if (opt_pmip6_port != -1) {
		if (opt_pmip6_port < 1 || opt_pmip6_port > 65535) {
			snprintf(err, cap, "bad --pmip6-port %d", opt_pmip6_port);
			return false;
		}
		o->dec.pmip6_udp_port = (uint16_t)opt_pmip6_port;
	}
	o->dec.no_checksums = opt_no_csum;
	o->dec.no_tunnels = opt_no_tunnels;
	return true;
}

static void flush(GString *out)
{
	if (out->len)
		fwrite(out->str, 1, out->len, stdout);
	g_string_truncate(out, 0);
}

/* Decode and print one input; false if it could not be read (fully). */
static bool dump_file(const char *path, const struct md_opts *o, GString *out)
{
	static struct mw_packet pkt;
	char err[512];
	struct mw_capture *c = mw_capture_open(path, err, sizeof(err));
	struct mw_frame fr;
	int64_t first = 0;
	bool ok = true;
	int rc;

	if (!c) {
		fprintf(stderr, "mipdump: %s\n", err);
		return false;
	}
	if (o->multi && !o->json)
		g_string_append_printf(out, "==> %s <==\n", path);
	while ((rc = mw_capture_next(c, &fr)) == 1) {
		int64_t t = fr.ts_sec * 1000000000LL + fr.ts_nsec;
		struct md_frame f = { &fr, &pkt, path, 0 };

		if (fr.number == 1)
			first = t;
		f.rel_ns = t - first;
		mw_decode(&pkt, fr.linktype, fr.data, fr.caplen, fr.wirelen,
			  &o->dec);
		if (o->json)
			md_print_json(out, o, &f);
		else if (o->verbose)
			md_print_tree(out, o, &f);
		else
			md_print_lines(out, o, &f);
		if (out->len >= 1u << 16)
			flush(out);
	}
	flush(out);
	if (rc < 0) {
		fflush(stdout);
		fprintf(stderr, "mipdump: %s\n", mw_capture_error(c));
		ok = false;
	}
	mw_capture_close(c);
	return ok;
}

int main(int argc, char **argv)
{
	GOptionContext *ctx;
	GError *gerr = NULL;
	struct md_opts o = { 0 };
	GString *out;
	char err[128];
	int rc = 0;

	ctx = g_option_context_new("FILE... - decode Mobile IP in pcap / "
				   "pcapng captures");
	g_option_context_set_summary(ctx,
		"Decodes every frame of each capture (\"-\" = standard input) "
		"with libmipwire.\nDefault: one line per Mobile IP message.");
	g_option_context_set_description(ctx,
		"Exit status: 0 on success (decode errors inside frames are "
		"reported, not fatal),\n2 on bad usage or an input that cannot "
		"be read or is cut short.\nSee docs/mipdump.md and "
		"docs/json-fields.md.\n");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
		rc = usage_error(gerr->message);
		g_error_free(gerr);
		g_option_context_free(ctx);
		return rc;
	}
	g_option_context_free(ctx);

	if (opt_version) {
		printf("mipdump %s (libmipwire %s)\n", MW_VERSION, MW_VERSION);
		return 0;
	}
	out = g_string_sized_new(1u << 17);
	if (opt_list) {
		md_list_fields(out, opt_markdown);
		flush(out);
		g_string_free(out, TRUE);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (opt_markdown)
		return usage_error("--markdown goes with --list-fields");
	if (opt_json && opt_verbose)
		return usage_error("-v and --json exclude each other");
	if (opt_offsets && !opt_verbose && !opt_json)
		return usage_error("--offsets goes with -v or --json");
	if (argc < 2)
		return usage_error("no capture file given (use - for "
				   "standard input)");
	if (!set_decode_opts(&o, err, sizeof(err)))
		return usage_error(err);
	o.all = opt_all;
	o.verbose = opt_verbose;
	o.offsets = opt_offsets;
	o.json = opt_json;
	o.multi = argc > 2;

	setvbuf(stdout, NULL, _IOFBF, 1u << 16);
	for (int i = 1; i < argc; i++)
		if (!dump_file(argv[i], &o, out))
			rc = EXIT_USAGE;
	g_string_free(out, TRUE);
	g_strfreev(opt_ports);
	if (fflush(stdout) != 0) {
		perror("mipdump: stdout");
		return 1;
	}
	return rc;
}
