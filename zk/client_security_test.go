package zk

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zkui/zkui/zk/zktest"
)

func TestClientTLS(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper")
	}
	srv := zktest.Standalone(t, zktest.WithClientAuth("need"), zktest.WithoutAdminServer())
	cfg, err := srv.TLS.ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t)

	t.Run("mutual TLS", func(t *testing.T) {
		c := newClient(t, srv.SecureAddr, func(c *Client) { c.TLS = cfg })
		if _, err := c.Create(ctx, "/tls", []byte("ok"), ModeEphemeral, WorldACL(PermAll)); err != nil {
			t.Fatal(err)
		}
		ids, err := c.WhoAmI(ctx)
		if err != nil || !hasScheme(ids, "x509") {
			t.Errorf("whoAmI over mutual TLS = %v, %v; want an x509 identity", ids, err)
		}
	})
	t.Run("unknown CA", func(t *testing.T) {
		bad := cfg.Clone()
		bad.RootCAs = x509.NewCertPool()
		c := newClient(t, srv.SecureAddr, func(c *Client) { c.TLS = bad })
		err := connectBriefly(c)
		if err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Errorf("connect with an unknown CA: %v; want a certificate error", err)
		}
		t.Logf("unknown CA: %v", err)
	})
	t.Run("wrong server name", func(t *testing.T) {
		bad := cfg.Clone()
		bad.ServerName = "not-the-server.example"
		c := newClient(t, srv.SecureAddr, func(c *Client) { c.TLS = bad })
		if err := connectBriefly(c); err == nil || !strings.Contains(err.Error(), "not-the-server.example") {
			t.Errorf("connect with a wrong server name: %v", err)
		}
	})
	t.Run("no client certificate", func(t *testing.T) {
		anon := cfg.Clone()
		anon.Certificates = nil
		c := newClient(t, srv.SecureAddr, func(c *Client) { c.TLS = anon })
		if err := connectBriefly(c); err == nil {
			t.Error("connected without the client certificate the server needs")
		}
	})
}

func connectBriefly(c *Client) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return c.Connect(ctx)
}

func hasScheme(ids []ClientInfo, scheme string) bool {
	for _, id := range ids {
		if id.AuthScheme == scheme {
			return true
		}
	}
	return false
}

func TestClientSASLDigest(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: needs a real ZooKeeper")
	}
	const pw = "bob-Secret-9f3"
	srv := zktest.Standalone(t, zktest.WithSASLDigest(map[string]string{"bob": pw}), zktest.WithoutAdminServer())
	ctx := ctxT(t)
	var logs strings.Builder
	c := newClient(t, srv.Addr, func(c *Client) {
		c.SASL = &SASLAuth{Username: "bob", Password: pw}
		c.Logger = newTestLogger(&logs)
	})
	ids, err := c.WhoAmI(ctx)
	if err != nil || !hasIdentity(ids, "sasl", "bob") {
		t.Fatalf("whoAmI = %v, %v; want sasl:bob", ids, err)
	}
	acl := []ACL{{Perms: PermAll, Scheme: "sasl", ID: "bob"}}
	if _, err := c.Create(ctx, "/bob", []byte("secret"), ModePersistent, acl); err != nil {
		t.Fatal(err)
	}
	if data, _, err := c.GetData(ctx, "/bob"); err != nil || string(data) != "secret" {
		t.Errorf("bob reads his node: %q %v", data, err)
	}
	if _, _, err := dialAddr(t, srv.Addr).GetData(ctx, "/bob"); !errors.Is(err, ErrNoAuth) {
		t.Errorf("anonymous read of sasl:bob node: %v, want ErrNoAuth", err)
	}

	wrong := newClient(t, srv.Addr, func(c *Client) {
		c.SASL = &SASLAuth{Username: "bob", Password: "not-" + pw}
		c.Logger = newTestLogger(&logs)
	})
	st := wrong.States()
	_, _, err = wrong.GetData(ctx, "/")
	if !errors.Is(err, ErrAuthFailed) {
		t.Errorf("wrong password: %v, want ErrAuthFailed", err)
	}
	nextState(t, st, StateAuthFailed, 5*time.Second)
	for _, s := range []string{fmt.Sprint(err), fmt.Sprintf("%+v", wrong), fmt.Sprintf("%#v", *wrong.SASL), fmt.Sprintf("%v", c.SASL), logs.String()} {
		if strings.Contains(s, pw) {
			t.Errorf("password leaked: %s", s)
		}
	}
	t.Logf("wrong password: %v", err)
}
