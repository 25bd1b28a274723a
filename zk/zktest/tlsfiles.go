package zktest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// TLSFiles names the PEM files a TLS client of a WithTLS server needs.
type TLSFiles struct {
	// CAFile is the certificate of the CA that signed both the server and
	// the client certificate.
	CAFile string
	// CertFile and KeyFile are the client certificate and its PKCS#8 key.
	CertFile, KeyFile string
	// ServerName is a name in the server certificate ("localhost"; the
	// certificate also holds the IP 127.0.0.1).
	ServerName string
}

// ClientConfig returns a tls.Config that trusts the CA, presents the client
// certificate and checks the server's name.
func (f *TLSFiles) ClientConfig() (*tls.Config, error) {
	ca, err := os.ReadFile(f.CAFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca) {
		return nil, errors.New("zktest: no certificate in " + f.CAFile)
	}
	cert, err := tls.LoadX509KeyPair(f.CertFile, f.KeyFile)
	if err != nil {
		return nil, err
	}
	return &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{cert}, ServerName: f.ServerName}, nil
}

// tlsMaterial is TLSFiles plus the server's own key store.
type tlsMaterial struct {
	TLSFiles
	// serverPEM holds the server's PKCS#8 key followed by its certificate:
	// ZooKeeper's PEM key store reads both from one file.
	serverPEM string
}

// certLife is long enough for any test run and short enough to be obviously
// a throwaway.
const certLife = 7 * 24 * time.Hour

// generateTLS writes a fresh ECDSA P-256 CA, server and client certificate
// into dir.
func generateTLS(dir string) (*tlsMaterial, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	caTmpl := template("zktest CA")
	caTmpl.IsCA = true
	caTmpl.BasicConstraintsValid = true
	caTmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, err
	}

	srvTmpl := template("localhost")
	srvTmpl.DNSNames = []string{"localhost"}
	srvTmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
	srvTmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
	srvKey, srvDER, err := issue(srvTmpl, ca, caKey)
	if err != nil {
		return nil, err
	}

	cliTmpl := template("zktest client")
	cliTmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	cliKey, cliDER, err := issue(cliTmpl, ca, caKey)
	if err != nil {
		return nil, err
	}

	m := &tlsMaterial{
		TLSFiles: TLSFiles{
			CAFile:     filepath.Join(dir, "ca.pem"),
			CertFile:   filepath.Join(dir, "client-cert.pem"),
			KeyFile:    filepath.Join(dir, "client-key.pem"),
			ServerName: "localhost",
		},
		serverPEM: filepath.Join(dir, "server.pem"),
	}
	writes := []struct {
		path   string
		blocks []*pem.Block
	}{
		{m.CAFile, []*pem.Block{certBlock(caDER)}},
		{m.CertFile, []*pem.Block{certBlock(cliDER)}},
		{m.KeyFile, []*pem.Block{cliKey}},
		{m.serverPEM, []*pem.Block{srvKey, certBlock(srvDER)}},
	}
	for _, w := range writes {
		var out []byte
		for _, b := range w.blocks {
			out = append(out, pem.EncodeToMemory(b)...)
		}
		if err := os.WriteFile(w.path, out, 0o600); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// template is a certificate template with a random serial number.
func template(cn string) *x509.Certificate {
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	now := time.Now()
	return &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"zkui zktest"}},
		NotBefore:    now.Add(-time.Hour), // tolerate a little clock skew
		NotAfter:     now.Add(certLife),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
}

// issue makes a new key and a certificate for it signed by the CA. It returns
// the key as a PKCS#8 PEM block (the only private key form ZooKeeper's PEM
// reader accepts) and the certificate's DER.
func issue(tmpl, ca *x509.Certificate, caKey *ecdsa.PrivateKey) (*pem.Block, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, nil, fmt.Errorf("zktest: sign %s: %w", tmpl.Subject.CommonName, err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return &pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}, der, nil
}

func certBlock(der []byte) *pem.Block { return &pem.Block{Type: "CERTIFICATE", Bytes: der} }
