/* The plugin's hf fields, generated at registration time from libmipwire's
 * registries: every layout field of every row becomes
 * mipkit.<registry key>.<row key>.<field key>, with value strings built
 * from the registry the field names. Nothing here knows a code or a name. */
#include "mipkit.h"

/* hf ids per registry row: ids[reg][code] -> array of n_fields ints. */
static int **row_hf[MW_REG__COUNT];
static int hf_code[MW_REG__COUNT];
static int hf_data[MW_REG__COUNT];
static int ett_reg[MW_REG__COUNT];
static value_string *reg_vals[MW_REG__COUNT];
static bool reg_vals_done[MW_REG__COUNT];
static gint ett_generic = -1; /* subtrees of registries without an ett */

const value_string *mk_reg_vals(unsigned reg)
{
	const struct mw_registry *r;
	const struct mw_reg_entry *row;
	size_t n = 0, i = 0;

	if (reg == MW_REG_NONE || reg >= MW_REG__COUNT)
		return NULL;
	if (reg_vals_done[reg])
		return reg_vals[reg];
	reg_vals_done[reg] = true;
	r = mw_registry_get((enum mw_reg_id)reg);
	for (row = mw_reg_first(r); row; row = mw_reg_next(r, row))
		n++;
	if (n == 0)
		return NULL;
	reg_vals[reg] = g_new0(value_string, n + 1);
	for (row = mw_reg_first(r); row; row = mw_reg_next(r, row)) {
		reg_vals[reg][i].value = row->code;
		reg_vals[reg][i].strptr = row->name ? row->name : row->key;
		i++;
	}
	return reg_vals[reg];
}

/* One unit_name_string per distinct unit text ("s" -> " s"). */
static const unit_name_string *unit_for(const char *unit)
{
	static GHashTable *units;
	unit_name_string *u;

	if (!unit || !*unit)
		return NULL;
	if (!units)
		units = g_hash_table_new(g_str_hash, g_str_equal);
	u = g_hash_table_lookup(units, unit);
	if (!u) {
		u = g_new0(unit_name_string, 1);
		u->singular = g_strdup_printf(" %s", unit);
		g_hash_table_insert(units, g_strdup(unit), u);
	}
	return u;
}

static enum ftenum uint_type(unsigned len)
{
	static const enum ftenum t[] = { FT_NONE, FT_UINT8, FT_UINT16,
		FT_UINT24, FT_UINT32, FT_UINT40, FT_UINT48, FT_UINT56,
		FT_UINT64 };
	return len >= 1 && len <= 8 ? t[len] : FT_BYTES;
}

/* The Wireshark type / display / strings of one layout field. */
static void field_hfinfo(const struct mw_field *f, header_field_info *hi)
{
	hi->type = FT_BYTES;
	hi->display = BASE_NONE;
	hi->strings = NULL;
	hi->bitmask = 0;
	switch (f->type) {
	case MW_FT_UINT: {
		const value_string *vs = mk_reg_vals(f->vals);
		hi->type = uint_type(f->len);
		if (hi->type == FT_BYTES)
			break;
		hi->bitmask = f->mask;
		hi->display = f->base == MW_BASE_HEX ? BASE_HEX : BASE_DEC;
		if (vs && f->len <= 4) {
			hi->strings = VALS(vs);
		} else if (unit_for(f->unit)) {
			hi->display |= BASE_UNIT_STRING;
			hi->strings = unit_for(f->unit);
		}
		break;
	}
	case MW_FT_FLAG:
		if (f->len >= 1 && f->len <= 4) {
			hi->type = FT_BOOLEAN;
			hi->display = f->mask ? (int)(f->len * 8) : BASE_NONE;
			hi->bitmask = f->mask;
		}
		break;
	case MW_FT_IPV4:
		if (f->len == 4 || f->len == 0)
			hi->type = FT_IPv4;
		break;
	case MW_FT_IPV6:
		if (f->len == 16 || f->len == 0)
			hi->type = FT_IPv6;
		break;
	case MW_FT_MAC:
		if (f->len == 6)
			hi->type = FT_ETHER;
		break;
	case MW_FT_STRING:
		hi->type = FT_STRING;
		break;
	case MW_FT_NTP64:
		if (f->len == 8) {
			hi->type = FT_ABSOLUTE_TIME;
			hi->display = ABSOLUTE_TIME_UTC;
		}
		break;
	default:
		break;
	}
}

