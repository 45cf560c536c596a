/* The "mipkit" tap and its tshark statistics, `-z mipkit,stat[,filter]`:
 * per message type the count, the replies matched and their response time
 * min / avg / max, the requests left unanswered (exchanges: a request and
 * its retransmissions, with no reply by the end), and per reply / status
 * code the count. Names come from
 * the registries (the message row's "code" / "status" field names the
 * registry of its values). */
#include <stdio.h>

#include <epan/tap.h>
#include <epan/stat_tap_ui.h>

#include "mipkit.h"

static int mk_tap = -1;

void mk_stats_queue(packet_info *pinfo, const struct mk_tap_rec *r)
{
	struct mk_tap_rec *c;

	if (!have_tap_listener(mk_tap))
		return;
	c = wmem_new(pinfo->pool, struct mk_tap_rec);
	*c = *r;
	tap_queue_packet(mk_tap, pinfo, c);
}

struct stat_row {
	unsigned reg, code;
	guint count, n_rt, n_unanswered;
	double rt_min, rt_max, rt_sum;  /* milliseconds */
	GTree *codes;                   /* status -> count */
};

struct stat_tab {
	GTree *rows;                    /* reg << 8 | code -> stat_row */
	GHashTable *open;               /* exchange -> its request's stat_row */
	char *filter;
};

static gint cmp_int(gconstpointer a, gconstpointer b, gpointer u _U_)
{
	return GPOINTER_TO_INT(a) - GPOINTER_TO_INT(b);
}

static tap_packet_status stat_packet(void *tapdata, packet_info *pinfo _U_,
				     epan_dissect_t *edt _U_, const void *data,
				     tap_flags_t flags _U_)
{
	struct stat_tab *t = tapdata;
	const struct mk_tap_rec *r = data;
	gint key = r->reg << 8 | r->code;
	struct stat_row *row = g_tree_lookup(t->rows, GINT_TO_POINTER(key));

	if (!row) {
		row = g_new0(struct stat_row, 1);   /* (freed by rows' free_row) */
		row->reg = r->reg;
		row->code = r->code;
		row->codes = g_tree_new_full(cmp_int, NULL, NULL, NULL);
		g_tree_insert(t->rows, GINT_TO_POINTER(key), row);
	}
	row->count++;
	if (r->status >= 0) {
		gint n = GPOINTER_TO_INT(g_tree_lookup(row->codes,
					 GINT_TO_POINTER(r->status + 1)));
		g_tree_insert(row->codes, GINT_TO_POINTER(r->status + 1),
			      GINT_TO_POINTER(n + 1));
	}
	if (r->has_rt) {
		double ms = nstime_to_msec(&r->rt);
		if (row->n_rt == 0 || ms < row->rt_min)
			row->rt_min = ms;
		if (row->n_rt == 0 || ms > row->rt_max)
			row->rt_max = ms;
		row->rt_sum += ms;
		row->n_rt++;
	}
	if (r->exchange && r->request)
		g_hash_table_insert(t->open, GUINT_TO_POINTER(r->exchange), row);
	else if (r->exchange && r->has_rt)
		g_hash_table_remove(t->open, GUINT_TO_POINTER(r->exchange));
	return TAP_PACKET_REDRAW;
}

/* The registry naming a message's reply / status codes. */
static unsigned status_reg(const struct stat_row *row)
{
	const struct mw_reg_entry *e = mw_reg_lookup(row->reg, row->code);

	for (unsigned i = 0; e && i < e->n_fields; i++)
		if (e->fields[i].key && (strcmp(e->fields[i].key, "code") == 0 ||
					 strcmp(e->fields[i].key, "status") == 0))
			return e->fields[i].vals;
	return MW_REG_NONE;
}

struct draw_ctx {
	const struct stat_row *row;
};

static gboolean draw_code(gpointer k, gpointer v, gpointer u)
{
	struct draw_ctx *d = u;
	unsigned code = (unsigned)GPOINTER_TO_INT(k) - 1;
	char buf[32];

	printf("    %-3s %-40.40s %8d\n", "", mw_reg_name_or(status_reg(d->row),
	       code, buf, sizeof(buf)), GPOINTER_TO_INT(v));
	return FALSE;
}

