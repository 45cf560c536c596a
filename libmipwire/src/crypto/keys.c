/* The keys file (format in keys.h), read with GLib's GKeyFile. Error
 * messages name the file, group and key; they never contain key bytes. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "internal.h"

static const struct {
	const char *name;
	enum mw_sa_kind kind;
} kinds[] = {
	{ "mn-ha", MW_SA_MN_HA }, { "mn-fa", MW_SA_MN_FA },
	{ "fa-ha", MW_SA_FA_HA }, { "mn-aaa", MW_SA_MN_AAA },
	{ "mh-auth", MW_SA_MH_AUTH }, { "rr", MW_SA_RR },
};

static const char *kind_str(enum mw_sa_kind k)
{
	for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (kinds[i].kind == k)
			return kinds[i].name;
	return "?";
}

/* An address selector: IPv4 or IPv6 text. */
static bool parse_addr(const char *s, bool *has4, uint32_t *a4, bool *has6,
		       struct mw_in6 *a6)
{
	struct in_addr v4;

	if (inet_pton(AF_INET, s, &v4) == 1) {
		*has4 = true;
		*a4 = ntohl(v4.s_addr);
		return true;
	}
	if (inet_pton(AF_INET6, s, a6->b) == 1) {
		*has6 = true;
		return true;
	}
	return false;
}

static int hexval(char c)
{
	return g_ascii_xdigit_value(c);
}

/* Why a group is wrong: the key at fault and the reason, for the message
 * "FILE: [GROUP] KEY WHY". */
struct fault {
	const char *key;
	char why[200];
};

static bool bad(struct fault *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static bool bad(struct fault *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->why, sizeof f->why, fmt, ap);
	va_end(ap);
	return false;
}

/* "hex:..." into sa->key. A bad digit is named with its place (a digit
 * that is not hex is no key byte: naming it shows nothing secret). */
static bool parse_hex(const char *h, struct mw_sa *sa, struct fault *f)
{
	size_t n = 0, digits = 0;
	int hi = 0;

	for (const char *c = h; *c; c++) {
		if (*c == ' ' || *c == ':') {
			if (digits % 2)
				return bad(f, "has a separator inside a byte "
					   "(character %zu of the hex digits)",
					   (size_t)(c - h) + 1);
			continue;
		}
		if (hexval(*c) < 0)
			return bad(f, "has '%c' at character %zu of the hex digits, "
				   "not a hex digit", *c, (size_t)(c - h) + 1);
		if (digits++ % 2 == 0) {
			hi = hexval(*c);
			continue;
		}
		if (n == MW_KEY_MAX)
			return bad(f, "is longer than 64 bytes");
		sa->key[n++] = (uint8_t)(hi << 4 | hexval(*c));
	}
	if (digits % 2)
		return bad(f, "has an odd number of hex digits (%zu)", digits);
	sa->key_len = n;
	return true;
}

/* "hex:..." or "text:..." into sa->key. */
static bool parse_key(const char *v, struct mw_sa *sa, struct fault *f)
{
	if (g_str_has_prefix(v, "hex:")) {
		if (!parse_hex(v + 4, sa, f))
			return false;
	} else if (g_str_has_prefix(v, "text:")) {
		size_t n = strlen(v + 5);

		if (n > MW_KEY_MAX)
			return bad(f, "is longer than 64 bytes");
		memcpy(sa->key, v + 5, n);
		sa->key_len = n;
	} else {
		return bad(f, "must start with hex: or text:");
	}
	if (sa->key_len == 0)
		return bad(f, "is empty");
	return true;
}

/* Raw key bytes from a file; at most one byte past the limit is read. */
static bool load_key_file(const char *dir, const char *name, struct mw_sa *sa,
			  struct fault *f)
{
	char *path = g_path_is_absolute(name) ? g_strdup(name)
					       : g_build_filename(dir, name, NULL);
	uint8_t buf[MW_KEY_MAX + 1];
	size_t n = 0;
	FILE *fp = fopen(path, "rb");
	bool ok = fp != NULL;

