/* Verdicts per rule and entity, and the report formats. Memory grows with
 * the number of (rule, node) pairs seen, never with the capture length:
 * each pair keeps counters and the first few violations only. */
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "report.h"

#define MAX_EXAMPLES 5
#define MAX_TRUNC_LIST 20

struct example {
	char *file;
	uint64_t frame;
	int64_t ts_sec;
	uint32_t ts_nsec;
	uint32_t offset, len;
	char *detail;
};

struct entity {
	char *node;
	uint64_t n_pass, n_fail;
	unsigned n_ex;
	struct example ex[MAX_EXAMPLES];
};

struct rstate {
	const struct mw_rule *rule;
	bool enabled;
	GHashTable *ents;      /* node -> struct entity */
	GPtrArray *order;      /* entities in first-seen order */
	char *na_reason;
};

struct report {
	bool have_keys;
	size_t n;
	struct rstate *rs;
	GPtrArray *files;
	uint64_t frames, truncated;
	unsigned n_trunc_list;
	struct example trunc[MAX_TRUNC_LIST];
};

static void entity_free(gpointer p)
{
	struct entity *e = p;
	for (unsigned i = 0; i < e->n_ex; i++) {
		g_free(e->ex[i].detail);
		g_free(e->ex[i].file);
	}
	g_free(e->node);
	g_free(e);
}

struct report *report_new(bool have_keys)
{
	struct report *r = g_new0(struct report, 1);
	r->have_keys = have_keys;
	r->n = mw_rule_count();
	r->rs = g_new0(struct rstate, r->n);
	for (size_t i = 0; i < r->n; i++) {
		r->rs[i].rule = mw_rule_at(i);
		r->rs[i].enabled = true;
		r->rs[i].ents = g_hash_table_new(g_str_hash, g_str_equal);
		r->rs[i].order = g_ptr_array_new_with_free_func(entity_free);
	}
	r->files = g_ptr_array_new_with_free_func(g_free);
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		g_hash_table_destroy(r->rs[i].ents);
		g_ptr_array_free(r->rs[i].order, TRUE);
		g_free(r->rs[i].na_reason);
	}
	for (unsigned i = 0; i < r->n_trunc_list; i++)
		g_free(r->trunc[i].file);
	g_ptr_array_free(r->files, TRUE);
	g_free(r->rs);
	g_free(r);
}

void report_enable(struct report *r, const struct mw_rule *rule, bool on)
{
	r->rs[mw_rule_index(rule)].enabled = on;
}

bool report_enabled(const struct report *r, const struct mw_rule *rule)
{
	return r->rs[mw_rule_index(rule)].enabled;
}

void report_add(struct report *r, const struct mw_rule *rule,
		const char *node, const struct conf_where *w, bool pass,
		const char *detail, uint32_t offset, uint32_t len)
{
	struct rstate *s = &r->rs[mw_rule_index(rule)];
	if (!s->enabled)
		return;
	struct entity *e = g_hash_table_lookup(s->ents, node);
	if (!e) {
		e = g_new0(struct entity, 1);
		e->node = g_strdup(node);
		g_hash_table_insert(s->ents, e->node, e);
		g_ptr_array_add(s->order, e);
	}
	if (pass) {
		e->n_pass++;
		return;
	}
	e->n_fail++;
	if (e->n_ex < MAX_EXAMPLES) {
		struct example *x = &e->ex[e->n_ex++];
		x->file = g_strdup(w ? w->file : "");
		x->frame = w ? w->frame : 0;
		x->ts_sec = w ? w->ts_sec : 0;
		x->ts_nsec = w ? w->ts_nsec : 0;
		x->offset = offset;
		x->len = len;
		x->detail = g_strdup(detail ? detail : "");
	}
}

void report_na(struct report *r, const struct mw_rule *rule, const char *why)
{
	struct rstate *s = &r->rs[mw_rule_index(rule)];
	if (!s->na_reason)
		s->na_reason = g_strdup(why);
}

void report_frame(struct report *r, const struct conf_where *w, bool truncated)
{
	r->frames++;
	if (!truncated)
		return;
	r->truncated++;
	if (r->n_trunc_list < MAX_TRUNC_LIST) {
		struct example *x = &r->trunc[r->n_trunc_list++];
		x->file = g_strdup(w->file);
		x->frame = w->frame;
		x->ts_sec = w->ts_sec;
		x->ts_nsec = w->ts_nsec;
	}
}

void report_file(struct report *r, const char *file)
{
	g_ptr_array_add(r->files, g_strdup(file));
}

/* ---- verdicts ---- */

