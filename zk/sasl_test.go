package zk

import (
	"strings"
	"testing"
)

// The worked example of RFC 2831 section 4 (IMAP, user chris, password
// secret): both the client's response and the server's rspauth.
func TestDigestResponseRFC2831(t *testing.T) {
	const (
		user, realm, pw = "chris", "elwood.innosoft.com", "secret"
		nonce, cnonce   = "OA6MG9tEQGm2hh", "OA6MHXh6VqTrRk"
		uri             = "imap/elwood.innosoft.com"
	)
	if got := digestResponse(user, realm, pw, nonce, cnonce, "00000001", "AUTHENTICATE:"+uri); got != "d388dad90d4bbd760a152321f2143af7" {
		t.Errorf("response = %s", got)
	}
	if got := digestResponse(user, realm, pw, nonce, cnonce, "00000001", ":"+uri); got != "ea40f60335c427b5527b84dbabcdfffd" {
		t.Errorf("rspauth = %s", got)
	}
}

func TestParseDigestChallenge(t *testing.T) {
	got, err := parseDigestChallenge(`realm="zk-sasl-md5",nonce="a\"b,c",qop="auth,auth-int",charset=utf-8,algorithm=md5-sess`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"realm": "zk-sasl-md5", "nonce": `a"b,c`, "qop": "auth,auth-int", "charset": "utf-8", "algorithm": "md5-sess"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for _, bad := range []string{`nonce="open`, `=x`, `novalue`} {
		if _, err := parseDigestChallenge(bad); err == nil {
			t.Errorf("parseDigestChallenge(%q) accepted", bad)
		}
	}
}

func TestDigestRespondAndVerify(t *testing.T) {
	d := &digestMD5{user: "bob", password: "hunter2", cnonce: "cn"}
	resp, err := d.respond([]byte(`realm="zk-sasl-md5",nonce="n1",qop="auth",charset=utf-8,algorithm=md5-sess`))
	if err != nil {
		t.Fatal(err)
	}
	s := string(resp)
	for _, part := range []string{`username="bob"`, `digest-uri="zookeeper/zk-sasl-md5"`, `qop=auth`, `nc=00000001`, `charset=utf-8`} {
		if !strings.Contains(s, part) {
			t.Errorf("response %q lacks %s", s, part)
		}
	}
	if strings.Contains(s, "hunter2") {
		t.Error("the response carries the password in clear")
	}
	if err := d.verify([]byte("rspauth=" + d.rspauth)); err != nil {
		t.Errorf("verify own rspauth: %v", err)
	}
	if err := d.verify([]byte("rspauth=00")); err == nil {
		t.Error("a wrong rspauth was accepted")
	}
	if _, err := d.respond([]byte(`realm="x",nonce="n",qop="auth-conf"`)); err == nil {
		t.Error("a challenge without qop auth was accepted")
	}
}