	if (fp) {
		n = fread(buf, 1, sizeof buf, fp);
		ok = !ferror(fp);
		fclose(fp);
	}
	if (!ok)
		bad(f, "%s cannot be read: %s", path, g_strerror(errno));
	else if (n == 0 || n > MW_KEY_MAX)
		ok = bad(f, "%s %s", path, n ? "is longer than 64 bytes"
					     : "is empty");
	g_free(path);
	if (ok) {
		memcpy(sa->key, buf, n);
		sa->key_len = n;
	}
	memset(buf, 0, sizeof buf);
	return ok;
}

/* The keys a group may hold: a misspelt selector must not turn an SA
 * into a catch-all. */
static const char *const known_keys[] = {
	"kind", "spi", "algorithm", "home-address", "peer", "nai", "key",
	"key-file", NULL,
};

static bool check_key_names(GKeyFile *kf, const char *g, struct fault *f)
{
	char **names = g_key_file_get_keys(kf, g, NULL, NULL);
	bool ok = true;

	for (size_t i = 0; ok && names && names[i]; i++) {
		bool known = false;

		for (size_t j = 0; known_keys[j]; j++)
			known = known || strcmp(names[i], known_keys[j]) == 0;
		if (!known) {
			char *valid = g_strjoinv(", ", (char **)known_keys);

			f->key = "";
			ok = bad(f, "unknown key '%s' (valid keys: %s)", names[i],
				 valid);
			g_free(valid);
		}
	}
	g_strfreev(names);
	return ok;
}

/* An address selector; false if the value is not an address. */
static bool parse_selector(GKeyFile *kf, const char *g, const char *name,
			   bool *has4, uint32_t *a4, bool *has6,
			   struct mw_in6 *a6, struct fault *f)
{
	char *v = g_key_file_get_string(kf, g, name, NULL);
	bool ok = !v || parse_addr(v, has4, a4, has6, a6);

	g_free(v);
	f->key = name;
	return ok || bad(f, "is not an IPv4 or IPv6 address");
}

/* key or key-file: exactly one. */
static bool parse_secret(GKeyFile *kf, const char *g, const char *dir,
			 struct mw_sa *sa, struct fault *f)
{
	char *v = g_key_file_get_string(kf, g, "key", NULL);
	char *file = g_key_file_get_string(kf, g, "key-file", NULL);
	bool ok;

	f->key = v ? "key" : "key-file";
	if (v && file)
		ok = bad(f, "and key-file are both given: give one of them");
	else if (v)
		ok = parse_key(v, sa, f);
	else if (file)
		ok = load_key_file(dir, file, sa, f);
	else {
		f->key = "key";
		ok = bad(f, "is missing (give key = hex:... / text:... or "
			 "key-file = PATH)");
	}
	if (v)
		memset(v, 0, strlen(v));
	g_free(v);
	g_free(file);
	return ok;
}

static bool parse_group(GKeyFile *kf, const char *g, const char *dir,
			struct mw_sa *sa, struct fault *f)
{
	char *v;

