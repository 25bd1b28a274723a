package admin

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// newHTTPClient builds the AdminServer client from the options: the
// caller's dialer, the admin TLS config, and no proxy from the environment
// (the AdminServer sits next to the ZooKeeper port, which is never proxied
// either).
func (c *config) newHTTPClient() *http.Client {
	if c.httpClient != nil {
		return c.httpClient
	}
	return &http.Client{Transport: &http.Transport{
		DialContext:         c.dial,
		TLSClientConfig:     c.adminTLS,
		MaxIdleConnsPerHost: 2,
		IdleConnTimeout:     30 * time.Second,
	}}
}

// adminURL is the AdminServer's base URL for a client address: the same
// host, the admin port, https when an admin TLS config is set.
func (c *config) adminURL(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr // no port: the address is the host
	}
	scheme := "http"
	if c.adminTLS != nil {
		scheme = "https"
	}
	return scheme + "://" + net.JoinHostPort(host, strconv.Itoa(c.adminPort))
}

// adminGet fetches /commands/<cmd> and returns the JSON body after checking
// both the status and the "error" field the AdminServer puts in every
// answer (it answers 200 with an error for an unknown command).
func (c *config) adminGet(ctx context.Context, hc *http.Client, base, cmd string) ([]byte, error) {
	ctx, cancel := c.attemptCtx(ctx)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/commands/"+cmd, nil)
	if err != nil {
		return nil, fmt.Errorf("zk/admin: %w", err)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("zk/admin: AdminServer /commands/%s: %w", cmd, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Drain a little so the connection can be reused.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &HTTPError{Command: cmd, StatusCode: resp.StatusCode, Status: resp.Status}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxResponse+1))
	if err != nil {
		return nil, fmt.Errorf("zk/admin: AdminServer /commands/%s: %w", cmd, err)
	}
	if int64(len(body)) > c.maxResponse {
		return nil, fmt.Errorf("zk/admin: AdminServer /commands/%s: %w: more than %d bytes",
			cmd, ErrResponseTooLarge, c.maxResponse)
	}
	if err := checkJSONError(cmd, body); err != nil {
		return nil, err
	}
	return body, nil
}

// checkJSONError reports the AdminServer's own "error" field. Every answer
// carries it, null on success.
func checkJSONError(cmd string, body []byte) error {
	var env struct {
		Error any `json:"error"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return parseErr(cmd, 0, "not a JSON object: %v", err)
	}
	switch e := env.Error.(type) {
	case nil:
		return nil
	case string:
		return &CommandError{Command: cmd, Message: e}
	default:
		return &CommandError{Command: cmd, Message: fmt.Sprint(e)}
	}
}
