/* The keys file (format in keys.h), read with GLib's GKeyFile. Error
 * messages name the file, group and key; they never contain key bytes. */
#include <arpa/inet.h>
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

/* "hex:..." or "text:..." into sa->key; false with a reason otherwise. */
static bool parse_key(const char *v, struct mw_sa *sa, const char **why)
{
	if (g_str_has_prefix(v, "hex:")) {
		const char *h = v + 4;
		size_t n = 0;

		while (*h) {
			if (*h == ' ' || *h == ':') {
				h++;
				continue;
			}
			if (hexval(h[0]) < 0 || !h[1] || hexval(h[1]) < 0) {
				*why = "is not an even number of hex digits";
				return false;
			}
			if (n == MW_KEY_MAX) {
				*why = "is longer than 64 bytes";
				return false;
			}
			sa->key[n++] = (uint8_t)(hexval(h[0]) << 4 | hexval(h[1]));
			h += 2;
		}
		sa->key_len = n;
	} else if (g_str_has_prefix(v, "text:")) {
		size_t n = strlen(v + 5);

		if (n > MW_KEY_MAX) {
			*why = "is longer than 64 bytes";
			return false;
		}
		memcpy(sa->key, v + 5, n);
		sa->key_len = n;
	} else {
		*why = "must start with hex: or text:";
		return false;
	}
	if (sa->key_len == 0) {
		*why = "is empty";
		return false;
	}
	return true;
}

static bool load_key_file(const char *dir, const char *name, struct mw_sa *sa,
			  const char **why)
{
	char *path = g_path_is_absolute(name) ? g_strdup(name)
					       : g_build_filename(dir, name, NULL);
	char *bytes = NULL;
	gsize n = 0;
	bool ok = g_file_get_contents(path, &bytes, &n, NULL);

	g_free(path);
	if (!ok) {
		*why = "names a file that cannot be read";
		return false;
	}
	if (n == 0 || n > MW_KEY_MAX) {
		*why = n ? "names a file longer than 64 bytes" : "names an empty file";
		g_free(bytes);
		return false;
	}
	memcpy(sa->key, bytes, n);
	sa->key_len = n;
	memset(bytes, 0, n);
	g_free(bytes);
	return true;
}

static bool parse_group(GKeyFile *kf, const char *g, const char *dir,
			struct mw_sa *sa, const char **badkey, const char **why)
{
	char *v;

	sa->group = g_strdup(g);
	*badkey = "kind";
	v = g_key_file_get_string(kf, g, "kind", NULL);
	if (!v) {
		*why = "is missing";
		return false;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (strcmp(v, kinds[i].name) == 0)
			sa->kind = kinds[i].kind;
	g_free(v);
	if (!sa->kind) {
		*why = "must be mn-ha, mn-fa, fa-ha, mn-aaa, mh-auth or rr";
		return false;
	}
	*badkey = "spi";
	if ((v = g_key_file_get_string(kf, g, "spi", NULL))) {
		char *end;
		guint64 spi = g_ascii_strtoull(v, &end, 0);
		bool ok = *v && !*end && spi <= 0xffffffffu;

		g_free(v);
		if (!ok) {
			*why = "is not a 32-bit number";
			return false;
		}
		sa->has_spi = true;
		sa->spi = (uint32_t)spi;
	}
	*badkey = "algorithm";
	sa->alg = sa->kind == MW_SA_MH_AUTH || sa->kind == MW_SA_RR
			  ? MW_AUTH_HMAC_SHA1 : MW_AUTH_HMAC_MD5;
	if ((v = g_key_file_get_string(kf, g, "algorithm", NULL))) {
		sa->alg = mw_auth_alg_parse(v);
		g_free(v);
		if (!sa->alg) {
			*why = "must be hmac-md5, keyed-md5, hmac-sha1 or md5-chap";
			return false;
		}
	}
	*badkey = "home-address";
	if ((v = g_key_file_get_string(kf, g, "home-address", NULL))) {
		bool ok = parse_addr(v, &sa->has_hoa4, &sa->hoa4, &sa->has_hoa6,
				     &sa->hoa6);
		g_free(v);
		if (!ok) {
			*why = "is not an IPv4 or IPv6 address";
			return false;
		}
	}
	*badkey = "peer";
	if ((v = g_key_file_get_string(kf, g, "peer", NULL))) {
		bool ok = parse_addr(v, &sa->has_peer4, &sa->peer4,
				     &sa->has_peer6, &sa->peer6);
		g_free(v);
		if (!ok) {
			*why = "is not an IPv4 or IPv6 address";
			return false;
		}
	}
	sa->nai = g_key_file_get_string(kf, g, "nai", NULL);
	*badkey = "key";
	v = g_key_file_get_string(kf, g, "key", NULL);
	if (v) {
		bool ok = parse_key(v, sa, why);

		memset(v, 0, strlen(v));
		g_free(v);
		return ok;
	}
	*badkey = "key-file";
	v = g_key_file_get_string(kf, g, "key-file", NULL);
	if (v) {
		bool ok = load_key_file(dir, v, sa, why);

		g_free(v);
		return ok;
	}
	*badkey = "key";
	*why = "is missing (give key = hex:... / text:... or key-file = PATH)";
	return false;
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
	groups = g_key_file_get_groups(kf, &ng);
	k = g_new0(struct mw_keys, 1);
	k->sa = g_new0(struct mw_sa, ng ? ng : 1);
	for (gsize i = 0; i < ng; i++) {
		const char *badkey = "", *why = "";

		if (!parse_group(kf, groups[i], dir, &k->sa[k->n], &badkey,
				 &why)) {
			snprintf(err, err_cap, "%s: [%s] %s %s", path, groups[i],
				 badkey, why);
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

MWI_EXPORT const struct mw_sa *mw_keys_find(const struct mw_keys *k,
					    const struct mw_sa_query *q)
{
	for (size_t i = 0; k && i < k->n; i++)
		if (sa_matches(&k->sa[i], q))
			return &k->sa[i];
	return NULL;
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