enum verdict { V_PASS, V_FAIL, V_WARN, V_NA };
static const char *const vname[] = { "PASS", "FAIL", "WARN", "NOT-APPLICABLE" };

static enum verdict ent_verdict(const struct rstate *s, const struct entity *e)
{
	if (!e->n_fail)
		return V_PASS;
	return s->rule->level == MW_LEVEL_ERROR ? V_FAIL : V_WARN;
}

static enum verdict rule_verdict(const struct rstate *s)
{
	enum verdict v = s->order->len ? V_PASS : V_NA;
	for (unsigned i = 0; i < s->order->len; i++) {
		enum verdict ev = ent_verdict(s, s->order->pdata[i]);
		if (ev == V_FAIL)
			return V_FAIL;
		if (ev == V_WARN)
			v = V_WARN;
	}
	return v;
}

static const char *na_reason(const struct report *r, const struct rstate *s)
{
	if ((s->rule->needs & MW_NEEDS_KEYS) && !r->have_keys)
		return "needs --keys";
	if (s->na_reason)
		return s->na_reason;
	return "no traffic exercised it";
}

unsigned report_errors(const struct report *r)
{
	unsigned n = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->rs[i].enabled && rule_verdict(&r->rs[i]) == V_FAIL)
			n++;
	return n;
}

static void fmt_time(int64_t sec, uint32_t nsec, char *buf, size_t cap)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char d[32];
	gmtime_r(&t, &tm);
	strftime(d, sizeof d, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf, cap, "%s.%06uZ", d, nsec / 1000);
}

static void roles_str(unsigned roles, char *buf, size_t cap)
{
	mw_roles_format(roles, buf, cap);
}

/* ---- text ---- */

void report_text(const struct report *r, FILE *out, bool verbose)
{
	unsigned cnt[4] = { 0 };
	for (size_t i = 0; i < r->n; i++)
		if (r->rs[i].enabled)
			cnt[rule_verdict(&r->rs[i])]++;
	fprintf(out, "mipconform %s: %u file(s), %" PRIu64 " frame(s)",
		MW_VERSION, r->files->len, r->frames);
	if (r->truncated)
		fprintf(out, " (%" PRIu64 " truncated)", r->truncated);
	fprintf(out, "; rules: %u FAIL, %u WARN, %u PASS, %u NOT-APPLICABLE\n",
		cnt[V_FAIL], cnt[V_WARN], cnt[V_PASS], cnt[V_NA]);

	for (int pass = 0; pass < 2; pass++) {
		enum verdict want = pass == 0 ? V_FAIL : V_WARN;
		for (size_t i = 0; i < r->n; i++) {
			const struct rstate *s = &r->rs[i];
			char roles[64];
			if (!s->enabled || rule_verdict(s) != want)
				continue;
			roles_str(s->rule->roles, roles, sizeof roles);
			fprintf(out, "\n%-4s %s  [%s, %s %s, %s]\n     %s\n",
				vname[want], s->rule->id, mw_level_str(s->rule->level),
				s->rule->rfc, s->rule->section, roles, s->rule->summary);
			for (unsigned k = 0; k < s->order->len; k++) {
				const struct entity *e = s->order->pdata[k];
				if (!e->n_fail)
					continue;
				fprintf(out, "     node %s: %" PRIu64 " of %" PRIu64 " check(s) failed\n",
					e->node, e->n_fail, e->n_fail + e->n_pass);
				for (unsigned x = 0; x < e->n_ex; x++) {
					char t[48];
					fmt_time(e->ex[x].ts_sec, e->ex[x].ts_nsec, t, sizeof t);
					fprintf(out, "       %s frame %" PRIu64 " at %s: %s\n",
						e->ex[x].file, e->ex[x].frame, t, e->ex[x].detail);
				}
				if (e->n_fail > e->n_ex)
					fprintf(out, "       ... %" PRIu64 " more\n", e->n_fail - e->n_ex);
			}
		}
	}
	fprintf(out, "\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled || rule_verdict(s) != V_PASS)
			continue;
		fprintf(out, "PASS %s (%u node(s))\n", s->rule->id, s->order->len);
	}
	if (verbose)
		for (size_t i = 0; i < r->n; i++) {
			const struct rstate *s = &r->rs[i];
			if (!s->enabled || rule_verdict(s) != V_NA)
				continue;
			fprintf(out, "NOT-APPLICABLE %s: %s\n", s->rule->id, na_reason(r, s));
		}
	if (r->truncated) {
		fprintf(out, "\ntruncated (not checked where bytes are missing; never a violation):\n");
		for (unsigned i = 0; i < r->n_trunc_list; i++)
			fprintf(out, "  %s frame %" PRIu64 "\n", r->trunc[i].file,
				r->trunc[i].frame);
		if (r->truncated > r->n_trunc_list)
			fprintf(out, "  ... %" PRIu64 " more\n", r->truncated - r->n_trunc_list);
	}
}

