# SPDX-License-Identifier: GPL-3.0-or-later
# data/: installed under $(pkgdatadir); BITEXT_DATADIR points the
# program at the source tree's copy in tests.
srxdir = $(pkgdatadir)/srx
dist_srx_DATA = data/srx/bitext.srx
EXTRA_DIST += data/srx/PROVENANCE.md

# Built-in ITS 2.0 rules of the XML filter, applied by document type.
itsdir = $(pkgdatadir)/its
dist_its_DATA = data/its/docbook.xml data/its/xhtml.xml