	sa->group = g_strdup(g);
	if (!check_key_names(kf, g, f))
		return false;
	f->key = "kind";
	v = g_key_file_get_string(kf, g, "kind", NULL);
	if (!v)
		return bad(f, "is missing");
	for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (strcmp(v, kinds[i].name) == 0)
			sa->kind = kinds[i].kind;
	g_free(v);
	if (!sa->kind)
		return bad(f, "must be mn-ha, mn-fa, fa-ha, mn-aaa, mh-auth or rr");
	f->key = "spi";
	if ((v = g_key_file_get_string(kf, g, "spi", NULL))) {
		char *end;
		guint64 spi = g_ascii_strtoull(v, &end, 0);
		bool ok = *v && !*end && spi <= 0xffffffffu;

		g_free(v);
		if (!ok)
			return bad(f, "is not a 32-bit number");
		sa->has_spi = true;
		sa->spi = (uint32_t)spi;
	}
	f->key = "algorithm";
	sa->alg = sa->kind == MW_SA_MH_AUTH || sa->kind == MW_SA_RR
			  ? MW_AUTH_HMAC_SHA1 : MW_AUTH_HMAC_MD5;
	if ((v = g_key_file_get_string(kf, g, "algorithm", NULL))) {
		sa->alg = mw_auth_alg_parse(v);
		g_free(v);
		if (!sa->alg)
			return bad(f, "must be hmac-md5, keyed-md5, hmac-sha1 or md5-chap");
	}
	if (!parse_selector(kf, g, "home-address", &sa->has_hoa4, &sa->hoa4,
			    &sa->has_hoa6, &sa->hoa6, f) ||
	    !parse_selector(kf, g, "peer", &sa->has_peer4, &sa->peer4,
			    &sa->has_peer6, &sa->peer6, f))
		return false;
	sa->nai = g_key_file_get_string(kf, g, "nai", NULL);
	return parse_secret(kf, g, dir, sa, f);
}

/* GKeyFile merges groups of the same name: two SAs would silently become
 * one. The raw group lines tell; false with the message in err. */
static bool no_duplicate_groups(const char *text, size_t len, const char *path,
				char *err, size_t err_cap)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal,
						 g_free, NULL);
	const char *p = text, *end = text + len;
	bool ok = true;

	for (unsigned line = 1; ok && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		char *l = g_strstrip(g_strndup(p, (size_t)(e - p)));
		char *close = l[0] == '[' ? strrchr(l, ']') : NULL;

		if (close) {
			char *name = g_strndup(l + 1, (size_t)(close - l - 1));
			unsigned first = GPOINTER_TO_UINT(g_hash_table_lookup(seen, name));

			if (first) {
				snprintf(err, err_cap, "%s: [%s] is given twice "
					 "(lines %u and %u): each security "
					 "association needs a group name of its own",
					 path, name, first, line);
				ok = false;
				g_free(name);
			} else {
				g_hash_table_insert(seen, name, GUINT_TO_POINTER(line));
			}
		}
		g_free(l);
		p = e + 1;
	}
	g_hash_table_destroy(seen);
	return ok;
}

MWI_EXPORT struct mw_keys *mw_keys_parse(const char *text, size_t len,
					 const char *path, char *err,
					 size_t err_cap)
{
	GKeyFile *kf = g_key_file_new();
	GError *ge = NULL;
	struct mw_keys *k;
	char **groups;
	gsize ng = 0;
	char *dir = g_path_get_dirname(path ? path : ".");

	if (!g_key_file_load_from_data(kf, text, len, G_KEY_FILE_NONE, &ge)) {
		snprintf(err, err_cap, "%s: not a keys file: %s", path,
			 ge->message);
		g_error_free(ge);
		g_key_file_free(kf);
		g_free(dir);
		return NULL;
	}
	if (!no_duplicate_groups(text, len, path, err, err_cap)) {
		g_key_file_free(kf);
		g_free(dir);
		return NULL;
	}
	groups = g_key_file_get_groups(kf, &ng);
	k = g_new0(struct mw_keys, 1);
	k->sa = g_new0(struct mw_sa, ng ? ng : 1);
	for (gsize i = 0; i < ng; i++) {
		struct fault f = { .key = "" };

		if (!parse_group(kf, groups[i], dir, &k->sa[k->n], &f)) {
			snprintf(err, err_cap, "%s: [%s] %s%s%s", path, groups[i],
				 f.key, *f.key ? " " : "", f.why);
			k->n++;
			mw_keys_free(k);
			k = NULL;
			break;
		}
		k->n++;
	}
	if (k && k->n == 0) {
		snprintf(err, err_cap, "%s: no security associations", path);
		mw_keys_free(k);
		k = NULL;
	}
	g_strfreev(groups);
	g_key_file_free(kf);
	g_free(dir);
	return k;
}

