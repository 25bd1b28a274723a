// Package cell puts several ZooKeeper ensembles ("cells") under one
// namespace, so a program or the explorer can browse them as one tree.
//
// A cell map names each ensemble:
//
//	{"nyc": "zk1.nyc:2181,zk2.nyc:2181", "sfo": "zk1.sfo:2181/chroot"}
//
// or, in YAML's flat form,
//
//	nyc: zk1.nyc:2181,zk2.nyc:2181
//	sfo: zk1.sfo:2181/chroot
//
// and a Router serves the tree
//
//	/                  virtual: one child, "zk"
//	/zk                virtual: one child per cell
//	/zk/<cell>         the root of that cell's ensemble
//	/zk/<cell>/a/b     /a/b on that cell's ensemble
//
// Each cell gets its own *zk.Client, created on first use, with its own
// session. Paths are stripped of their "/zk/<cell>" prefix on the way in;
// created paths, errors and watch events get it back on the way out. A
// Multi must stay within one cell: ensembles share no transactions.
package cell
