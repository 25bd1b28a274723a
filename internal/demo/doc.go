// Package demo fills a ZooKeeper with a realistic sample tree, the kind of
// data zkui's users keep in their ensembles: a Kafka cluster's metadata,
// configuration in YAML, properties and XML, binary and compressed values,
// locks and queues of live sessions, containers, TTL nodes, a protected
// subtree and one very wide node. `zkui demo` uses it on a throwaway local
// server so anyone can try zkui without an ensemble.
package demo