static hf_register_info *hf_add(GArray *a, int *id, const char *name,
				const char *abbrev)
{
	hf_register_info r;

	memset(&r, 0, sizeof(r));
	*id = -1;
	r.p_id = id;
	r.hfinfo.name = name;
	r.hfinfo.abbrev = abbrev;
	r.hfinfo.id = -1;
	r.hfinfo.parent = 0;
	r.hfinfo.ref_type = HF_REF_TYPE_NONE;
	r.hfinfo.same_name_prev_id = -1;
	g_array_append_val(a, r);
	return &g_array_index(a, hf_register_info, a->len - 1);
}

static void register_row(GArray *a, GHashTable *seen,
			 const struct mw_registry *r,
			 const struct mw_reg_entry *row)
{
	int *ids = g_new(int, row->n_fields ? row->n_fields : 1);

	row_hf[r->id][row->code] = ids;
	for (unsigned i = 0; i < row->n_fields; i++) {
		const struct mw_field *f = &row->fields[i];
		char *abbrev = g_strdup_printf("mipkit.%s.%s.%s", r->key,
					       row->key, f->key);
		hf_register_info *hr;

		ids[i] = -1;
		if (!f->key || g_hash_table_contains(seen, abbrev)) {
			/* a layout that repeats a key: keep the first */
			g_free(abbrev);
			continue;
		}
		g_hash_table_add(seen, abbrev);
		hr = hf_add(a, &ids[i], f->name ? f->name : f->key, abbrev);
		field_hfinfo(f, &hr->hfinfo);
	}
}

void mk_fields_register(void)
{
	GArray *hf = g_array_new(FALSE, TRUE, sizeof(hf_register_info));
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	gint *etts[MW_REG__COUNT + 1];
	int n_ett = 0;

	etts[n_ett++] = &ett_generic;

	for (unsigned id = 1; id < MW_REG__COUNT; id++) {
		const struct mw_registry *r = mw_registry_get(id);
		const struct mw_reg_entry *row;
		hf_register_info *hr;

		hf_code[id] = hf_data[id] = ett_reg[id] = -1;
		bool layouts = false;

		if (!r || !r->key || !r->rows || r->id != id)
			continue;
		for (row = mw_reg_first(r); row; row = mw_reg_next(r, row))
			layouts |= row->n_fields > 0;
		if (!layouts) /* a table of codes: only value strings */
			continue;
		row_hf[id] = g_new0(int *, r->n_rows);
		hr = hf_add(hf, &hf_code[id], "Type",
			    g_strdup_printf("mipkit.%s.code", r->key));
		hr->hfinfo.type = FT_UINT8;
		hr->hfinfo.display = BASE_DEC;
		hr->hfinfo.strings = mk_reg_vals(id) ? VALS(mk_reg_vals(id))
						      : NULL;
		hr = hf_add(hf, &hf_data[id], "Data",
			    g_strdup_printf("mipkit.%s.data", r->key));
		hr->hfinfo.type = FT_BYTES;
		hr->hfinfo.display = BASE_NONE;
		for (row = mw_reg_first(r); row; row = mw_reg_next(r, row))
			register_row(hf, seen, r, row);
		etts[n_ett++] = &ett_reg[id];
	}
	proto_register_field_array(proto_mipkit,
				   (hf_register_info *)(void *)hf->data,
				   (int)hf->len);
	proto_register_subtree_array(etts, n_ett);
	/* hf_register_info must outlive registration: keep the array. */
	g_array_free(hf, FALSE);
	g_hash_table_destroy(seen); /* the abbrev strings stay referenced */
}

int mk_hf_field(unsigned reg, unsigned code, unsigned idx)
{
	const struct mw_reg_entry *row;

	if (reg >= MW_REG__COUNT || !row_hf[reg])
		return -1;
	row = mw_reg_lookup(reg, code);
	if (!row || idx >= row->n_fields || !row_hf[reg][code])
		return -1;
	return row_hf[reg][code][idx];
}

int mk_hf_code(unsigned reg)
{
	return reg < MW_REG__COUNT && row_hf[reg] ? hf_code[reg] : -1;
}

int mk_hf_data(unsigned reg)
{
	return reg < MW_REG__COUNT && row_hf[reg] ? hf_data[reg] : -1;
}

int mk_ett_reg(unsigned reg)
{
	return reg < MW_REG__COUNT && row_hf[reg] && ett_reg[reg] >= 0
		       ? ett_reg[reg] : ett_generic;
}
