// Package admin reads server statistics from ZooKeeper: the four-letter words
// sent raw on the client port (ruok, srvr, stat, mntr, cons, ...) and the
// AdminServer's HTTP JSON API (/commands/<name>), both decoded into the same
// typed results.
//
// Since ZooKeeper 3.5.3 only srvr is whitelisted by default
// (4lw.commands.whitelist), while the AdminServer ignores that whitelist. A
// [Client] therefore asks the AdminServer first and falls back to the
// four-letter word, and every answer says which [Source] produced it. A
// refused four-letter word is a *[NotWhitelistedError] that names the zoo.cfg
// line enabling it, never a parse error.
//
// The package talks plain TCP and HTTP and does not depend on the zk client,
// so it can probe servers the client cannot (or may not) connect to.
package admin
