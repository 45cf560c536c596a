/* The capture reader and writer: frames written with mw_capture_create /
 * mw_capture_write come back with the same bytes, lengths, nanosecond
 * timestamps, link type and frame numbers; a file cut inside a record
 * delivers the frames before the cut, then -1 with "truncated"; missing
 * files and non-captures fail with a message naming the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mipwire/mipwire.h>
#include <mipwire/capture.h>

static int failures;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

static void write_file(const char *path, int linktype)
{
	char err[256];
	uint8_t data[100];
	struct mw_capture_writer *w = mw_capture_create(path, linktype, 80, err,
							sizeof(err));

	CHECK(w != NULL);
	if (!w)
		return;
	for (int i = 0; i < 3; i++) {
		memset(data, 0xa0 + i, sizeof(data));
		/* frame 3 is longer than the snaplen: cut to 80, wire 100 */
		CHECK(mw_capture_write(w, 1700000000 + i, 123456789u + (uint32_t)i,
				       data, i == 2 ? 100 : 40 + (uint32_t)i,
				       i == 2 ? 100 : 60) == 0);
	}
	CHECK(mw_capture_write(w, 0, 1000000000u, data, 10, 10) == -1);
	CHECK(mw_capture_finish(w) == 0);
}

static void read_back(const char *path, int linktype)
{
	char err[256];
	struct mw_capture *c = mw_capture_open(path, err, sizeof(err));
	struct mw_frame f;

	CHECK(c != NULL);
	if (!c)
		return;
	CHECK(mw_capture_linktype(c) == linktype);
	for (int i = 0; i < 3; i++) {
		CHECK(mw_capture_next(c, &f) == 1);
		CHECK(f.number == (uint64_t)i + 1);
		CHECK(f.ts_sec == 1700000000 + i);
		CHECK(f.ts_nsec == 123456789u + (uint32_t)i);
		CHECK(f.linktype == linktype);
		CHECK(f.caplen == (i == 2 ? 80u : 40u + (uint32_t)i));
		CHECK(f.wirelen == (i == 2 ? 100u : 60u));
		CHECK(f.data[0] == 0xa0 + i && f.data[f.caplen - 1] == 0xa0 + i);
	}
	CHECK(mw_capture_next(c, &f) == 0);
	mw_capture_close(c);
}

static void truncated(const char *path, const char *cut)
{
	char err[256];
	FILE *in = fopen(path, "rb"), *out = fopen(cut, "wb");
	uint8_t buf[4096];
	size_t n = in ? fread(buf, 1, sizeof(buf), in) : 0;
	struct mw_capture *c;
	struct mw_frame f;

	CHECK(in && out && n > 30);
	if (!in || !out)
		return;
	/* header 24 + frame 1 (16 + 40) + frame 2 (16 + 41) + 20 bytes of frame 3 */
	fwrite(buf, 1, 24 + 56 + 57 + 20, out);
	fclose(in);
	fclose(out);
	c = mw_capture_open(cut, err, sizeof(err));
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK(mw_capture_next(c, &f) == 1);
	CHECK(mw_capture_next(c, &f) == 1 && f.number == 2);
	CHECK(mw_capture_next(c, &f) == -1);
	CHECK(strstr(mw_capture_error(c), "truncated") != NULL);
	CHECK(strstr(mw_capture_error(c), cut) != NULL);
	mw_capture_close(c);
}

static void bad_inputs(const char *dir)
{
	char err[256], path[512];
	FILE *fp;

	CHECK(mw_capture_open("/nonexistent/x.pcap", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "/nonexistent/x.pcap") && strstr(err, "No such file"));
	snprintf(path, sizeof(path), "%s/not-a-capture.txt", dir);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs("this is not a capture file at all\n", fp);
		fclose(fp);
	}
	CHECK(mw_capture_open(path, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "not a pcap or pcapng") != NULL);
	CHECK(mw_capture_create(path, 1, 0, err, sizeof(err)) == NULL);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	char a[512], b[512], cut[512];

	snprintf(a, sizeof(a), "%s/rt-eth.pcap", dir);
	snprintf(b, sizeof(b), "%s/rt-raw.pcap", dir);
	snprintf(cut, sizeof(cut), "%s/rt-cut.pcap", dir);
	write_file(a, MW_LINK_ETHERNET);
	read_back(a, MW_LINK_ETHERNET);
	write_file(b, MW_LINK_RAW);   /* LINKTYPE_RAW 101 <-> DLT_RAW 12 */
	read_back(b, MW_LINK_RAW);
	truncated(a, cut);
	bad_inputs(dir);
	unlink(a);
	unlink(b);
	unlink(cut);
	printf("capture round trip: %d failures\n", failures);
	return failures ? 1 : 0;
}
