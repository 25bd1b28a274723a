package demo

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/zkui/zkui/zk"
)

// Credentials of the protected subtree /secure.
const (
	User     = "demo"
	Password = "secret"
)

// WideNode is the node with WideChildren children.
const (
	WideNode     = "/big/items"
	WideChildren = 20_000
)

// batch is how many creates go in one multi: well under the frame limit for
// the small values the sample tree holds.
const batch = 500

var open = zk.WorldACL(zk.PermAll)

// Summary counts what Seed created.
type Summary struct {
	Nodes      int
	Ephemerals int
}

// seeder collects creates and sends them in multi batches.
type seeder struct {
	c       *zk.Conn
	ops     []zk.Op
	sum     Summary
	rng     *rand.Rand
	onBatch func(created int)
}

// Seed creates the sample tree on c. Ephemeral nodes belong to c's session,
// so they live as long as c does. progress, if not nil, is told the running
// count of nodes created.
func Seed(ctx context.Context, c *zk.Conn, progress func(created int)) (Summary, error) {
	s := &seeder{c: c, rng: rand.New(rand.NewPCG(7, 11)), onBatch: progress}
	steps := []func(context.Context) error{
		s.kafka, s.configs, s.values, s.coordination, s.protected, s.wide, s.services,
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return s.sum, err
		}
		if err := s.flush(ctx); err != nil {
			return s.sum, err
		}
	}
	return s.sum, nil
}

func (s *seeder) add(path string, data []byte, mode zk.CreateMode) {
	s.ops = append(s.ops, zk.CreateOp(path, data, mode, open))
	if mode.Ephemeral() {
		s.sum.Ephemerals++
	}
}

func (s *seeder) addJSON(path string, v any, mode zk.CreateMode) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only literal values of this file are marshalled
	}
	s.add(path, b, mode)
}

func (s *seeder) flush(ctx context.Context) error {
	for len(s.ops) > 0 {
		n := min(batch, len(s.ops))
		if _, err := s.c.Multi(ctx, s.ops[:n]...); err != nil {
			return fmt.Errorf("seeding the demo tree: %w", err)
		}
		s.sum.Nodes += n
		s.ops = s.ops[n:]
		if s.onBatch != nil {
			s.onBatch(s.sum.Nodes)
		}
	}
	return nil
}

// dirs queues persistent nodes with no data.
func (s *seeder) dirs(paths ...string) {
	for _, p := range paths {
		s.add(p, nil, zk.ModePersistent)
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func (s *seeder) randomBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(s.rng.Uint32())
	}
	return b
}

var topics = []string{
	"orders", "payments", "inventory", "shipments", "clicks", "page-views", "user-events",
	"audit-log", "notifications", "emails", "sms", "fraud-scores", "recommendations",
	"search-queries", "sessions", "metrics", "logs-app", "logs-nginx", "cdc.customers",
	"cdc.orders", "cdc.products", "dlq.orders", "dlq.payments", "__consumer_offsets",
}