/* ---- JSON ---- */

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void json_roles(FILE *out, unsigned roles)
{
	bool first = true;
	fputc('[', out);
	for (unsigned b = 0; b < MW_ROLE__COUNT; b++)
		if (roles & (1u << b)) {
			fprintf(out, "%s", first ? "" : ",");
			json_str(out, mw_role_str(1u << b));
			first = false;
		}
	fputc(']', out);
}

static void json_rule_head(FILE *out, const struct mw_rule *ru)
{
	fprintf(out, "{\"id\":");
	json_str(out, ru->id);
	fprintf(out, ",\"rfc\":");
	json_str(out, ru->rfc);
	fprintf(out, ",\"section\":");
	json_str(out, ru->section);
	fprintf(out, ",\"level\":\"%s\",\"roles\":", mw_level_str(ru->level));
	json_roles(out, ru->roles);
	fprintf(out, ",\"kind\":\"%s\",\"needs_keys\":%s,\"summary\":",
		(ru->needs & MW_NEEDS_STATE) ? "stateful" : "per-packet",
		(ru->needs & MW_NEEDS_KEYS) ? "true" : "false");
	json_str(out, ru->summary);
}

void report_json(const struct report *r, FILE *out)
{
	fprintf(out, "{\"tool\":\"mipconform\",\"version\":\"%s\",\"files\":[", MW_VERSION);
	for (unsigned i = 0; i < r->files->len; i++) {
		fprintf(out, "%s", i ? "," : "");
		json_str(out, r->files->pdata[i]);
	}
	fprintf(out, "],\"frames\":%" PRIu64 ",\"truncated_frames\":%" PRIu64
		",\"truncated\":[", r->frames, r->truncated);
	for (unsigned i = 0; i < r->n_trunc_list; i++) {
		fprintf(out, "%s{\"file\":", i ? "," : "");
		json_str(out, r->trunc[i].file);
		fprintf(out, ",\"frame\":%" PRIu64 "}", r->trunc[i].frame);
	}
	unsigned cnt[4] = { 0 };
	for (size_t i = 0; i < r->n; i++)
		if (r->rs[i].enabled)
			cnt[rule_verdict(&r->rs[i])]++;
	fprintf(out, "],\"summary\":{\"FAIL\":%u,\"WARN\":%u,\"PASS\":%u,\"NOT-APPLICABLE\":%u},\"rules\":[",
		cnt[V_FAIL], cnt[V_WARN], cnt[V_PASS], cnt[V_NA]);
	bool first = true;
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		enum verdict v = rule_verdict(s);
		fprintf(out, "%s\n", first ? "" : ",");
		first = false;
		json_rule_head(out, s->rule);
		fprintf(out, ",\"verdict\":\"%s\"", vname[v]);
		if (v == V_NA) {
			fprintf(out, ",\"reason\":");
			json_str(out, na_reason(r, s));
		}
		fprintf(out, ",\"entities\":[");
		for (unsigned k = 0; k < s->order->len; k++) {
			const struct entity *e = s->order->pdata[k];
			fprintf(out, "%s{\"node\":", k ? "," : "");
			json_str(out, e->node);
			fprintf(out, ",\"verdict\":\"%s\",\"pass\":%" PRIu64 ",\"fail\":%" PRIu64
				",\"findings\":[", vname[ent_verdict(s, e)], e->n_pass, e->n_fail);
			for (unsigned x = 0; x < e->n_ex; x++) {
				char t[48];
				fmt_time(e->ex[x].ts_sec, e->ex[x].ts_nsec, t, sizeof t);
				fprintf(out, "%s{\"file\":", x ? "," : "");
				json_str(out, e->ex[x].file);
				fprintf(out, ",\"frame\":%" PRIu64 ",\"time\":\"%s\",\"offset\":%u,\"len\":%u,\"detail\":",
					e->ex[x].frame, t, e->ex[x].offset, e->ex[x].len);
				json_str(out, e->ex[x].detail);
				fputc('}', out);
			}
			fprintf(out, "]}");
		}
		fprintf(out, "]}");
	}
	fprintf(out, "\n]}\n");
}

/* ---- JUnit ---- */

static void xml_str(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\n')
				fputc(*s, out);
		}
	}
}

