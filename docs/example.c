/* docs/libmipwire.md's example: list the Mobile IP messages in a capture.
 * Build: cc example.c $(pkg-config --cflags --libs libmipwire) */
#include <stdio.h>
#include <mipwire/mipwire.h>
#include <mipwire/capture.h>

int main(int argc, char **argv)
{
	static struct mw_packet pkt;
	struct mw_frame f;
	char err[256];
	struct mw_capture *c = mw_capture_open(argc > 1 ? argv[1] : "-", err, sizeof(err));

	if (!c)
		return fprintf(stderr, "%s\n", err), 2;
	while (mw_capture_next(c, &f) == 1) {
		mw_decode(&pkt, f.linktype, f.data, f.caplen, f.wirelen, NULL);
		for (int i = 0; i < pkt.n_msgs; i++) {
			const struct mw_reg_entry *row = mw_msg_row(&pkt.msgs[i]);
			printf("%llu %s\n", (unsigned long long)f.number, row ? row->name : "unknown");
		}
	}
	mw_capture_close(c);
	return 0;
}