static gboolean draw_row(gpointer k _U_, gpointer v, gpointer u _U_)
{
	const struct stat_row *row = v;
	const struct mw_registry *r = mw_registry_get(row->reg);
	char name[32], label[96];
	struct draw_ctx d = { row };

	snprintf(label, sizeof(label), "%s %u %s", r ? r->key : "?", row->code,
		 mw_reg_name_or(row->reg, row->code, name, sizeof(name)));
	if (row->n_rt)
		printf("%-48.48s %8u %8u %10u %11.3f %11.3f %11.3f\n", label,
		       row->count, row->n_rt, row->n_unanswered, row->rt_min,
		       row->rt_sum / row->n_rt, row->rt_max);
	else
		printf("%-48.48s %8u %8u %10u\n", label, row->count, 0u,
		       row->n_unanswered);
	g_tree_foreach(row->codes, draw_code, &d);
	return FALSE;
}

static void count_unanswered(gpointer k _U_, gpointer v, gpointer u _U_)
{
	((struct stat_row *)v)->n_unanswered++;
}

static gboolean clear_unanswered(gpointer k _U_, gpointer v, gpointer u _U_)
{
	((struct stat_row *)v)->n_unanswered = 0;
	return FALSE;
}

static void stat_draw(void *tapdata)
{
	struct stat_tab *t = tapdata;

	g_tree_foreach(t->rows, clear_unanswered, NULL);
	g_hash_table_foreach(t->open, count_unanswered, NULL);

	printf("\n==========================================================="
	       "=========================================\n");
	printf("mipkit Mobile IP statistics%s%s\n", t->filter ? " with filter: " : "",
	       t->filter ? t->filter : "");
	printf("%-48s %8s %8s %10s %11s %11s %11s\n", "Message (registry code name)",
	       "Count", "Matched", "Unanswered", "RT min ms", "RT avg ms",
	       "RT max ms");
	printf("    %-44s %8s\n", "reply / status code", "Count");
	g_tree_foreach(t->rows, draw_row, NULL);
	printf("============================================================="
	       "=======================================\n");
}

static void free_row(gpointer v)
{
	struct stat_row *row = v;

	g_tree_destroy(row->codes);
	g_free(row);
}

/* A new pass over the packets (a reload): start the counts again. */
static void stat_reset(void *tapdata)
{
	struct stat_tab *t = tapdata;

	g_hash_table_remove_all(t->open);
	g_tree_destroy(t->rows);
	t->rows = g_tree_new_full(cmp_int, NULL, NULL, free_row);
}

/* The listener is removed (tshark at exit): free what it counted. */
static void stat_finish(void *tapdata)
{
	struct stat_tab *t = tapdata;

	g_hash_table_destroy(t->open);
	g_tree_destroy(t->rows);
	g_free(t->filter);
	g_free(t);
}

static void stat_init(const char *opt_arg, void *userdata _U_)
{
	struct stat_tab *t = g_new0(struct stat_tab, 1);
	const char *prefix = "mipkit,stat,";
	GString *err;

	t->rows = g_tree_new_full(cmp_int, NULL, NULL, free_row);
	t->open = g_hash_table_new(g_direct_hash, g_direct_equal);
	if (g_str_has_prefix(opt_arg, prefix) && opt_arg[strlen(prefix)])
		t->filter = g_strdup(opt_arg + strlen(prefix));
	err = register_tap_listener("mipkit", t, t->filter, 0,
				    stat_reset, stat_packet, stat_draw, stat_finish);
	if (err) {
		fprintf(stderr, "tshark: mipkit,stat: %s\n", err->str);
		g_string_free(err, TRUE);
		stat_finish(t);
		exit(1);
	}
}

void mk_stats_register(void)
{
	static stat_tap_ui ui = {
		REGISTER_STAT_GROUP_GENERIC, "Mobile IP (mipkit)",
		"mipkit,stat", stat_init, 0, NULL
	};

	mk_tap = register_tap("mipkit");
	register_stat_tap_ui(&ui, NULL);
}
