# SPDX-License-Identifier: GPL-3.0-or-later
# data/: installed under $(pkgdatadir); BITEXT_DATADIR points the
# program at the source tree's copy in tests.
srxdir = $(pkgdatadir)/srx
dist_srx_DATA = data/srx/bitext.srx
EXTRA_DIST += data/srx/PROVENANCE.md

# Built-in ITS 2.0 rules of the XML filter, applied by document type.
itsdir = $(pkgdatadir)/its
dist_its_DATA = data/its/docbook.xml data/its/xhtml.xml

# Bilingual dictionaries that `bitext align` takes by language pair
# (dict/SRC-TGT.dic, either way round).
dictdir = $(pkgdatadir)/dict
dist_dict_DATA = data/dict/zh-en.dic
EXTRA_DIST += data/dict/PROVENANCE.md tools/cedict-to-dic.awk
