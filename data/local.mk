# SPDX-License-Identifier: GPL-3.0-or-later
# data/: installed under $(pkgdatadir); BITEXT_DATADIR points the
# program at the source tree's copy in tests.
srxdir = $(pkgdatadir)/srx
dist_srx_DATA = data/srx/bitext.srx
EXTRA_DIST += data/srx/PROVENANCE.md
