package admin

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Decoders of the AdminServer's JSON into the same typed results as the
// four-letter words. The AdminServer serialises Java longs as JSON
// numbers; session ids use all 64 bits, so numbers are never decoded
// through float64.

// jsonInt accepts an integer (or, leniently, a decimal, truncated) or null.
type jsonInt int64

// UnmarshalJSON implements json.Unmarshaler.
func (j *jsonInt) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		return nil
	}
	s = strings.Trim(s, `"`)
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		*j = jsonInt(v)
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) > 1<<62 {
		return &json.UnsupportedValueError{Str: s}
	}
	*j = jsonInt(f)
	return nil
}

func decodeJSON(cmd string, body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return parseErr(cmd, 0, "%v", err)
	}
	return nil
}

type jsonConn struct {
	RemoteSocketAddress string  `json:"remote_socket_address"`
	InterestOps         jsonInt `json:"interest_ops"`
	OutstandingRequests jsonInt `json:"outstanding_requests"`
	PacketsReceived     jsonInt `json:"packets_received"`
	PacketsSent         jsonInt `json:"packets_sent"`
	SessionID           jsonInt `json:"session_id"`
	LastOperation       string  `json:"last_operation"`
	Established         jsonInt `json:"established"`
	SessionTimeout      jsonInt `json:"session_timeout"`
	LastCxid            jsonInt `json:"last_cxid"`
	LastZxid            jsonInt `json:"last_zxid"`
	LastResponseTime    jsonInt `json:"last_response_time"`
	LastLatency         jsonInt `json:"last_latency"`
	MinLatency          jsonInt `json:"min_latency"`
	AvgLatency          jsonInt `json:"avg_latency"`
	MaxLatency          jsonInt `json:"max_latency"`
}

func (j jsonConn) connection() Connection {
	c := Connection{
		Addr:           normalizeAddr(j.RemoteSocketAddress),
		InterestOps:    int(j.InterestOps),
		Queued:         int64(j.OutstandingRequests),
		Received:       int64(j.PacketsReceived),
		Sent:           int64(j.PacketsSent),
		SessionID:      int64(j.SessionID),
		LastOperation:  j.LastOperation,
		SessionTimeout: time.Duration(j.SessionTimeout) * time.Millisecond,
		LastCxid:       int64(j.LastCxid),
		LastZxid:       Zxid(j.LastZxid),
		LastResponse:   int64(j.LastResponseTime),
		LastLatency:    int64(j.LastLatency),
		MinLatency:     int64(j.MinLatency),
		AvgLatency:     int64(j.AvgLatency),
		MaxLatency:     int64(j.MaxLatency),
	}
	if j.Established != 0 {
		c.Established = time.UnixMilli(int64(j.Established))
	}
	return c
}

// decodeServerStats decodes server_stats, or stats (which adds the
// connection lists).
func decodeServerStats(cmd string, body []byte) (*ServerStats, error) {
	var j struct {
		Version     string `json:"version"`
		ReadOnly    bool   `json:"read_only"`
		ServerStats struct {
			PacketsSent         jsonInt `json:"packets_sent"`
			PacketsReceived     jsonInt `json:"packets_received"`
			ServerState         string  `json:"server_state"`
			LastProcessedZxid   jsonInt `json:"last_processed_zxid"`
			OutstandingRequests jsonInt `json:"outstanding_requests"`
			AvgLatency          float64 `json:"avg_latency"`
			MaxLatency          float64 `json:"max_latency"`
			MinLatency          float64 `json:"min_latency"`
			Connections         jsonInt `json:"num_alive_client_connections"`
		} `json:"server_stats"`
		NodeCount         jsonInt    `json:"node_count"`
		Connections       []jsonConn `json:"connections"`
		SecureConnections []jsonConn `json:"secure_connections"`
	}
	if err := decodeJSON(cmd, body, &j); err != nil {
		return nil, err
	}
	if j.Version == "" && j.ServerStats.ServerState == "" {
		return nil, parseErr(cmd, 0, "neither version nor server_stats.server_state present")
	}
	st := j.ServerStats
	s := &ServerStats{
		Version:     j.Version,
		Mode:        ParseMode(st.ServerState),
		MinLatency:  st.MinLatency,
		AvgLatency:  st.AvgLatency,
		MaxLatency:  st.MaxLatency,
		Received:    int64(st.PacketsReceived),
		Sent:        int64(st.PacketsSent),
		Connections: int64(st.Connections),
		Outstanding: int64(st.OutstandingRequests),
		Zxid:        Zxid(st.LastProcessedZxid),
		NodeCount:   int64(j.NodeCount),
	}
	if j.ReadOnly {
		s.Mode = ModeReadOnly
	}
	for _, c := range slices.Concat(j.Connections, j.SecureConnections) {
		s.Clients = append(s.Clients, c.connection())
	}
	return s, nil
}

// decodeConnections decodes connections: plain and secure connections in
// one list.
func decodeConnections(body []byte) ([]Connection, error) {
	var j struct {
		Connections       []jsonConn `json:"connections"`
		SecureConnections []jsonConn `json:"secure_connections"`
	}
	if err := decodeJSON("connections", body, &j); err != nil {
		return nil, err
	}
	out := []Connection{}
	for _, c := range slices.Concat(j.Connections, j.SecureConnections) {
		out = append(out, c.connection())
	}
	return out, nil
}

// decodeFlat decodes an object of scalars (monitor, configuration,
// environment) into text values, dropping the envelope fields and renaming
// keys with rename.
func decodeFlat(cmd string, body []byte, rename func(string) string) (map[string]string, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // keep "0.0" as the server wrote it, and longs exact
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil {
		return nil, parseErr(cmd, 0, "%v", err)
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		if k == "command" || k == "error" {
			continue
		}
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case json.Number:
			s = v.String()
		case bool:
			s = strconv.FormatBool(v)
		case nil:
		default:
			b, _ := json.Marshal(v)
			s = string(b)
		}
		out[rename(k)] = s
	}
	return out, nil
}

// decodeMonitor decodes monitor; keys get mntr's "zk_" prefix.
func decodeMonitor(body []byte) (*Monitor, error) {
	values, err := decodeFlat("monitor", body, func(k string) string {
		if strings.HasPrefix(k, "zk_") {
			return k
		}
		return "zk_" + k
	})
	if err != nil {
		return nil, err
	}
	return monitorFromValues("monitor", values)
}

// decodeConfiguration decodes configuration; snake_case keys become conf's
// camelCase ("client_port" -> "clientPort").
func decodeConfiguration(body []byte) (*Config, error) {
	values, err := decodeFlat("configuration", body, snakeToCamel)
	if err != nil {
		return nil, err
	}
	return configFromValues("configuration", values)
}

// decodeEnvironment decodes environment; its keys are already the Java
// property names envi prints.
func decodeEnvironment(body []byte) (Environment, error) {
	values, err := decodeFlat("environment", body, func(k string) string { return k })
	if err != nil {
		return nil, err
	}
	if len(values) == 0 {
		return nil, parseErr("environment", 0, "no properties")
	}
	return Environment(values), nil
}

func snakeToCamel(k string) string {
	parts := strings.Split(k, "_")
	for i := 1; i < len(parts); i++ {
		if p := parts[i]; p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}
