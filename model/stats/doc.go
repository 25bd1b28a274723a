// Package stats keeps the recent history of every ensemble member's server
// statistics for the dashboards: a Poller asks each member (found in the
// connect string and in /zookeeper/config) for its metrics through zk/admin
// every couple of seconds, keeps one hour of each metric in fixed ring
// buffers, and derives rates (packets per second) from the counters.
package stats