MWI_EXPORT struct mw_keys *mw_keys_load(const char *path, char *err,
					size_t err_cap)
{
	char *text = NULL;
	gsize len = 0;
	GError *ge = NULL;
	struct mw_keys *k;

	if (!g_file_get_contents(path, &text, &len, &ge)) {
		snprintf(err, err_cap, "%s: %s", path, ge->message);
		g_error_free(ge);
		return NULL;
	}
	k = mw_keys_parse(text, len, path, err, err_cap);
	memset(text, 0, len);
	g_free(text);
	return k;
}

MWI_EXPORT void mw_keys_free(struct mw_keys *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++) {
		g_free(k->sa[i].group);
		g_free(k->sa[i].nai);
		memset(k->sa[i].key, 0, sizeof(k->sa[i].key));
	}
	g_free(k->sa);
	g_free(k);
}

static bool sa_matches(const struct mw_sa *sa, const struct mw_sa_query *q)
{
	if (sa->kind != q->kind)
		return false;
	if (sa->has_spi && (!q->has_spi || q->spi != sa->spi))
		return false;
	if (sa->has_hoa4 && (!q->has_hoa4 || q->hoa4 != sa->hoa4))
		return false;
	if (sa->has_peer4 && (!q->has_peer4 || q->peer4 != sa->peer4))
		return false;
	if (sa->has_hoa6 &&
	    (!q->has_hoa6 || memcmp(&q->hoa6, &sa->hoa6, 16) != 0))
		return false;
	if (sa->has_peer6 &&
	    (!q->has_peer6 || memcmp(&q->peer6, &sa->peer6, 16) != 0))
		return false;
	if (sa->nai && (!q->nai || q->nai_len != strlen(sa->nai) ||
			memcmp(q->nai, sa->nai, q->nai_len) != 0))
		return false;
	return true;
}

MWI_EXPORT int mw_sa_selectors(const struct mw_sa *sa)
{
	return sa->has_spi + sa->has_hoa4 + sa->has_hoa6 + sa->has_peer4 +
	       sa->has_peer6 + (sa->nai != NULL);
}

MWI_EXPORT const struct mw_sa *mw_keys_find(const struct mw_keys *k,
					    const struct mw_sa_query *q)
{
	const struct mw_sa *best = NULL;

	for (size_t i = 0; k && i < k->n; i++)
		if (sa_matches(&k->sa[i], q) &&
		    (!best || mw_sa_selectors(&k->sa[i]) > mw_sa_selectors(best)))
			best = &k->sa[i];
	return best;
}

MWI_EXPORT int mw_keys_describe(const struct mw_sa *sa, char *buf, size_t cap)
{
	char spi[24] = "", hoa[64] = "", nai[96] = "";
	char a[INET6_ADDRSTRLEN];

	if (sa->has_spi)
		snprintf(spi, sizeof(spi), " spi=%u", sa->spi);
	if (sa->has_hoa4) {
		uint32_t n = htonl(sa->hoa4);
		inet_ntop(AF_INET, &n, a, sizeof(a));
		snprintf(hoa, sizeof(hoa), " home-address=%s", a);
	} else if (sa->has_hoa6) {
		inet_ntop(AF_INET6, sa->hoa6.b, a, sizeof(a));
		snprintf(hoa, sizeof(hoa), " home-address=%s", a);
	}
	if (sa->nai)
		snprintf(nai, sizeof(nai), " nai=%s", sa->nai);
	return snprintf(buf, cap, "[%s] kind=%s%s alg=%s%s%s key=<%zu bytes>",
			sa->group, kind_str(sa->kind), spi,
			mw_auth_alg_str((enum mw_auth_alg)sa->alg), hoa, nai,
			sa->key_len);
}
