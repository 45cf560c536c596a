/* --list-fields: every registry, row and layout field, straight from the
 * tables (docs/json-fields.md is this output with --markdown). */
#include <string.h>

#include "fmt.h"
#include "mipdump.h"

static void md_cell(GString *out, const char *s)
{
	g_string_append(out, " ");
	for (; s && *s; s++) {
		if (*s == '|')
			g_string_append(out, "\\|");
		else if (*s == '\n')
			g_string_append_c(out, ' ');
		else
			g_string_append_c(out, *s);
	}
	g_string_append(out, " |");
}

static const char *vals_key(const struct mw_field *f)
{
	const struct mw_registry *r;

	if (!f->vals)
		return "";
	r = mw_registry_get((enum mw_reg_id)f->vals);
	return r && r->key ? r->key : "(missing registry)";
}

static const char *hdr_name(uint8_t hdr)
{
	switch (hdr) {
	case MW_HDR_NONE: return "";
	case MW_HDR_PAD1: return "pad1";
	case MW_HDR_TLV8: return "tlv8";
	case MW_HDR_LONG: return "long";
	case MW_HDR_SHORT: return "short";
	case MW_HDR_CVSE: return "cvse";
	}
	return "?";
}

static void text_registry(GString *out, const struct mw_registry *r)
{
	char tb[32];

	g_string_append_printf(out, "registry\t%s\t%s\t%s\n", r->key,
			       r->name ? r->name : "",
			       r->source ? r->source : "");
	for (const struct mw_reg_entry *row = mw_reg_first(r); row;
	     row = mw_reg_next(r, row)) {
		g_string_append_printf(out, "row\t%s.%s\t%u\t%s\t%s\n", r->key,
				       row->key, row->code,
				       row->name ? row->name : "",
				       row->ref ? row->ref : "");
		for (uint16_t i = 0; i < row->n_fields; i++) {
			const struct mw_field *f = &row->fields[i];

			g_string_append_printf(out,
					       "field\t%s.%s.%s\t%s\t%s\t%s\t%s\n",
					       r->key, row->key, f->key,
					       mdf_type_name(f, tb, sizeof(tb)),
					       f->name ? f->name : "",
					       vals_key(f),
					       f->unit ? f->unit : "");
		}
	}
}

static const char envelope[] =
"## The frame object\n"
"\n"
"`mipdump --json` writes one JSON object per frame, one per line "
"(JSON Lines):\n"
"\n"
"| member | type | meaning |\n"
"|---|---|---|\n"
"| `frame` | number | 1-based frame number in its file (as Wireshark counts) |\n"
"| `file` | string | input name; only when more than one input is given |\n"
"| `time` | number | capture time, seconds since the epoch, 9 decimals |\n"
"| `time_relative` | number | seconds since the first frame of the file |\n"
"| `caplen`, `len` | number | captured and on-the-wire length |\n"
"| `linktype` | number | pcap LINKTYPE_* of the frame |\n"
"| `status` | string | `ok`, `truncated`, `malformed`, ... (first hard error) |\n"
"| `diag` | object | `status`, and if not ok: `offset`, `field`, `why` |\n"
"| `layers` | array | headers below Mobile IP, outermost first |\n"
"| `messages` | array | Mobile IP messages |\n"
"| `notes` | array | soft findings: `status`, `offset`, `field`, `why`, `value` |\n"
"\n"
"A layer has `kind` (row key of the `layer` registry), `name`, `depth` "
"(tunnel nesting), `offset`, `length`, `synthetic` (rebuilt header, true "
"only), `checksum` (`ok` / `bad` / `unchecked`, where verified), `fields`, "
"`names` (when some values have registered names) and `elements` (the "
"options of IPv6 Hop-by-Hop / Destination Options headers).\n"
"\n"
"A message has `reg` (registry key), `type` (code), `key` (row key), "
"`name`, `offset`, `length`, `status`, `checksum` (Mobility Header), "
"`fields`, `names` and `elements`. An element (extension, option, "
"sub-option) has `reg`, `type`, `key`, `name`, `depth`, `subtype`, "
"`subtype_key`, `subtype_name` (long/short-form extensions), `offset`, "
"`length`, `status`, `fields`, `names`, and its sub-options in `elements`.\n"
"\n"
"`fields` members are the layout keys listed below; the full name of a "
"field is `<registry>.<row>.<field>`. Values: `uint*` and `ntp64` are "
"numbers, `flag` is true/false, `ipv4`/`ipv6` are address strings "
"(`ipv4[]`/`ipv6[]` arrays of them), `mac` is `aa:bb:..`, `bytes` a hex "
"string, `string` the text with bytes outside printable ASCII as "
"`\\u00XX`. A field that lies outside the element or was not captured is "
"left out. `names` maps a field key to the registered name of its value. "
"With `--offsets`, `offsets` maps a field key to `[frame offset, length]`.\n"
"\n";