// kafka writes what a 3-broker Kafka cluster keeps in ZooKeeper.
func (s *seeder) kafka(ctx context.Context) error {
	s.dirs("/kafka", "/kafka/brokers", "/kafka/brokers/ids", "/kafka/brokers/topics",
		"/kafka/brokers/seqid", "/kafka/config", "/kafka/config/topics", "/kafka/config/brokers",
		"/kafka/config/changes", "/kafka/admin", "/kafka/admin/delete_topics",
		"/kafka/isr_change_notification", "/kafka/consumers", "/kafka/latest_producer_id_block")
	s.addJSON("/kafka/cluster", nil, zk.ModePersistent)
	s.addJSON("/kafka/cluster/id", map[string]string{"version": "1", "id": "q2xW6lCjR8yFZJ0aA-xZ4g"}, zk.ModePersistent)
	s.add("/kafka/controller_epoch", []byte("17"), zk.ModePersistent)
	s.addJSON("/kafka/controller", map[string]any{"version": 1, "brokerid": 1, "timestamp": "1732230000000"}, zk.ModeEphemeral)
	for id := range 3 {
		s.addJSON(fmt.Sprintf("/kafka/brokers/ids/%d", id), map[string]any{
			"listener_security_protocol_map": map[string]string{"PLAINTEXT": "PLAINTEXT", "SSL": "SSL"},
			"endpoints":                      []string{fmt.Sprintf("PLAINTEXT://kafka-%d.kafka:9092", id), fmt.Sprintf("SSL://kafka-%d.kafka:9093", id)},
			"jmx_port":                       9999, "host": fmt.Sprintf("kafka-%d.kafka", id), "port": 9092,
			"timestamp": "1732230000000", "version": 5, "rack": fmt.Sprintf("eu-west-1%c", 'a'+id),
		}, zk.ModeEphemeral)
		s.addJSON(fmt.Sprintf("/kafka/config/brokers/%d", id), map[string]any{"version": 1, "config": map[string]string{}}, zk.ModePersistent)
	}
	for _, t := range topics {
		parts := 12
		if t == "__consumer_offsets" {
			parts = 50
		}
		assign := map[string][]int{}
		for p := range parts {
			assign[fmt.Sprint(p)] = []int{p % 3, (p + 1) % 3, (p + 2) % 3}
		}
		base := "/kafka/brokers/topics/" + t
		s.addJSON(base, map[string]any{"version": 3, "partitions": assign, "adding_replicas": map[string]any{}, "removing_replicas": map[string]any{}}, zk.ModePersistent)
		s.dirs(base + "/partitions")
		for p := range parts {
			pp := fmt.Sprintf("%s/partitions/%d", base, p)
			s.dirs(pp)
			s.addJSON(pp+"/state", map[string]any{"controller_epoch": 17, "leader": p % 3, "version": 1, "leader_epoch": s.rng.IntN(40), "isr": assign[fmt.Sprint(p)]}, zk.ModePersistent)
		}
		s.addJSON("/kafka/config/topics/"+t, map[string]any{"version": 1, "config": map[string]string{"retention.ms": "604800000", "cleanup.policy": cleanup(t)}}, zk.ModePersistent)
	}
	// Offsets of old-style consumer groups, one node per partition.
	for _, g := range []string{"billing", "analytics", "search-indexer", "fraud", "mailer", "archiver"} {
		s.dirs("/kafka/consumers/"+g, "/kafka/consumers/"+g+"/offsets", "/kafka/consumers/"+g+"/owners")
		for _, t := range topics[:4] {
			s.dirs("/kafka/consumers/" + g + "/offsets/" + t)
			for p := range 12 {
				s.add(fmt.Sprintf("/kafka/consumers/%s/offsets/%s/%d", g, t, p), []byte(fmt.Sprint(s.rng.IntN(5_000_000))), zk.ModePersistent)
			}
		}
	}
	for i := range 5 {
		s.addJSON(fmt.Sprintf("/kafka/config/changes/config_change_%010d", i), map[string]any{"version": 2, "entity_path": "topics/" + topics[i]}, zk.ModePersistent)
	}
	return nil
}

func cleanup(topic string) string {
	if strings.HasPrefix(topic, "__") || strings.HasPrefix(topic, "cdc.") {
		return "compact"
	}
	return "delete"
}

// configs writes application configuration in the formats people store.
func (s *seeder) configs(ctx context.Context) error {
	s.dirs("/config", "/config/payments", "/config/search")
	s.add("/config/payments/app.yaml", []byte(appYAML), zk.ModePersistent)
	s.add("/config/payments/db.properties", []byte(dbProperties), zk.ModePersistent)
	s.add("/config/search/logging.xml", []byte(loggingXML), zk.ModePersistent)
	s.add("/config/search/feature-flags.json", []byte(`{"newRanking":true,"typoTolerance":{"enabled":true,"maxEdits":2},"regions":["eu","us"],"rollout":0.25}`), zk.ModePersistent)
	s.add("/config/motd.txt", []byte("Maintenance window: Sunday 02:00-04:00 UTC.\nContact: #platform-oncall\n"), zk.ModePersistent)
	return nil
}

// values writes binary, compressed and unusual values.
func (s *seeder) values(ctx context.Context) error {
	s.dirs("/values")
	s.add("/values/binary-blob", s.randomBytes(600), zk.ModePersistent)
	s.add("/values/settings.json.gz", gzipped([]byte(`{"cache":{"ttlSeconds":300,"maxEntries":100000},"upstreams":["10.1.0.10:8080","10.1.0.11:8080"]}`)), zk.ModePersistent)
	s.add("/values/empty", nil, zk.ModePersistent)
	s.add("/values/unicode", []byte("Grüße, 世界 — ✓ naïve café"), zk.ModePersistent)
	s.add("/values/large-text", []byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 2000)), zk.ModePersistent)
	return nil
}

// coordination writes what recipes leave: locks held by a live session,
// a queue, leader election candidates, a container and a TTL node.
func (s *seeder) coordination(ctx context.Context) error {
	s.dirs("/locks", "/locks/reindex", "/queue", "/queue/jobs", "/election", "/election/scheduler")
	for range 3 {
		s.add("/locks/reindex/lock-", []byte("worker-"+fmt.Sprint(s.rng.IntN(9))), zk.ModeEphemeralSequential)
		s.add("/election/scheduler/n_", []byte("scheduler-host"), zk.ModeEphemeralSequential)
	}
	for i := range 25 {
		s.addJSON("/queue/jobs/job-", map[string]any{"id": i, "kind": "thumbnail", "attempts": 0}, zk.ModePersistentSequential)
	}
	s.ops = append(s.ops, zk.CreateOp("/workers", nil, zk.ModeContainer, open))
	s.add("/workers/worker-a", []byte("idle"), zk.ModeEphemeral)
	if err := s.flush(ctx); err != nil {
		return err
	}
	// TTL nodes need extendedTypesEnabled; a server without it refuses, and
	// the demo does without.
	s.c.CreateTTL(ctx, "/session-cache", []byte("expires two hours after its last change"), zk.ModePersistentTTL, open, 2*time.Hour)
	return nil
}