void report_junit(const struct report *r, FILE *out)
{
	unsigned tests = 0, fails = 0, skipped = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		if (!s->order->len) {
			tests++;
			skipped++;
			continue;
		}
		for (unsigned k = 0; k < s->order->len; k++) {
			tests++;
			fails += ent_verdict(s, s->order->pdata[k]) == V_FAIL;
		}
	}
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"mipconform\" tests=\"%u\" failures=\"%u\" skipped=\"%u\">\n"
		"<testsuite name=\"mipconform\" tests=\"%u\" failures=\"%u\" skipped=\"%u\">\n",
		tests, fails, skipped, tests, fails, skipped);
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		if (!s->order->len) {
			fprintf(out, "  <testcase classname=\"");
			xml_str(out, s->rule->id);
			fprintf(out, "\" name=\"-\"><skipped message=\"NOT-APPLICABLE: ");
			xml_str(out, na_reason(r, s));
			fprintf(out, "\"/></testcase>\n");
			continue;
		}
		for (unsigned k = 0; k < s->order->len; k++) {
			const struct entity *e = s->order->pdata[k];
			enum verdict v = ent_verdict(s, e);
			fprintf(out, "  <testcase classname=\"");
			xml_str(out, s->rule->id);
			fprintf(out, "\" name=\"");
			xml_str(out, e->node);
			fprintf(out, "\">");
			if (v != V_PASS) {
				fprintf(out, v == V_FAIL ? "<failure type=\"%s\" message=\"" :
					"<system-out>WARN (%s): ", mw_level_str(s->rule->level));
				xml_str(out, s->rule->rfc);
				fputc(' ', out);
				xml_str(out, s->rule->section);
				fputs(": ", out);
				xml_str(out, s->rule->summary);
				if (v == V_FAIL)
					fputs("\">", out);
				fputc('\n', out);
				for (unsigned x = 0; x < e->n_ex; x++) {
					fprintf(out, "%s frame %" PRIu64 ": ", e->ex[x].file, e->ex[x].frame);
					xml_str(out, e->ex[x].detail);
					fputc('\n', out);
				}
				fputs(v == V_FAIL ? "</failure>" : "</system-out>", out);
			}
			fprintf(out, "</testcase>\n");
		}
	}
	fprintf(out, "</testsuite>\n</testsuites>\n");
}

/* ---- rule listings ---- */

void rules_list_text(const struct report *r, FILE *out)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct mw_rule *ru = r->rs[i].rule;
		char roles[64];
		if (!r->rs[i].enabled)
			continue;
		roles_str(ru->roles, roles, sizeof roles);
		fprintf(out, "%-26s %-7s %-8s %-8s %-12s %-10s %s\n", ru->id,
			mw_level_str(ru->level), ru->rfc, ru->section, roles,
			(ru->needs & MW_NEEDS_STATE) ? "stateful" :
			(ru->needs & MW_NEEDS_KEYS) ? "keys" : "packet",
			ru->summary);
	}
}

void rules_list_json(const struct report *r, FILE *out)
{
	bool first = true;
	fprintf(out, "[");
	for (size_t i = 0; i < r->n; i++) {
		if (!r->rs[i].enabled)
			continue;
		fprintf(out, "%s\n", first ? "" : ",");
		first = false;
		json_rule_head(out, r->rs[i].rule);
		fputc('}', out);
	}
	fprintf(out, "\n]\n");
}

void rules_list_markdown(const struct report *r, FILE *out)
{
	unsigned n = 0, st = 0;
	for (size_t i = 0; i < r->n; i++) {
		n++;
		st += (r->rs[i].rule->needs & MW_NEEDS_STATE) != 0;
	}
	fprintf(out,
		"# mipconform rules\n\n"
		"<!-- Generated by `mipconform --list-rules --format markdown`; do not edit. -->\n\n"
		"%u rules: %u per-packet (also flagged by the Wireshark plugin), %u stateful "
		"(mipconform only). Level: MUST / MUST NOT = error, SHOULD = warning, "
		"MAY / informational = info. Kind `keys` needs `--keys FILE` "
		"(else NOT-APPLICABLE).\n\n"
		"| Rule | Level | Reference | Roles | Kind | Requirement |\n"
		"|---|---|---|---|---|---|\n", n, n - st, st);
	for (size_t i = 0; i < r->n; i++) {
		const struct mw_rule *ru = r->rs[i].rule;
		char roles[64];
		roles_str(ru->roles, roles, sizeof roles);
		fprintf(out, "| `%s` | %s | %s %s | %s | %s | %s |\n", ru->id,
			mw_level_str(ru->level), ru->rfc, ru->section, roles,
			(ru->needs & MW_NEEDS_STATE) ? "stateful" :
			(ru->needs & MW_NEEDS_KEYS) ? "keys" : "packet",
			ru->summary);
	}
}