static void md_registry(GString *out, const struct mw_registry *r)
{
	char tb[32];

	g_string_append_printf(out, "### `%s`: %s\n\n", r->key,
			       r->name ? r->name : "");
	if (r->source)
		g_string_append_printf(out, "Source: %s.\n\n", r->source);
	g_string_append(out, "| code | key | name | reference | header | "
			"length | fields |\n|---|---|---|---|---|---|---|\n");
	for (const struct mw_reg_entry *row = mw_reg_first(r); row;
	     row = mw_reg_next(r, row)) {
		char len[32];

		if (row->max_len == MW_LEN_ANY)
			snprintf(len, sizeof(len), "%u..", row->min_len);
		else if (row->max_len == row->min_len)
			snprintf(len, sizeof(len), "%u", row->min_len);
		else
			snprintf(len, sizeof(len), "%u..%u", row->min_len,
				 row->max_len);
		g_string_append_printf(out, "| %u |", row->code);
		g_string_append_printf(out, " `%s` |", row->key);
		md_cell(out, row->name);
		md_cell(out, row->ref);
		md_cell(out, hdr_name(row->hdr));
		md_cell(out, len);
		g_string_append_printf(out, " %u |\n", row->n_fields);
	}
	g_string_append_c(out, '\n');
	for (const struct mw_reg_entry *row = mw_reg_first(r); row;
	     row = mw_reg_next(r, row)) {
		if (!row->n_fields)
			continue;
		g_string_append_printf(out, "#### `%s.%s` (%u) %s", r->key,
				       row->key, row->code,
				       row->name ? row->name : "");
		g_string_append(out, "\n\n| field | type | offset | length | "
				"values | unit | name |\n"
				"|---|---|---|---|---|---|---|\n");
		for (uint16_t i = 0; i < row->n_fields; i++) {
			const struct mw_field *f = &row->fields[i];
			char len[16];

			if (f->len)
				snprintf(len, sizeof(len), "%u", f->len);
			else
				snprintf(len, sizeof(len), "to end");
			g_string_append_printf(out, "| `%s` | %s | %u | %s |",
					       f->key,
					       mdf_type_name(f, tb, sizeof(tb)),
					       f->off, len);
			md_cell(out, vals_key(f));
			md_cell(out, f->unit ? f->unit : "");
			md_cell(out, f->name);
			g_string_append_c(out, '\n');
		}
		g_string_append_c(out, '\n');
	}
}

void md_list_fields(GString *out, bool markdown)
{
	if (markdown) {
		g_string_append(out,
			"# mipdump JSON fields\n\n"
			"<!-- Generated by `mipdump --list-fields --markdown`; "
			"do not edit. The test mipdump-json-fields-doc fails "
			"when this file is not current. -->\n\n");
		g_string_append(out, envelope);
		g_string_append(out, "## Registries\n\n");
	}
	for (int id = 1; id < MW_REG__COUNT; id++) {
		const struct mw_registry *r =
			mw_registry_get((enum mw_reg_id)id);

		if (!r || !r->key)
			continue;
		if (markdown)
			md_registry(out, r);
		else
			text_registry(out, r);
	}
}
