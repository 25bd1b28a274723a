package zk

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// A DIGEST-MD5 client (RFC 2831) as ZooKeeper's SASL server expects it:
// service "zookeeper", server name "zk-sasl-md5", quality of protection
// "auth" (authentication only; nothing is wrapped afterwards). Kerberos
// (GSSAPI) is not implemented: see the Client doc.
const (
	saslRealm     = "zk-sasl-md5"
	saslDigestURI = "zookeeper/" + saslRealm
)

// digestMD5 holds one exchange's state between the challenge and the
// server's final rspauth.
type digestMD5 struct {
	user, password string
	cnonce         string
	// rspauth is the value the server must send back to prove it knows the
	// password too.
	rspauth string
}

// parseDigestChallenge splits `k=v,k="quoted, v"` pairs (RFC 2831 2.1.1).
func parseDigestChallenge(s string) (map[string]string, error) {
	out := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; {
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("malformed digest challenge near %q", s)
		}
		key := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimSpace(s[eq+1:])
		var val string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			i := 1
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated quoted value in digest challenge")
			}
			val, s = b.String(), s[i+1:]
		} else {
			end := strings.IndexByte(s, ',')
			if end < 0 {
				end = len(s)
			}
			val, s = strings.TrimSpace(s[:end]), s[end:]
		}
		if _, dup := out[key]; !dup {
			out[key] = val
		}
		s = strings.TrimLeft(s, " \t,")
	}
	return out, nil
}

// respond answers the server's challenge.
func (d *digestMD5) respond(challenge []byte) ([]byte, error) {
	ch, err := parseDigestChallenge(string(challenge))
	if err != nil {
		return nil, err
	}
	nonce := ch["nonce"]
	if nonce == "" {
		return nil, errors.New("digest challenge without a nonce")
	}
	if qops := ch["qop"]; qops != "" && !containsToken(qops, "auth") {
		return nil, fmt.Errorf("server offers qop %q, not auth", qops)
	}
	realm := ch["realm"]
	if realm == "" {
		realm = saslRealm
	}
	if d.cnonce == "" {
		var b [18]byte
		rand.Read(b[:])
		d.cnonce = base64.RawStdEncoding.EncodeToString(b[:])
	}
	const nc = "00000001"
	resp := digestResponse(d.user, realm, d.password, nonce, d.cnonce, nc, "AUTHENTICATE:"+saslDigestURI)
	d.rspauth = digestResponse(d.user, realm, d.password, nonce, d.cnonce, nc, ":"+saslDigestURI)
	var b strings.Builder
	if strings.EqualFold(ch["charset"], "utf-8") {
		b.WriteString("charset=utf-8,")
	}
	fmt.Fprintf(&b, `username=%s,realm=%s,nonce=%s,nc=%s,cnonce=%s,digest-uri=%s,maxbuf=65536,response=%s,qop=auth`,
		quoteDigest(d.user), quoteDigest(realm), quoteDigest(nonce), nc, quoteDigest(d.cnonce), quoteDigest(saslDigestURI), resp)
	return []byte(b.String()), nil
}

// verify checks the server's final "rspauth=..." token.
func (d *digestMD5) verify(token []byte) error {
	kv, err := parseDigestChallenge(string(token))
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(kv["rspauth"]), []byte(d.rspauth)) != 1 {
		return errors.New("the server's rspauth does not match: it does not know the password")
	}
	return nil
}

// digestResponse computes the response value of RFC 2831 2.1.2.1 for qop
// auth, with A2 given (it differs between the client's response and the
// server's rspauth):
//
//	A1 = H(user:realm:password) ":" nonce ":" cnonce
//	response = HEX(H(HEX(H(A1)) ":" nonce ":" nc ":" cnonce ":auth:" HEX(H(A2))))
func digestResponse(user, realm, password, nonce, cnonce, nc, a2 string) string {
	secret := md5.Sum([]byte(user + ":" + realm + ":" + password))
	a1 := string(secret[:]) + ":" + nonce + ":" + cnonce
	ha1 := md5.Sum([]byte(a1))
	ha2 := md5.Sum([]byte(a2))
	kd := hex.EncodeToString(ha1[:]) + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + hex.EncodeToString(ha2[:])
	sum := md5.Sum([]byte(kd))
	return hex.EncodeToString(sum[:])
}

func quoteDigest(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func containsToken(list, tok string) bool {
	for _, t := range strings.Split(list, ",") {
		if strings.TrimSpace(t) == tok {
			return true
		}
	}
	return false
}
