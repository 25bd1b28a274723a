package admin

import "context"

// The statistics, one method per command. Each returns the Source that
// answered; see Client.

// Ruok reports whether the server runs (ruok / ruok).
func (c *Client) Ruok(ctx context.Context) (bool, Source, error) {
	return query(ctx, c, command[bool]{
		admin:  "ruok",
		word:   "ruok",
		decode: func([]byte) (bool, error) { return true, nil },
		parse:  parseRuok,
	})
}

// Stats returns the server's counters without the client list
// (server_stats / srvr). srvr is the one four-letter word enabled by
// default.
func (c *Client) Stats(ctx context.Context) (*ServerStats, Source, error) {
	return query(ctx, c, command[*ServerStats]{
		admin:  "server_stats",
		word:   "srvr",
		decode: func(b []byte) (*ServerStats, error) { return decodeServerStats("server_stats", b) },
		parse:  func(b []byte) (*ServerStats, error) { return parseSrvr("srvr", b) },
	})
}

// StatsWithClients returns the server's counters and the short list of
// connections (stats / stat).
func (c *Client) StatsWithClients(ctx context.Context) (*ServerStats, Source, error) {
	return query(ctx, c, command[*ServerStats]{
		admin:  "stats",
		word:   "stat",
		decode: func(b []byte) (*ServerStats, error) { return decodeServerStats("stats", b) },
		parse:  func(b []byte) (*ServerStats, error) { return parseSrvr("stat", b) },
	})
}

// Monitor returns every metric (monitor / mntr).
func (c *Client) Monitor(ctx context.Context) (*Monitor, Source, error) {
	return query(ctx, c, command[*Monitor]{admin: "monitor", word: "mntr", decode: decodeMonitor, parse: parseMntr})
}

// Connections lists the client connections in detail (connections / cons).
func (c *Client) Connections(ctx context.Context) ([]Connection, Source, error) {
	return query(ctx, c, command[[]Connection]{admin: "connections", word: "cons", decode: decodeConnections, parse: parseCons})
}

// Config returns the running configuration (configuration / conf).
func (c *Client) Config(ctx context.Context) (*Config, Source, error) {
	return query(ctx, c, command[*Config]{admin: "configuration", word: "conf", decode: decodeConfiguration, parse: parseConf})
}

// Environment returns the server's environment (environment / envi).
func (c *Client) Environment(ctx context.Context) (Environment, Source, error) {
	return query(ctx, c, command[Environment]{admin: "environment", word: "envi", decode: decodeEnvironment, parse: parseEnvi})
}

// WatchSummary counts the watches (watch_summary / wchs).
func (c *Client) WatchSummary(ctx context.Context) (*WatchSummary, Source, error) {
	return query(ctx, c, command[*WatchSummary]{admin: "watch_summary", word: "wchs", decode: decodeWatchSummary, parse: parseWchs})
}

// Watches lists the watched paths per session (watches / wchc). It can be
// expensive on a big server.
func (c *Client) Watches(ctx context.Context) (SessionWatches, Source, error) {
	return query(ctx, c, command[SessionWatches]{admin: "watches", word: "wchc", decode: decodeWatches, parse: parseWchc})
}

// WatchesByPath lists the watching sessions per path (watches_by_path /
// wchp). It can be expensive on a big server.
func (c *Client) WatchesByPath(ctx context.Context) (PathWatches, Source, error) {
	return query(ctx, c, command[PathWatches]{admin: "watches_by_path", word: "wchp", decode: decodeWatchesByPath, parse: parseWchp})
}

// Dump lists the sessions and their ephemeral nodes (dump / dump).
func (c *Client) Dump(ctx context.Context) (*Dump, Source, error) {
	return query(ctx, c, command[*Dump]{admin: "dump", word: "dump", decode: decodeDump, parse: parseDump})
}

// IsReadOnly reports whether the server is in read-only mode
// (is_read_only / isro).
func (c *Client) IsReadOnly(ctx context.Context) (bool, Source, error) {
	return query(ctx, c, command[bool]{admin: "is_read_only", word: "isro", decode: decodeIsReadOnly, parse: parseIsro})
}

// Dirs returns the sizes of the data and log directories (dirs / dirs).
func (c *Client) Dirs(ctx context.Context) (*Dirs, Source, error) {
	return query(ctx, c, command[*Dirs]{admin: "dirs", word: "dirs", decode: decodeDirs, parse: parseDirs})
}

// ResetConnectionStats resets every connection's counters
// (connection_stat_reset / crst).
func (c *Client) ResetConnectionStats(ctx context.Context) (Source, error) {
	_, src, err := query(ctx, c, command[struct{}]{
		admin:  "connection_stat_reset",
		word:   "crst",
		decode: ok(func([]byte) error { return nil }),
		parse:  ok(func(b []byte) error { return parseReset("crst", b) }),
	})
	return src, err
}

// ResetStats resets the server's counters (stat_reset / srst).
func (c *Client) ResetStats(ctx context.Context) (Source, error) {
	_, src, err := query(ctx, c, command[struct{}]{
		admin:  "stat_reset",
		word:   "srst",
		decode: ok(func([]byte) error { return nil }),
		parse:  ok(func(b []byte) error { return parseReset("srst", b) }),
	})
	return src, err
}