// protected writes a subtree only the demo user may read. The seeding
// session authenticates as that user to create the children.
func (s *seeder) protected(ctx context.Context) error {
	if err := s.c.AddAuth(ctx, "digest", []byte(User+":"+Password)); err != nil {
		return err
	}
	acl := zk.DigestACL(zk.PermAll, User, Password)
	s.ops = append(s.ops,
		zk.CreateOp("/secure", []byte("read me with --auth digest:"+User+":"+Password), zk.ModePersistent, acl),
		zk.CreateOp("/secure/db-password", []byte("hunter2"), zk.ModePersistent, acl),
		zk.CreateOp("/secure/api-key", []byte("sk_live_51H8xZ2"), zk.ModePersistent, acl),
	)
	return nil
}

// wide writes one node with many children.
func (s *seeder) wide(ctx context.Context) error {
	s.dirs("/big")
	s.add(WideNode, []byte(fmt.Sprintf("%d children", WideChildren)), zk.ModePersistent)
	for i := range WideChildren {
		s.add(fmt.Sprintf("%s/item-%05d", WideNode, i), nil, zk.ModePersistent)
	}
	return nil
}

// services writes service discovery registrations (one ephemeral node per
// live instance) and small trees of other systems that live on ZooKeeper.
func (s *seeder) services(ctx context.Context) error {
	s.dirs("/services")
	for i := range 40 {
		svc := fmt.Sprintf("/services/svc-%02d", i)
		s.dirs(svc)
		for j := range 20 {
			id := fmt.Sprintf("%08x-%04x-4%03x-a%03x-%012x", s.rng.Uint32(), s.rng.IntN(1<<16), s.rng.IntN(1<<12), s.rng.IntN(1<<12), s.rng.Uint64()&(1<<48-1))
			s.addJSON(svc+"/"+id, map[string]any{"name": fmt.Sprintf("svc-%02d", i), "id": id,
				"address": fmt.Sprintf("10.2.%d.%d", i, j+10), "port": 8080 + j%3, "registrationTimeUTC": 1732230000000 + int64(j)}, zk.ModeEphemeral)
		}
	}
	s.dirs("/hbase", "/hbase/rs", "/solr", "/solr/collections", "/clickhouse", "/clickhouse/tables")
	s.add("/hbase/master", append([]byte{0xff, 0, 0, 0, 0x14, 'P', 'B', 'U', 'F'}, s.randomBytes(40)...), zk.ModeEphemeral)
	s.add("/hbase/hbaseid", []byte("PBUF\n$2e7c6b3a-9f1e-4f5e-8b8a-1b2c3d4e5f60"), zk.ModePersistent)
	for i := range 4 {
		s.add(fmt.Sprintf("/hbase/rs/rs-%d.hbase,16020,1732230000%03d", i, i), s.randomBytes(24), zk.ModeEphemeral)
	}
	for _, coll := range []string{"products", "articles", "logs"} {
		s.addJSON("/solr/collections/"+coll, map[string]any{"configName": coll + "_conf", "router": map[string]string{"name": "compositeId"}}, zk.ModePersistent)
		s.addJSON("/solr/collections/"+coll+"/state.json", map[string]any{coll: map[string]any{"shards": map[string]any{"shard1": map[string]string{"state": "active"}}, "replicationFactor": "2"}}, zk.ModePersistent)
	}
	for _, tbl := range []string{"events", "sessions"} {
		base := "/clickhouse/tables/" + tbl
		s.dirs(base, base+"/replicas", base+"/log", base+"/blocks")
		s.add(base+"/metadata", []byte("metadata format version: 1\ndate column: \nsampling expression: \nindex granularity: 8192\nmode: 0\nsign column: \nprimary key: event_date, user_id\n"), zk.ModePersistent)
		for r := range 2 {
			s.add(fmt.Sprintf("%s/replicas/replica-%d", base, r), []byte("active"), zk.ModePersistent)
		}
		for i := range 40 {
			s.add(fmt.Sprintf("%s/log/log-%010d", base, i), []byte(fmt.Sprintf("format version: 4\ncreate_time: 2026-11-21 10:%02d:00\nsource replica: replica-%d\nget\nall_%d_%d_0\n", i%60, i%2, i, i)), zk.ModePersistent)
		}
	}
	return nil
}
