package zktest

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTLSServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s := Standalone(t, WithTLS())
	if s.TLS == nil || s.SecureAddr == "" {
		t.Fatalf("TLS %v, SecureAddr %q: want both set", s.TLS, s.SecureAddr)
	}
	cfg, err := s.TLS.ClientConfig()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("ruok over TLS", func(t *testing.T) {
		conn, err := tls.Dial("tcp", s.SecureAddr, cfg)
		if err != nil {
			t.Fatalf("handshake with the CA: %v", err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.WriteString(conn, "ruok"); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(conn)
		if string(got) != "imok" {
			t.Errorf("ruok over TLS = %q (%v), want imok", got, err)
		}
	})

	t.Run("wrong CA", func(t *testing.T) {
		// Another run's CA signed nothing this server holds.
		other, err := generateTLS(filepath.Join(t.TempDir(), "other"))
		if err != nil {
			t.Fatal(err)
		}
		pem, err := os.ReadFile(other.CAFile)
		if err != nil {
			t.Fatal(err)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		conn, err := tls.Dial("tcp", s.SecureAddr, &tls.Config{RootCAs: pool, ServerName: s.TLS.ServerName})
		if err == nil {
			conn.Close()
			t.Fatal("handshake succeeded with a CA that did not sign the server")
		}
		var unknown x509.UnknownAuthorityError
		if !strings.Contains(err.Error(), "unknown authority") && !errors.As(err, &unknown) {
			t.Errorf("handshake error = %v, want an unknown authority", err)
		}
	})

	t.Run("plain port still plain", func(t *testing.T) {
		if got := fourLetter(t, s.Addr, "ruok"); got != "imok" {
			t.Errorf("ruok on the plain port = %q, want imok", got)
		}
	})
}

// TestTLSNeedsClientCert checks ssl.clientAuth=need: without a client
// certificate the server drops the connection; with one it answers.
func TestTLSNeedsClientCert(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real ZooKeeper")
	}
	t.Parallel()
	s := Standalone(t, WithClientAuth("need"), WithoutAdminServer())
	cfg, err := s.TLS.ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	ruok := func(cfg *tls.Config) (string, error) {
		conn, err := tls.Dial("tcp", s.SecureAddr, cfg)
		if err != nil {
			return "", err
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.WriteString(conn, "ruok"); err != nil {
			return "", err
		}
		b, err := io.ReadAll(conn)
		return string(b), err
	}
	if got, err := ruok(cfg); got != "imok" {
		t.Errorf("ruok with a client certificate = %q (%v), want imok", got, err)
	}
	anon := cfg.Clone()
	anon.Certificates = nil
	if got, err := ruok(anon); got == "imok" || err == nil {
		t.Errorf("ruok without a client certificate = %q, %v; want a refusal", got, err)
	}
}
